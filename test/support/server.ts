/**
 * The server a test file talks to, on 127.0.0.1:0, with real parts only:
 *
 * - by default the monolith, against an in-memory dynalite (or DYNAMODB_ENDPOINT,
 *   how the suite runs on DynamoDB Local), with its own table prefix;
 * - with TEST_STACK=functions, a gateway in front of serverless-offline running
 *   the built functions, on a fresh embedded dynalite (`npm run test:functions`).
 */
import { randomBytes } from 'node:crypto';
import type { RunningServer } from '../../api/grpc-server.js';
import { readGatewayConfig } from '../../gateway/config.js';
import { startGateway } from '../../gateway/server.js';
import { DEV_PREFIX, startFunctionsStack } from '../../infrastructure/local/functions-stack.js';
import { readMonolithConfig } from '../../monolith/config.js';
import { startMonolith } from '../../monolith/server.js';
import { TEST_PUBLIC_KEY, TEST_SIGNING_KEY, USER_LIMIT_NAMES } from './env.js';

export const TEST_STACK = process.env.TEST_STACK === 'functions' ? 'functions' : 'monolith';

/** The longest a person who left a room can still post (MEMBERSHIP_CACHE_MS on the functions path; the monolith knows at once). */
export const MEMBERSHIP_BOUND_MS = TEST_STACK === 'functions' ? 300 : 0;

/** The per-user limits a test file set (support/env.ts or the file itself), read when a server starts. */
const userLimits = () => Object.fromEntries(USER_LIMIT_NAMES.map((name) => [name, process.env[name]]));

export async function startTestServer(): Promise<RunningServer> {
  if (TEST_STACK === 'functions') return startFunctionsPath();
  const config = readMonolithConfig({
    ...process.env,
    HOST: '127.0.0.1',
    PORT: '0',
    WEB_PORT: '0',
    TABLE_PREFIX: `t${randomBytes(4).toString('hex')}-`,
    DYNAMODB_EMBEDDED: 'memory',
  });
  return startMonolith(config);
}

async function startFunctionsPath(): Promise<RunningServer> {
  const stack = await startFunctionsStack({
    replicas: 0,
    basePort: 0,
    signingKey: TEST_SIGNING_KEY,
    env: { SCRYPT_LOG_N: process.env.SCRYPT_LOG_N ?? '10', LOG_LEVEL: 'error', MEMBERSHIP_CACHE_MS: String(MEMBERSHIP_BOUND_MS) },
  });
  // In this process, so tests can read its subscriber count.
  const gateway = await startGateway(
    readGatewayConfig({
      PORT: '0',
      WEB_PORT: '0',
      JWT_PUBLIC_KEY: TEST_PUBLIC_KEY,
      FUNCTIONS_ENDPOINT: stack.lambdaEndpoint,
      FUNCTION_PREFIX: DEV_PREFIX,
      DYNAMODB_ENDPOINT: stack.dynamoEndpoint,
      TABLE_PREFIX: DEV_PREFIX,
      POLL_INTERVAL_MS: '20',
      // Tests here count invokes exactly: no warm-ups beside them (keep-warm is tested in functions-path/failures).
      FUNCTION_KEEP_WARM_MS: '0',
      ...userLimits(),
    }),
  );
  return {
    ...gateway,
    async stop() {
      await gateway.stop();
      await stack.stop();
    },
  };
}
