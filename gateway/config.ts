/**
 * The gateway's configuration, read and checked once at start.
 */
import { hostname } from 'node:os';
import { type ConnectionLimits, connectionLimits } from '../api/grpc-server.js';
import { webPort } from '../api/grpc-web.js';
import { type UserLimits, userLimits } from '../api/public-service.js';
import { type Env, readEnv } from '../lib/env.js';

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
  /** DynamoDB for Subscribe's reads; undefined means AWS. */
  dynamoEndpoint?: string;
  tablePrefix: string;
  pollIntervalMs: number;
  authCacheMs: number;
  /** A name for this replica in logs and in replies' `x-served-by` header. */
  replica: string;
  connections: ConnectionLimits;
  users: UserLimits;
  /** Where gRPC-Web and the chat page are served (WEB_PORT); undefined for nowhere. */
  webPort?: number;
}

export function readGatewayConfig(env: Env = process.env): GatewayConfig {
  return readEnv(env, (e) => ({
    host: e.text('HOST', '127.0.0.1'),
    port: e.port('PORT', 50051),
    region: e.region(),
    functionsEndpoint: e.optional('FUNCTIONS_ENDPOINT'),
    functionPrefix: e.text('FUNCTION_PREFIX', 'chat-dev-'),
    functionTimeoutMs: e.integer('FUNCTION_TIMEOUT_MS', 10_000, 100, 900_000),
    functionConcurrency: e.integer('FUNCTION_CONCURRENCY', 4, 1, 1000),
    dynamoEndpoint: e.optional('DYNAMODB_ENDPOINT'),
    tablePrefix: e.tablePrefix('chat-dev-'),
    pollIntervalMs: e.integer('POLL_INTERVAL_MS', 100, 10, 10_000),
    authCacheMs: e.integer('AUTH_CACHE_MS', 5_000, 0, 3_600_000),
    replica: e.replica(`gateway-${hostname().slice(0, 40)}-${process.pid}`),
    connections: connectionLimits(e),
    users: userLimits(e),
    webPort: webPort(e, 'off'),
  }));
}
