/**
 * The public API's gRPC-Web binding, for browsers: Connect-ES's server
 * (`@connectrpc/connect-node`, gRPC-Web only) over plain HTTP/1.1, calling the
 * same transport-neutral PublicApi as the gRPC port, plus the chat page's
 * files on the same origin. Messages cross between Connect-ES's shapes and
 * proto-loader's as their wire bytes (one generic conversion, no field
 * mapping); errors take the gRPC transport's one mapping, since gRPC-Web
 * carries gRPC's statuses.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type DescMethod, type DescMethodUnary, type DescService, fromBinary, type MessageShape, toBinary } from '@bufbuild/protobuf';
import { type Code, ConnectError, type ConnectRouter, type HandlerContext } from '@connectrpc/connect';
import { connectNodeAdapter } from '@connectrpc/connect-node';
import type { MethodDefinition } from '@grpc/proto-loader';
import { LoginService } from '../contracts/generated/es/auth_pb.js';
import { GatewayService } from '../contracts/generated/es/gateway_pb.js';
import { loadContracts } from '../contracts/index.js';
import type { chatmsg, gateway } from '../contracts/types.js';
import type { EnvReader } from '../lib/env.js';
import { toStatusError } from './grpc-errors.js';
import { bearerOf, type PublicApi, type Rpc } from './public-service.js';
import type { StreamPort } from './subscribe-stream.js';
import { servePageFiles } from './web-page.js';

/** The same bound as grpc-js's default receive limit on the gRPC port. */
const MAX_REQUEST_BYTES = 4 * 1024 * 1024;

/** WEB_PORT: where gRPC-Web and the page are served; `off` for none. */
export function webPort(e: EnvReader, fallback: number | 'off'): number | undefined {
  if ((e.optional('WEB_PORT') ?? String(fallback)) === 'off') return undefined;
  return e.port('WEB_PORT', fallback === 'off' ? 0 : fallback);
}

export interface WebSettings {
  host: string;
  port: number;
  replica: string;
  handshakeMs: number;
  maxConnections: number;
  /** Told of each request as it comes in. */
  onRequest?: () => void;
}

export interface WebServer {
  /** http://host:port/ */
  url: string;
  port: number;
  /** Stops accepting, lets open calls finish (streams are ended by the API's closeStreams), forced after 5 s. */
  close(): Promise<void>;
}

function toConnectError(error: unknown, rpc: string): ConnectError {
  const { code, details, metadata } = toStatusError(error, rpc);
  const trailers = new Headers();
  for (const [key, values] of Object.entries(metadata?.toHttp2Headers() ?? {})) trailers.set(key, String(values));
  // gRPC's and Connect's codes are the same numbers.
  return new ConnectError(details, code as number as Code, trailers);
}

type Loaded = MethodDefinition<object, object>;
type ConnectMessage = MessageShape<DescMethod['input']>;

/**
 * One method's messages in both libraries' shapes (Connect-ES's and
 * proto-loader's), converted through their wire bytes: what the server needs,
 * and what a test needs to call the gRPC-Web port with proto-loader's shapes.
 */
export function codec(service: DescService, method: DescMethod) {
  const loaded = (loadContracts().definition[service.typeName] as Record<string, Loaded>)[method.name];
  if (!loaded) throw new Error(`${service.typeName}.${method.name} is in the Connect descriptors but not in the protos`);
  return {
    request: {
      fromConnect: (message: ConnectMessage) => loaded.requestDeserialize(Buffer.from(toBinary(method.input, message))),
      toConnect: (request: object) => fromBinary(method.input, loaded.requestSerialize(request)),
    },
    reply: {
      fromConnect: (message: ConnectMessage) => loaded.responseDeserialize(Buffer.from(toBinary(method.output, message))),
      toConnect: (reply: object) => fromBinary(method.output, loaded.responseSerialize(reply)),
    },
  };
}

const bearerIn = (context: HandlerContext) => bearerOf(context.requestHeader.get('authorization'));

function unaryMethods(router: ConnectRouter, service: DescService, rpcs: Record<string, Rpc<never, object>>, replica: string): void {
  for (const method of service.methods) {
    const rpc = rpcs[method.name];
    if (!rpc || method.methodKind !== 'unary') continue;
    const { request: requests, reply: replies } = codec(service, method);
    router.rpc(method as DescMethodUnary, async (request, context) => {
      context.responseHeader.set('x-served-by', replica);
      try {
        return replies.toConnect(await rpc(requests.fromConnect(request) as never, bearerIn(context)));
      } catch (error) {
        throw toConnectError(error, method.name);
      }
    });
  }
}

/**
 * Subscribe as an async generator fed by a bounded queue: SubscribeStream
 * cuts the stream off when `queued()` reaches its limit, as on the gRPC port.
 */
function subscribeMethod(router: ConnectRouter, api: PublicApi, replica: string): void {
  const method = GatewayService.method.subscribe;
  const { request: requests, reply: replies } = codec(GatewayService, method);
  router.rpc(method, async function* (request, context) {
    context.responseHeader.set('x-served-by', replica);
    const queue: MessageShape<typeof method.output>[] = [];
    let done = false;
    let failure: ConnectError | undefined;
    let wake: (() => void) | undefined;
    const settle = () => {
      wake?.();
      wake = undefined;
    };
    const port: StreamPort = {
      queued: () => queue.length,
      write: (message: chatmsg.ChatMessage) => {
        queue.push(replies.toConnect(message) as MessageShape<typeof method.output>);
        settle();
      },
      // Connect-ES sends the headers with the first message; resuming with after_seq covers the gap a client cannot see.
      live: () => {},
      end: () => {
        done = true;
        settle();
      },
      fail: (error) => {
        failure = toConnectError(error, 'Subscribe');
        done = true;
        settle();
      },
      onCancel: (listener) => context.signal.addEventListener('abort', listener, { once: true }),
    };
    context.signal.addEventListener('abort', () => port.end(), { once: true });
    api.subscribe(requests.fromConnect(request) as gateway.SubscribeRequest, bearerIn(context), port);
    while (true) {
      const next = queue.shift();
      if (next) yield next;
      else if (failure) throw failure;
      else if (done) return;
      else await new Promise<void>((resolve) => (wake = resolve));
    }
  });
}

/** A host a person can open: a wildcard address is reached as localhost. */
const urlHost = (host: string) => (host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host);

/** Starts the HTTP server: gRPC-Web for both public services, the page's files for everything else. */
export async function serveWeb(api: PublicApi, settings: WebSettings): Promise<WebServer> {
  const handler = connectNodeAdapter({
    grpcWeb: true,
    grpc: false,
    connect: false,
    readMaxBytes: MAX_REQUEST_BYTES,
    routes(router) {
      unaryMethods(router, LoginService, api.login, settings.replica);
      unaryMethods(router, GatewayService, api.gateway, settings.replica);
      subscribeMethod(router, api, settings.replica);
    },
    fallback: servePageFiles(),
  });
  // No request timeout: a Subscribe lasts as long as the reader stays. Headers must come within the handshake bound.
  const server = http.createServer({ requestTimeout: 0, headersTimeout: settings.handshakeMs }, (request, response) => {
    settings.onRequest?.();
    return handler(request, response);
  });
  server.maxConnections = settings.maxConnections;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, settings.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${urlHost(settings.host)}:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        const force = setTimeout(() => server.closeAllConnections(), 5_000);
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
