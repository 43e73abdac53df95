/**
 * The gateway: the same public gRPC API as the monolith, bound to the Lambda
 * functions through Invoke, with Subscribe served from the messages table.
 * Any number of replicas can run side by side.
 */

import type { RunningServer } from '../api/grpc-server.js';
import { serveApi } from '../api/grpc-server.js';
import { verifierOf } from '../functions/login/keys.js';
import { FUNCTIONS } from '../functions/operation.js';
import { createDynamoClient, storageUsage } from '../functions/storage/dynamo.js';
import { tableNames } from '../functions/storage/tables.js';
import { latencyCounts } from '../lib/latency.js';
import { log } from '../lib/log.js';
import { createGatewayBackend } from './backend.js';
import type { GatewayConfig } from './config.js';
import { startCredentialCheck } from './credentials.js';
import { createInvoker } from './lambda-invoker.js';
import { createRoomPoller } from './room-poller.js';

export async function startGateway(config: GatewayConfig): Promise<RunningServer> {
  const client = createDynamoClient({ dynamo: { endpoint: config.dynamoEndpoint, region: config.region } });
  const tables = tableNames(config.tablePrefix);
  const invoker = createInvoker({
    endpoint: config.functionsEndpoint,
    region: config.region,
    functionPrefix: config.functionPrefix,
    timeoutMs: config.functionTimeoutMs,
    concurrency: config.functionConcurrency,
    queue: config.functionQueue,
    maxWaitMs: config.functionQueueWaitMs,
    batch: config.functionBatch,
    batchOf: { login: config.loginBatch },
  });
  if (config.functionKeepWarmMs > 0)
    invoker.keepWarm(FUNCTIONS, config.functionKeepWarmMs, (warmed, at) => {
      const failed = Object.values(warmed).some((t) => 'error' in t);
      if (failed) log.warn('function warm-up failed', warmed);
      else if (at === undefined) log.info('functions warm (first invoke, ms)', warmed);
      else log.debug('functions kept warm', { round: new Date(at).toISOString(), ...warmed });
    });
  const poller = createRoomPoller({ client, messagesTable: tables.messages, roomsTable: tables.rooms, intervalMs: config.pollIntervalMs });
  const credentials = await startCredentialCheck({
    publicKey: verifierOf(config.publicKey),
    revocations: { client, tableName: tables.revocations },
    pollMs: config.revocationPollMs,
    tokenTtlSeconds: config.tokenTtlSeconds,
  }).catch((error) => {
    invoker.close();
    client.destroy();
    throw new Error(`cannot read the revocations log: ${(error as Error).message}`);
  });
  const backend = createGatewayBackend({ invoker, poller, client, tables, credentials });
  const api = await serveApi(backend, config);
  let stopping: Promise<void> | undefined;
  return {
    address: api.address,
    port: api.port,
    webUrl: api.webUrl,
    stats: async () => ({
      subscribers: poller.subscriberCount(),
      ...poller.stats(),
      ...credentials.stats(),
      // Storage requests this replica sent, by operation: storage_Query, storage_BatchGetItem, …
      ...Object.fromEntries(Object.entries(storageUsage().requests).map(([operation, n]) => [`storage_${operation}`, n])),
    }),
    usage: async () => ({ storage: storageUsage(), functions: invoker.usage(), latency: latencyCounts() }),
    stop() {
      stopping ??= (async () => {
        await api.shutdown();
        poller.stop();
        credentials.stop();
        invoker.close();
        client.destroy();
      })();
      return stopping;
    },
  };
}
