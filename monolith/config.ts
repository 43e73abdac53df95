/**
 * The monolith's configuration: the functions' settings plus where to listen
 * and which DynamoDB to use. Read and checked once at start.
 *
 * DynamoDB: DYNAMODB_ENDPOINT set → that server; else AWS_REGION (or
 * AWS_DEFAULT_REGION) set → AWS with the SDK's usual credentials; else the
 * embedded one, persisting under DATA_DIR (DYNAMODB_EMBEDDED=memory keeps it in memory).
 */
import path from 'node:path';
import { ConfigError, type FunctionsConfig, readFunctionsConfig } from '../functions/config.js';

export interface MonolithConfig {
  functions: FunctionsConfig;
  host: string;
  port: number;
  dataDir: string;
  /** Its name in replies' `x-served-by` header. */
  replica: string;
  /** Undefined when an external DynamoDB is configured. */
  embedded?: { persist: boolean; port: number };
}

type Env = Record<string, string | undefined>;

export function readMonolithConfig(env: Env = process.env): MonolithConfig {
  const problems: string[] = [];
  let functions: FunctionsConfig | undefined;
  try {
    functions = readFunctionsConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.message.split('\n  - ').slice(1));
  }
  const port = Number(env.PORT ?? 50051);
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`PORT must be a port number (got "${env.PORT}")`);
  const embeddedMode = env.DYNAMODB_EMBEDDED ?? 'disk';
  if (embeddedMode !== 'disk' && embeddedMode !== 'memory')
    problems.push(`DYNAMODB_EMBEDDED must be disk or memory (got "${embeddedMode}")`);
  const embeddedPort = Number(env.DYNAMODB_EMBEDDED_PORT ?? 0);
  if (!Number.isInteger(embeddedPort) || embeddedPort < 0 || embeddedPort > 65535)
    problems.push('DYNAMODB_EMBEDDED_PORT must be a port number');
  if (problems.length > 0 || !functions) throw new ConfigError(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
  const external = Boolean(env.DYNAMODB_ENDPOINT || env.AWS_REGION || env.AWS_DEFAULT_REGION);
  return {
    functions,
    host: env.HOST ?? '127.0.0.1',
    port,
    dataDir: path.resolve(env.DATA_DIR ?? 'data'),
    replica: env.REPLICA || 'monolith',
    embedded: external ? undefined : { persist: embeddedMode === 'disk', port: embeddedPort },
  };
}
