/** `npm start`: the monolith, with an embedded DynamoDB unless one is configured. */

import { stopOnSignals, usageOnSignal } from '../api/lifecycle.js';
import { ConfigError } from '../lib/env.js';
import { describeError, log } from '../lib/log.js';
import { readMonolithConfig } from './config.js';
import { startMonolith } from './server.js';

async function main(): Promise<void> {
  // `npm start` passes --development: the one mode that may generate a JWT secret.
  const env = process.argv.includes('--development') ? { CHAT_ENV: 'development', ...process.env } : process.env;
  const config = readMonolithConfig(env);
  const monolith = await startMonolith(config);
  // Before saying ready: whoever waits for that line may signal at once (SIGUSR2's default action ends the process).
  usageOnSignal(() => monolith.usage());
  stopOnSignals(() => monolith.stop());
  log.ready('monolith ready', {
    grpc: monolith.address,
    web: monolith.webUrl,
    dynamodb: monolith.dynamoEndpoint,
    data: config.embedded?.persist ? config.dataDir : undefined,
    services: 'auth.LoginService gateway.GatewayService grpc.health.v1.Health reflection',
  });
  if (monolith.webUrl) log.info(`chat in a browser: open ${monolith.webUrl}`);
}

main().catch((error) => {
  if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
  else log.error('failed to start', describeError(error));
  process.exit(1);
});
