/**
 * The gateway's configuration, read and checked once at start.
 */

import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { type ConnectionLimits, connectionLimits } from '../api/grpc-server.js';
import { webPort } from '../api/grpc-web.js';
import { type UserLimits, userLimits } from '../api/public-service.js';
import { MAX_BATCH } from '../functions/lambda/envelope.js';
import { verifierOf } from '../functions/login/keys.js';
import { type Env, type EnvReader, readEnv } from '../lib/env.js';

export interface GatewayConfig {
  host: string;
  port: number;
  region: string;
  /** Lambda API endpoint (serverless-offline, LocalStack); undefined means AWS. */
  functionsEndpoint?: string;
  functionPrefix: string;
  functionTimeoutMs: number;
  /** Most invokes in flight per function from this replica. */
  functionConcurrency: number;
  /** Most calls waiting per function from this replica; beyond, UNAVAILABLE at once. */
  functionQueue: number;
  /** While the oldest waiting call has waited longer than this, new calls are refused at once. */
  functionQueueWaitMs: number;
  /** Most waiting calls one invoke carries. */
  functionBatch: number;
  /** Most waiting logins one invoke carries (at most functionBatch): each waits for every hash in its batch. */
  loginBatch: number;
  /** A function with no invoke from this replica for this long gets a warm-up invoke (0: none, not even at start). */
  functionKeepWarmMs: number;
  /** DynamoDB for Subscribe's reads; undefined means AWS. */
  dynamoEndpoint?: string;
  tablePrefix: string;
  pollIntervalMs: number;
  /** The public key credentials are verified with (PEM); a gateway never holds the private one. */
  publicKey: string;
  /** How often the revocations log is read: the bound on a revocation reaching this replica. */
  revocationPollMs: number;
  /** The longest a credential lives: how far back the log is read at start. */
  tokenTtlSeconds: number;
  /** A name for this replica in logs and in replies' `x-served-by` header. */
  replica: string;
  connections: ConnectionLimits;
  users: UserLimits;
  /** Where gRPC-Web and the chat page are served (WEB_PORT); undefined for nowhere. */
  webPort?: number;
}

/** JWT_PUBLIC_KEY, else the file JWT_PUBLIC_KEY_FILE names (what a compose stack's deploy step writes). */
function publicKeyOf(e: EnvReader): string {
  if (e.optional('JWT_PRIVATE_KEY') !== undefined)
    e.problem('JWT_PRIVATE_KEY must not be given to a gateway: it verifies with JWT_PUBLIC_KEY only');
  const file = e.optional('JWT_PUBLIC_KEY_FILE');
  let text = e.optional('JWT_PUBLIC_KEY');
  if (text === undefined && file !== undefined) {
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      e.problem(`JWT_PUBLIC_KEY_FILE ${file} cannot be read: ${(error as Error).message}`);
      return '';
    }
  }
  if (text === undefined) {
    e.problem("JWT_PUBLIC_KEY (or JWT_PUBLIC_KEY_FILE) is required: the public half of the login function's JWT_PRIVATE_KEY");
    return '';
  }
  try {
    verifierOf(text);
  } catch {
    e.problem('JWT_PUBLIC_KEY must be an EC P-256 public key in PEM');
  }
  return text;
}

export function readGatewayConfig(env: Env = process.env): GatewayConfig {
  return readEnv(env, (e) => ({
    host: e.text('HOST', '127.0.0.1'),
    port: e.port('PORT', 50051),
    region: e.region(),
    functionsEndpoint: e.optional('FUNCTIONS_ENDPOINT'),
    functionPrefix: e.text('FUNCTION_PREFIX', 'chat-dev-'),
    functionTimeoutMs: e.integer('FUNCTION_TIMEOUT_MS', 10_000, 100, 900_000),
    functionConcurrency: e.integer('FUNCTION_CONCURRENCY', 1, 1, 1000),
    functionQueue: e.integer('FUNCTION_QUEUE', 256, 0, 100_000),
    functionQueueWaitMs: e.integer('FUNCTION_QUEUE_WAIT_MS', 1_000, 0, 900_000),
    functionBatch: e.integer('FUNCTION_BATCH', MAX_BATCH, 1, MAX_BATCH),
    loginBatch: e.integer('LOGIN_BATCH', 16, 1, MAX_BATCH),
    functionKeepWarmMs: e.integer('FUNCTION_KEEP_WARM_MS', 30_000, 0, 3_600_000),
    dynamoEndpoint: e.optional('DYNAMODB_ENDPOINT'),
    tablePrefix: e.tablePrefix('chat-dev-'),
    pollIntervalMs: e.integer('POLL_INTERVAL_MS', 100, 10, 10_000),
    publicKey: publicKeyOf(e),
    revocationPollMs: e.integer('REVOCATION_POLL_MS', 1_000, 100, 60_000),
    tokenTtlSeconds: e.integer('TOKEN_TTL_SECONDS', 12 * 3600, 60, 30 * 24 * 3600),
    replica: e.replica(`gateway-${hostname().slice(0, 40)}-${process.pid}`),
    connections: connectionLimits(e),
    users: userLimits(e),
    webPort: webPort(e, 'off'),
  }));
}
