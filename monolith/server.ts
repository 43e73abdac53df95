/**
 * The monolith: one gRPC server with LoginService and GatewayService (plus
 * health and reflection), calling the functions in-process. `startMonolith`
 * is what `npm start` runs and what the tests start on port 0.
 */

import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as grpc from '@grpc/grpc-js';
import { ReflectionService } from '@grpc/reflection';
import { HealthImplementation } from 'grpc-health-check';
import { gatewayService, loginServiceHandlers } from '../api/public-service.js';
import { loadContracts } from '../contracts/index.js';
import { createDynamoClient } from '../functions/shared/dynamo.js';
import { log } from '../functions/shared/log.js';
import { ensureTables, tableNames } from '../functions/shared/tables.js';
import { createMonolithBackend } from './backend.js';
import type { MonolithConfig } from './config.js';
import { developmentSecret } from './dev-secret.js';
import { type EmbeddedDynamo, startEmbeddedDynamo } from './embedded-dynamo.js';
import { createRoomBus } from './room-bus.js';
import { startWriter, type WriterStats } from './writer.js';

export interface RunningMonolith {
  /** host:port the server listens on. */
  address: string;
  port: number;
  dynamoEndpoint: string;
  /** Live subscribers, and how the writer has grouped messages so far. */
  stats(): Promise<{ subscribers: number } & WriterStats>;
  /** Graceful stop: refuse new calls, end streams, commit queued messages, close the store. */
  stop(): Promise<void>;
}

const SERVICES = ['auth.LoginService', 'gateway.GatewayService'];

export async function startMonolith(config: MonolithConfig): Promise<RunningMonolith> {
  let embedded: EmbeddedDynamo | undefined;
  if (config.embedded) {
    const dir = config.embedded.persist ? path.join(config.dataDir, 'dynamodb') : undefined;
    embedded = await startEmbeddedDynamo(dir, config.embedded.port);
    log.info('embedded DynamoDB ready', { endpoint: embedded.endpoint, storage: dir ?? 'memory' });
  }
  const functions = embedded
    ? { ...config.functions, dynamo: { ...config.functions.dynamo, endpoint: embedded.endpoint } }
    : config.functions;
  const client = createDynamoClient(functions);
  try {
    const { created } = await ensureTables(client, functions.tablePrefix);
    if (created.length > 0) log.info('created tables', { tables: created });
  } catch (error) {
    await embedded?.close();
    throw new Error(
      `cannot reach DynamoDB at ${functions.dynamo.endpoint ?? `AWS ${functions.dynamo.region}`}: ${(error as Error).message}`,
    );
  }

  const secret = functions.jwtSecret ?? developmentSecret(config.embedded?.persist ? config.dataDir : undefined);
  const bus = createRoomBus();
  const writer = await startWriter(
    { endpoint: functions.dynamo.endpoint, region: functions.dynamo.region, tableName: tableNames(functions.tablePrefix).messages },
    (roomId, messages) => bus.publish(roomId, messages),
  );
  const backend = createMonolithBackend(functions, client, secret, writer, bus);
  const { grpcObject, definition } = loadContracts();
  const gateway = gatewayService(backend);
  const server = new grpc.Server({ 'grpc.keepalive_time_ms': 60_000, 'grpc.keepalive_permit_without_calls': 1 });
  server.addService(grpcObject.auth.LoginService.service, loginServiceHandlers(backend));
  server.addService(grpcObject.gateway.GatewayService.service, gateway.handlers);
  const health = new HealthImplementation(Object.fromEntries(['', ...SERVICES].map((s) => [s, 'SERVING'])));
  health.addToServer(server);
  new ReflectionService(definition).addToServer(server);

  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(`${config.host}:${config.port}`, grpc.ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    ),
  ).catch(async (error) => {
    await embedded?.close();
    throw new Error(`cannot listen on ${config.host}:${config.port}: ${error.message}`);
  });

  // How long callbacks waited for the event loop: the server-side share of tail latency.
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  loopDelay.enable();
  let stopping: Promise<void> | undefined;
  return {
    address: `${config.host}:${port}`,
    port,
    dynamoEndpoint: functions.dynamo.endpoint ?? `aws:${functions.dynamo.region}`,
    stats: async () => ({ subscribers: bus.subscriberCount(), ...(await writer.stats()) }),
    stop() {
      stopping ??= (async () => {
        for (const service of ['', ...SERVICES]) health.setStatus(service, 'NOT_SERVING');
        gateway.closeStreams();
        await new Promise<void>((resolve) => {
          const force = setTimeout(() => server.forceShutdown(), 5_000);
          server.tryShutdown(() => {
            clearTimeout(force);
            resolve();
          });
        });
        log.info('message writes', await writer.close());
        loopDelay.disable();
        const ms = (ns: number) => Math.round(ns / 1e4) / 100;
        log.info('event loop delay', {
          p50_ms: ms(loopDelay.percentile(50)),
          p99_ms: ms(loopDelay.percentile(99)),
          max_ms: ms(loopDelay.max),
        });
        client.destroy();
        await embedded?.close();
      })();
      return stopping;
    },
  };
}
