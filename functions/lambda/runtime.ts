/**
 * The runtime of a Lambda instance, built on first use and kept for the
 * instance's life (warm invokes reuse the client). Other instances write too,
 * so rooms and memberships are read afresh on every call (a member who left
 * cannot post, as in the monolith); a checked session is trusted for 5 s.
 */

import { readFunctionsConfig } from '../config.js';
import { createRuntime, type Runtime } from '../runtime.js';
import { createDynamoClient } from '../storage/dynamo.js';

let runtime: Runtime | undefined;

export function lambdaRuntime(): Runtime {
  if (!runtime) {
    const config = readFunctionsConfig();
    if (!config.jwtSecret) throw new Error('JWT_SECRET is required by the functions');
    runtime = createRuntime({
      config,
      client: createDynamoClient(config),
      jwtSecret: config.jwtSecret,
      roomCacheMs: 0,
      sessionCacheMs: 5_000,
    });
  }
  return runtime;
}
