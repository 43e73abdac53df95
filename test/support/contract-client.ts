/**
 * The public contract as one small interface with two bindings over real
 * clients: gRPC (grpc-js) and gRPC-Web (Connect-ES's Node client), both taking
 * and returning proto-loader's shapes, so one walk or one table of mistakes
 * runs through either transport and their replies and statuses compare equal.
 */
import type { DescMethod, DescService } from '@bufbuild/protobuf';
import { ConnectError, createClient } from '@connectrpc/connect';
import { createGrpcWebTransport } from '@connectrpc/connect-node';
import * as grpc from '@grpc/grpc-js';
import type { MethodDefinition, ServiceDefinition } from '@grpc/proto-loader';
import { codec } from '../../api/grpc-web.js';
import type { GatewayRpcs, LoginRpcs } from '../../api/public-service.js';
import type { LoginServiceDefinition } from '../../contracts/generated/auth/LoginService.js';
import { LoginService } from '../../contracts/generated/es/auth_pb.js';
import { GatewayService, type SubscribeRequest } from '../../contracts/generated/es/gateway_pb.js';
import type { GatewayServiceDefinition } from '../../contracts/generated/gateway/GatewayService.js';
import { loadContracts } from '../../contracts/index.js';
import type { chatmsg, gateway } from '../../contracts/types.js';
import { connect } from './clients.js';
import { arrivals } from './eventually.js';

/** Each unary RPC of a service (the names of `Rpcs`), taking a partial request and resolving proto-loader's decoded reply. */
type Calls<Names, Definition> = {
  [K in keyof Names]: K extends keyof Definition
    ? Definition[K] extends MethodDefinition<infer Req, object, object, infer Reply>
      ? (request: Req, token?: string) => Promise<Reply>
      : never
    : never;
};
type LoginCalls = Calls<LoginRpcs, LoginServiceDefinition>;
type GatewayCalls = Calls<GatewayRpcs, GatewayServiceDefinition>;

/** How a call failed, the same on both transports. */
export interface CallError {
  code: grpc.status;
  details: string;
}

export interface LiveStream {
  /** Resolves once the server says the subscription is live (gRPC), or at once (gRPC-Web sends headers with the first message). */
  live: Promise<void>;
  waitFor(count: number, timeoutMs?: number): Promise<chatmsg.ChatMessage[]>;
  /** How the stream ended. */
  ended: Promise<CallError | 'OK'>;
  cancel(): void;
}

export interface ContractClient {
  transport: 'grpc' | 'grpc-web';
  login: LoginCalls;
  gateway: GatewayCalls;
  subscribe(request: Partial<gateway.SubscribeRequest>, token?: string): LiveStream;
  /** Every server that answered so far (their x-served-by headers). */
  servedBy: Set<string>;
  close(): void;
}

/** The status of a settled call, for `assert.equal(await statusOf(...), grpc.status.X)`. */
export async function statusOf(promise: Promise<unknown>): Promise<grpc.status | 'OK'> {
  try {
    await promise;
    return 'OK';
  } catch (error) {
    return (error as CallError).code;
  }
}

/** A stream's messages, awaited by count. */
function collector(cancel: () => void, live: Promise<void>) {
  const { push, waitFor } = arrivals<chatmsg.ChatMessage>();
  return { push, stream: { live, cancel, waitFor } satisfies Omit<LiveStream, 'ended'> };
}

const bearer = (token?: string) => (token ? { authorization: `Bearer ${token}` } : {});

/** grpc-js over one channel to `target` (host:port, or a comma list balanced round-robin). */
export function grpcContractClient(target: string): ContractClient {
  const clients = connect(target);
  const servedBy = new Set<string>();
  const track = (metadata: grpc.Metadata) => {
    const name = metadata.get('x-served-by')[0];
    if (typeof name === 'string') servedBy.add(name);
  };
  const metadataOf = (token?: string) => grpc.Metadata.fromHttp2Headers(bearer(token));
  const calls = (client: grpc.Client, service: string) => {
    const methods = Object.entries(loadContracts().definition[service] as ServiceDefinition).filter(([, m]) => !m.responseStream);
    return Object.fromEntries(
      methods.map(([name, m]) => [
        name,
        (request: object, token?: string) =>
          new Promise((resolve, reject) => {
            client
              .makeUnaryRequest(m.path, m.requestSerialize, m.responseDeserialize, request, metadataOf(token), {}, (error, reply) =>
                error ? reject({ code: error.code, details: error.details } satisfies CallError) : resolve(reply),
              )
              .on('metadata', track);
          }),
      ]),
    );
  };
  return {
    transport: 'grpc',
    login: calls(clients.login, 'auth.LoginService') as LoginCalls,
    gateway: calls(clients.gateway, 'gateway.GatewayService') as GatewayCalls,
    subscribe(request, token) {
      const call = clients.gateway.Subscribe(request, metadataOf(token));
      const live = new Promise<void>((resolve) =>
        call.on('metadata', (headers: grpc.Metadata) => {
          track(headers);
          resolve();
        }),
      );
      const ended = new Promise<CallError | 'OK'>((resolve) =>
        call.on('status', ({ code, details }: grpc.StatusObject) => resolve(code === grpc.status.OK ? 'OK' : { code, details })),
      );
      const { push, stream } = collector(() => call.cancel(), live);
      call.on('data', push);
      call.on('error', () => undefined); // the status event carries the outcome
      return { ...stream, ended };
    },
    servedBy,
    close: () => clients.close(),
  };
}

/** Connect-ES's gRPC-Web client at `baseUrl` (the monolith's web port, or Envoy's gRPC-Web listener). */
export function webContractClient(baseUrl: string): ContractClient {
  const transport = createGrpcWebTransport({ baseUrl, httpVersion: '1.1' });
  const servedBy = new Set<string>();
  const track = (headers: Headers) => {
    const name = headers.get('x-served-by');
    if (name) servedBy.add(name);
  };
  const failure = (error: unknown): CallError => {
    const e = ConnectError.from(error);
    return { code: e.code as number as grpc.status, details: e.rawMessage };
  };
  const calls = (service: DescService) => {
    const unary = service.methods.filter((m): m is DescMethod & { methodKind: 'unary' } => m.methodKind === 'unary');
    return Object.fromEntries(
      unary.map((method) => {
        const { request: requests, reply: replies } = codec(service, method);
        return [
          method.name,
          async (request: object, token?: string) => {
            try {
              const reply = await transport.unary(method, undefined, undefined, bearer(token), requests.toConnect(request));
              track(reply.header);
              return replies.fromConnect(reply.message);
            } catch (error) {
              throw failure(error);
            }
          },
        ];
      }),
    );
  };
  const subscribeCodec = codec(GatewayService, GatewayService.method.subscribe);
  const client = createClient(GatewayService, transport);
  return {
    transport: 'grpc-web',
    login: calls(LoginService) as LoginCalls,
    gateway: calls(GatewayService) as GatewayCalls,
    subscribe(request, token) {
      const abort = new AbortController();
      const input = subscribeCodec.request.toConnect(request) as SubscribeRequest;
      const { push, stream } = collector(() => abort.abort(), Promise.resolve());
      const ended = (async (): Promise<CallError | 'OK'> => {
        try {
          for await (const message of client.subscribe(input, { headers: bearer(token), signal: abort.signal, onHeader: track })) {
            push(subscribeCodec.reply.fromConnect(message) as chatmsg.ChatMessage);
          }
          return 'OK';
        } catch (error) {
          return failure(error);
        }
      })();
      return { ...stream, ended };
    },
    servedBy,
    close: () => undefined,
  };
}
