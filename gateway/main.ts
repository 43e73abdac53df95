/** A gateway replica: `node --import tsx gateway/main.ts` (see gateway/config.ts for its settings). */

import { stopOnSignals, usageOnSignal } from '../api/lifecycle.js';
import { ConfigError } from '../lib/env.js';
import { describeError, log } from '../lib/log.js';
import { readGatewayConfig } from './config.js';
import { startGateway } from './server.js';

async function main(): Promise<void> {
  const config = readGatewayConfig();
  const gateway = await startGateway(config);
  // Before saying ready: whoever waits for that line may signal at once (SIGUSR2's default action ends the process).
  usageOnSignal(() => gateway.usage());
  stopOnSignals(() => gateway.stop(), { replica: config.replica });
  log.ready('gateway ready', {
    grpc: gateway.address,
    web: gateway.webUrl,
    replica: config.replica,
    functions: config.functionsEndpoint ?? `aws:${config.region}`,
    function_prefix: config.functionPrefix,
    dynamodb: config.dynamoEndpoint ?? `aws:${config.region}`,
    poll_ms: config.pollIntervalMs,
  });
}

main().catch((error) => {
  if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
  else log.error('failed to start', describeError(error));
  process.exit(1);
});
