/**
 * The gateway's configuration, read and checked once at start.
 */
import { ConfigError } from '../functions/config.js';

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
}

type Env = Record<string, string | undefined>;

export function readGatewayConfig(env: Env = process.env): GatewayConfig {
  const problems: string[] = [];
  const integer = (name: string, fallback: number, min: number, max: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max)
      problems.push(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
    return value;
  };
  const config: GatewayConfig = {
    host: env.HOST ?? '127.0.0.1',
    port: integer('PORT', 50051, 0, 65535),
    region: env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1',
    functionsEndpoint: env.FUNCTIONS_ENDPOINT || undefined,
    functionPrefix: env.FUNCTION_PREFIX ?? 'chat-dev-',
    functionTimeoutMs: integer('FUNCTION_TIMEOUT_MS', 10_000, 100, 900_000),
    functionConcurrency: integer('FUNCTION_CONCURRENCY', 4, 1, 1000),
    dynamoEndpoint: env.DYNAMODB_ENDPOINT || undefined,
    tablePrefix: env.TABLE_PREFIX ?? 'chat-dev-',
    pollIntervalMs: integer('POLL_INTERVAL_MS', 100, 10, 10_000),
    authCacheMs: integer('AUTH_CACHE_MS', 5_000, 0, 3_600_000),
    replica: env.REPLICA ?? `gateway-${process.pid}`,
  };
  if (problems.length > 0) throw new ConfigError(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
  return config;
}
