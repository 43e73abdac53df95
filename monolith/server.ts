/**
 * The monolith: one gRPC server with LoginService and GatewayService (plus
 * health and reflection), calling the functions in-process. `startMonolith`
 * is what `npm start` runs and what the tests start on port 0.
 */

import path from 'node:path';
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { type RunningServer, serveApi } from '../api/grpc-server.js';
import type { chatmsg } from '../contracts/types.js';
import { createDynamoClient, storageUsage } from '../functions/storage/dynamo.js';
import { ensureTables, tableNames } from '../functions/storage/tables.js';
import { signingKeyFor } from '../infrastructure/local/dev-key.js';
import { type EmbeddedDynamo, startEmbeddedDynamo } from '../infrastructure/local/embedded-dynamo.js';
import { addLatency, latencyCounts, latencySince } from '../lib/latency.js';
import { log } from '../lib/log.js';
import { addStorage } from '../lib/usage.js';
import { createMonolithBackend } from './backend.js';
import type { MonolithConfig } from './config.js';
import { createRoomBus } from './room-bus.js';
import { watchStorage } from './storage-health.js';
import { startInProcessWriter, startWriter, type WriterStats } from './writer.js';

export interface RunningMonolith extends RunningServer {
  dynamoEndpoint: string;
  stats(): Promise<{ subscribers: number } & WriterStats>;
}

export async function startMonolith(config: MonolithConfig): Promise<RunningMonolith> {
  // Without its store or its writer the server cannot keep what it acknowledges: exit non-zero so a
  // supervisor restarts it (a new writer repairs what the old one left; clients resume with after_seq).
  const fatal = (what: string) => (error: Error) => {
    log.error(`${what}; exiting`, { detail: error.message });
    process.exit(1);
  };
  let embedded: EmbeddedDynamo | undefined;
  if (config.embedded) {
    const dir = config.embedded.persist ? path.join(config.dataDir, 'dynamodb') : undefined;
    embedded = await startEmbeddedDynamo(dir, config.embedded.port, fatal('embedded DynamoDB failed'));
    log.info('embedded DynamoDB ready', { endpoint: embedded.endpoint, storage: dir ?? 'memory' });
  }
  const functions = embedded
    ? { ...config.functions, dynamo: { ...config.functions.dynamo, endpoint: embedded.endpoint } }
    : config.functions;
  // Every call tells the storage watch what it found; the watch (below) tells health.
  let storage: ReturnType<typeof watchStorage> | undefined;
  const client = createDynamoClient(functions, (up) => storage?.report(up));
  try {
    const { created } = await ensureTables(client, functions.tablePrefix);
    if (created.length > 0) log.info('created tables', { tables: created });
  } catch (error) {
    await embedded?.close();
    throw new Error(
      `cannot reach DynamoDB at ${functions.dynamo.endpoint ?? `AWS ${functions.dynamo.region}`}: ${(error as Error).message}`,
    );
  }

  const signingKey = functions.signingKey ?? signingKeyFor(undefined, config.embedded?.persist ? config.dataDir : undefined);
  const bus = createRoomBus();
  const setup = {
    endpoint: functions.dynamo.endpoint,
    region: functions.dynamo.region,
    tableName: tableNames(functions.tablePrefix).messages,
    limits: {
      maxIds: config.idempotencyKeys,
      maxPrints: config.idempotencyPrints,
      paceMs: config.writePaceMs,
      maxRooms: config.writerRooms,
    },
  };
  const publish = (roomId: string, messages: chatmsg.ChatMessage[]) => bus.publish(roomId, messages);
  const writer =
    config.messageWriter === 'main'
      ? startInProcessWriter(client, setup, publish)
      : await startWriter(setup, publish, fatal('message writer failed'));
  const backend = createMonolithBackend(functions, client, signingKey, writer, bus);
  const api = await serveApi(backend, config).catch(async (error) => {
    await writer.close();
    await embedded?.close();
    throw error;
  });

  const probeKey = { username: { S: '\u0000storage-probe' } };
  storage = watchStorage({
    probe: () => client.send(new GetItemCommand({ TableName: tableNames(functions.tablePrefix).users, Key: probeKey })),
    probeMs: config.storageProbeMs,
    onChange: (up) => api.setServing(up),
    exitAfterMs: embedded ? 30_000 : undefined,
    onStuck: () => fatal('embedded DynamoDB stayed unavailable')(new Error('out for 30 s; a restart reopens its store')),
  });

  let stopping: Promise<void> | undefined;
  return {
    address: api.address,
    port: api.port,
    webUrl: api.webUrl,
    dynamoEndpoint: functions.dynamo.endpoint ?? `aws:${functions.dynamo.region}`,
    stats: async () => ({ subscribers: bus.subscriberCount(), ...(await writer.stats()) }),
    usage: async () => {
      const writes = await writer.usage();
      const threads: Record<string, number> = {};
      if (writes.thread) threads.writer = writes.thread;
      if (embedded?.threadId) threads.store = embedded.threadId;
      return { storage: addStorage(storageUsage(), writes.storage), threads, latency: addLatency(latencyCounts(), writes.latency) };
    },
    stop() {
      stopping ??= (async () => {
        storage?.stop();
        await api.shutdown();
        log.info('message writes', await writer.close());
        log.info('event loop delay', { ms: latencySince(latencyCounts())['event loop delay'] });
        client.destroy();
        await embedded?.close();
      })();
      return stopping;
    },
  };
}
