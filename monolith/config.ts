/**
 * The monolith's configuration: the functions' settings plus where to listen
 * and which DynamoDB to use. Read and checked once at start.
 *
 * DynamoDB: DYNAMODB_ENDPOINT set → that server; else AWS_REGION (or
 * AWS_DEFAULT_REGION) set → AWS with the SDK's usual credentials; else the
 * embedded one, persisting under DATA_DIR (DYNAMODB_EMBEDDED=memory keeps it in memory).
 */
import path from 'node:path';
import { type ConnectionLimits, connectionLimits } from '../api/grpc-server.js';
import { webPort } from '../api/grpc-web.js';
import { type UserLimits, userLimits } from '../api/public-service.js';
import { type FunctionsConfig, functionsSettings } from '../functions/config.js';
import { type Env, type EnvReader, readEnv } from '../lib/env.js';

export interface MonolithConfig {
  functions: FunctionsConfig;
  host: string;
  port: number;
  dataDir: string;
  /** Its name in replies' `x-served-by` header. */
  replica: string;
  /** Undefined when an external DynamoDB is configured. */
  embedded?: { persist: boolean; port: number };
  /** Most idempotency keys (sender, msg_id) the message writer keeps whole in memory. */
  idempotencyKeys: number;
  /** Most fingerprints of older keys it keeps (see sequencer.ts). */
  idempotencyPrints: number;
  /** Most rooms whose state (next seq, fingerprints) the message writer holds; the least recently used idle one goes first. */
  writerRooms: number;
  /** Under load, the message writer's flushes start at most this often (ms; see sequencer.ts). */
  writePaceMs: number;
  /** Where the message writer runs: its own thread, or the main one. */
  messageWriter: 'main' | 'thread';
  connections: ConnectionLimits;
  users: UserLimits;
  /** Where gRPC-Web and the chat page are served (WEB_PORT); undefined for nowhere. */
  webPort?: number;
  /** How often storage is probed for health. */
  storageProbeMs: number;
}

/** The embedded DynamoDB to run: undefined when another one is configured. */
function embeddedStore(e: EnvReader): MonolithConfig['embedded'] {
  const external = Boolean(e.optional('DYNAMODB_ENDPOINT') ?? e.optional('AWS_REGION') ?? e.optional('AWS_DEFAULT_REGION'));
  const mode = e.oneOf('DYNAMODB_EMBEDDED', ['disk', 'memory'], 'disk');
  const port = e.port('DYNAMODB_EMBEDDED_PORT', 0);
  return external ? undefined : { persist: mode === 'disk', port };
}

/** Where a monolith started with this environment keeps its data (for tools that start one; needs no secrets). */
export const readMonolithStore = (env: Env = process.env) => readEnv(env, embeddedStore);

/**
 * Where the message writer runs (writer.ts): the main thread unless told. Side by side it took less CPU per
 * message at every load measured, and had the shorter tail under heavy load (README, "What runs on which core").
 */
const messageWriter = (e: EnvReader) => e.oneOf('MESSAGE_WRITER', ['main', 'thread'], 'main');
export const readMessageWriter = (env: Env = process.env) => readEnv(env, messageWriter);

export function readMonolithConfig(env: Env = process.env): MonolithConfig {
  return readEnv(env, (e) => ({
    functions: functionsSettings(e),
    host: e.text('HOST', '127.0.0.1'),
    port: e.port('PORT', 50051),
    dataDir: path.resolve(e.text('DATA_DIR', 'data')),
    replica: e.replica('monolith'),
    idempotencyKeys: e.integer('IDEMPOTENCY_KEYS', 100_000, 1_000, 10_000_000),
    idempotencyPrints: e.integer('IDEMPOTENCY_PRINTS', 2_000_000, 0, 100_000_000),
    writerRooms: e.integer('MESSAGE_WRITER_ROOMS', 20_000, 100, 10_000_000),
    writePaceMs: e.integer('WRITE_PACE_MS', 4, 0, 100),
    messageWriter: messageWriter(e),
    connections: connectionLimits(e),
    users: userLimits(e),
    webPort: webPort(e, 8080),
    storageProbeMs: e.integer('STORAGE_PROBE_MS', 5_000, 100, 600_000),
    embedded: embeddedStore(e),
  }));
}
