/**
 * One gRPC server serving the public API over a Backend, with the standard
 * health and reflection services: what the monolith and the gateway both run.
 */
import * as grpc from '@grpc/grpc-js';
import { ReflectionService } from '@grpc/reflection';
import { HealthImplementation } from 'grpc-health-check';
import { loadContracts } from '../contracts/index.js';
import type { EnvReader } from '../lib/env.js';
import { watchEventLoop } from '../lib/latency.js';
import type { ServerUsage } from '../lib/usage.js';
import type { Backend } from './backend.js';
import { encodeOnce, grpcHandlers, withEncodedStream } from './grpc-service.js';
import { serveWeb, type WebServer } from './grpc-web.js';
import { type ListenerLimits, listen } from './listener.js';
import { publicApi, type UserLimits } from './public-service.js';

const SERVICES = ['auth.LoginService', 'gateway.GatewayService'];

export interface RunningServer {
  /** host:port the server listens on. */
  address: string;
  port: number;
  /** Where browsers find the chat page and gRPC-Web, when served. */
  webUrl?: string;
  /** Live subscribers on this server, and its own counters. */
  stats(): Promise<{ subscribers: number } & Record<string, number>>;
  /** What its work cost so far: storage requests and units, invokes (see lib/usage.ts). */
  usage(): Promise<ServerUsage>;
  /** Graceful stop: refuse new calls, end streams, finish queued work, close what it opened. */
  stop(): Promise<void>;
}

export interface ApiServer {
  /** host:port it listens on. */
  address: string;
  port: number;
  /** The gRPC-Web port's URL (and the page's), when served. */
  webUrl?: string;
  /** What the health service says (until shutdown, after which it is NOT_SERVING for good). */
  setServing(serving: boolean): void;
  /** Not serving (health), streams ended with UNAVAILABLE, calls drained (forced after 5 s); the loop watch stopped. */
  shutdown(): Promise<void>;
}

/**
 * Names the server in every reply's headers (`x-served-by`), so load runs and
 * clients can see which replica answered, behind Envoy or round-robin alike;
 * and tells `onCall` of each call as it comes in.
 */
const servedBy =
  (name: string, onCall: () => void): grpc.ServerInterceptor =>
  (_method, call) => {
    onCall();
    return new grpc.ServerInterceptingCall(call, {
      sendMetadata(metadata, next) {
        metadata.set('x-served-by', name);
        next(metadata);
      },
    });
  };

/** What one client may hold open, and for how long: read from the environment, the same for every server. */
export interface ConnectionLimits extends ListenerLimits {
  idleMs: number;
  maxAgeMs: number;
  ageGraceMs: number;
  keepaliveMs: number;
  keepaliveTimeoutMs: number;
  maxStreamsPerConnection: number;
}

export const connectionLimits = (e: EnvReader): ConnectionLimits => ({
  handshakeMs: e.integer('HANDSHAKE_TIMEOUT_MS', 10_000, 100, 600_000),
  maxConnections: e.integer('MAX_CONNECTIONS', 10_000, 1, 1_000_000),
  idleMs: e.integer('CONNECTION_IDLE_MS', 300_000, 1_000, 86_400_000),
  maxAgeMs: e.integer('CONNECTION_MAX_AGE_MS', 3_600_000, 1_000, 604_800_000),
  ageGraceMs: e.integer('CONNECTION_AGE_GRACE_MS', 600_000, 0, 86_400_000),
  keepaliveMs: e.integer('KEEPALIVE_TIME_MS', 60_000, 1_000, 86_400_000),
  keepaliveTimeoutMs: e.integer('KEEPALIVE_TIMEOUT_MS', 20_000, 1_000, 600_000),
  // The load generator multiplexes thousands of users' streams on one connection per worker.
  maxStreamsPerConnection: e.integer('MAX_STREAMS_PER_CONNECTION', 10_000, 1, 1_000_000),
});

/** Where a server listens, its name, and what a client and a user may hold and do. */
export interface ApiSettings {
  host: string;
  port: number;
  /** Its name in replies' `x-served-by` header. */
  replica: string;
  connections: ConnectionLimits;
  users: UserLimits;
  /** Where gRPC-Web and the chat page are served (same host); undefined for nowhere. */
  webPort?: number;
}

export async function serveApi(backend: Backend, settings: ApiSettings): Promise<ApiServer> {
  const { host, port, replica: name, connections: limits } = settings;
  const { grpcObject, definition } = loadContracts();
  const api = publicApi(backend, settings.users);
  const gatewayService = grpcObject.gateway.GatewayService.service;
  // How long calls waited for the event loop, sampled while they come in: the server-side share of tail latency (lib/latency.ts).
  const loop = watchEventLoop();
  const handlers = grpcHandlers(api, encodeOnce(gatewayService.Subscribe.responseSerialize));
  const server = new grpc.Server({
    'grpc.max_connection_idle_ms': limits.idleMs,
    'grpc.max_connection_age_ms': limits.maxAgeMs,
    'grpc.max_connection_age_grace_ms': limits.ageGraceMs,
    'grpc.keepalive_time_ms': limits.keepaliveMs,
    'grpc.keepalive_timeout_ms': limits.keepaliveTimeoutMs,
    'grpc.keepalive_permit_without_calls': 1,
    'grpc.max_concurrent_streams': limits.maxStreamsPerConnection,
    interceptors: [servedBy(name, loop.called)],
  });
  server.addService(grpcObject.auth.LoginService.service, handlers.login);
  server.addService(withEncodedStream(gatewayService), handlers.gateway);
  const health = new HealthImplementation(Object.fromEntries(['', ...SERVICES].map((s) => [s, 'SERVING'])));
  health.addToServer(server);
  new ReflectionService(definition).addToServer(server);

  const listener = await listen(server, host, port, limits);
  let web: WebServer | undefined;
  if (settings.webPort !== undefined) {
    const webSettings = { host, port: settings.webPort, replica: name, ...limits, onRequest: loop.called };
    web = await serveWeb(api, webSettings).catch((error) => {
      listener.close();
      server.forceShutdown();
      throw new Error(`cannot serve gRPC-Web on ${host}:${settings.webPort}: ${(error as Error).message}`);
    });
  }
  let stopping = false;
  const setHealth = (serving: boolean) => {
    for (const service of ['', ...SERVICES]) health.setStatus(service, serving ? 'SERVING' : 'NOT_SERVING');
  };

  return {
    address: `${host}:${listener.port}`,
    port: listener.port,
    webUrl: web?.url,
    setServing(serving) {
      if (!stopping) setHealth(serving);
    },
    async shutdown() {
      stopping = true;
      listener.close();
      setHealth(false);
      api.closeStreams();
      const grpcDrained = new Promise<void>((resolve) => {
        const force = setTimeout(() => server.forceShutdown(), 5_000);
        server.tryShutdown(() => {
          clearTimeout(force);
          resolve();
        });
      });
      await Promise.all([grpcDrained, web?.close()]);
      loop.stop();
    },
  };
}
