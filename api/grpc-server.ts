/**
 * One gRPC server serving the public API over a Backend, with the standard
 * health and reflection services: what the monolith and the gateway both run.
 */
import * as grpc from '@grpc/grpc-js';
import { ReflectionService } from '@grpc/reflection';
import { HealthImplementation } from 'grpc-health-check';
import { loadContracts } from '../contracts/index.js';
import type { Backend } from './backend.js';
import { chatApi, loginApi } from './public-service.js';

const SERVICES = ['auth.LoginService', 'gateway.GatewayService'];

export interface RunningServer {
  /** host:port the server listens on. */
  address: string;
  port: number;
  /** Live subscribers on this server, and its own counters. */
  stats(): Promise<{ subscribers: number } & Record<string, number>>;
  /** Graceful stop: refuse new calls, end streams, finish queued work, close what it opened. */
  stop(): Promise<void>;
}

export interface ApiServer {
  /** host:port it listens on. */
  address: string;
  port: number;
  /** Not serving (health), streams ended with UNAVAILABLE, calls drained (forced after 5 s). */
  shutdown(): Promise<void>;
}

/**
 * Names the server in every reply's headers (`x-served-by`), so load runs and
 * clients can see which replica answered, behind Envoy or round-robin alike.
 */
const servedBy =
  (name: string): grpc.ServerInterceptor =>
  (_method, call) =>
    new grpc.ServerInterceptingCall(call, {
      sendMetadata(metadata, next) {
        metadata.set('x-served-by', name);
        next(metadata);
      },
    });

export async function serveApi(backend: Backend, host: string, port: number, name: string): Promise<ApiServer> {
  const { grpcObject, definition } = loadContracts();
  const chat = chatApi(backend);
  const server = new grpc.Server({
    'grpc.keepalive_time_ms': 60_000,
    'grpc.keepalive_permit_without_calls': 1,
    interceptors: [servedBy(name)],
  });
  server.addService(grpcObject.auth.LoginService.service, loginApi(backend));
  server.addService(grpcObject.gateway.GatewayService.service, chat.handlers);
  const health = new HealthImplementation(Object.fromEntries(['', ...SERVICES].map((s) => [s, 'SERVING'])));
  health.addToServer(server);
  new ReflectionService(definition).addToServer(server);

  const bound = await new Promise<number>((resolve, reject) =>
    server.bindAsync(`${host}:${port}`, grpc.ServerCredentials.createInsecure(), (error, actual) =>
      error ? reject(error) : resolve(actual),
    ),
  ).catch((error: Error) => {
    throw new Error(`cannot listen on ${host}:${port}: ${error.message}`);
  });

  return {
    address: `${host}:${bound}`,
    port: bound,
    async shutdown() {
      for (const service of ['', ...SERVICES]) health.setStatus(service, 'NOT_SERVING');
      chat.closeStreams();
      await new Promise<void>((resolve) => {
        const force = setTimeout(() => server.forceShutdown(), 5_000);
        server.tryShutdown(() => {
          clearTimeout(force);
          resolve();
        });
      });
    },
  };
}
