/**
 * The public API's gRPC binding: grpc-js handlers over the transport-neutral
 * PublicApi, with the gRPC transport's one error mapping (`toStatusError`).
 */
import * as grpc from '@grpc/grpc-js';
import type { LoginServiceHandlers } from '../contracts/generated/auth/LoginService.js';
import type { ChatMessage } from '../contracts/generated/gateway/ChatMessage.js';
import type { GatewayServiceHandlers } from '../contracts/generated/gateway/GatewayService.js';
import type { gateway } from '../contracts/types.js';
import { toStatusError } from './grpc-errors.js';
import { bearerOf, type PublicApi, type Rpc } from './public-service.js';
import type { StreamPort } from './subscribe-stream.js';

/** A unary handler from an RPC; errors go through the one mapping. */
function unary<Req, Reply>(name: string, rpc: Rpc<Req, Reply>): grpc.handleUnaryCall<Req, Reply> {
  return (call, callback) => {
    rpc(call.request, bearerOf(call.metadata.get('authorization')[0])).then(
      (reply) => callback(null, reply),
      (error) => callback(toStatusError(error, name)),
    );
  };
}

type Handlers<T> = { [K in keyof T]: T[K] extends Rpc<infer Req, infer Reply> ? grpc.handleUnaryCall<Req, Reply> : never };

/** Every RPC of a table, as grpc-js handlers under the same names. */
function unaryHandlers<T extends Record<string, Rpc<never, unknown>>>(rpcs: T): Handlers<T> {
  // Object.fromEntries cannot carry per-key types; each entry is unary(name, rpcs[name]).
  return Object.fromEntries(Object.entries(rpcs).map(([name, rpc]) => [name, unary(name, rpc)])) as Handlers<T>;
}

function grpcPort(call: grpc.ServerWritableStream<gateway.SubscribeRequest, ChatMessage>): StreamPort {
  return {
    queued: () => call.writableLength,
    write: (message) => call.write(message),
    live: () => call.sendMetadata(new grpc.Metadata()),
    end: () => call.end(),
    fail: (error) => call.emit('error', toStatusError(error, 'Subscribe')),
    onCancel: (listener) => call.on('cancelled', listener),
  };
}

export function grpcHandlers(api: PublicApi): { login: LoginServiceHandlers; gateway: GatewayServiceHandlers } {
  return {
    login: unaryHandlers(api.login),
    gateway: {
      ...unaryHandlers(api.gateway),
      Subscribe: (call) => api.subscribe(call.request, bearerOf(call.metadata.get('authorization')[0]), grpcPort(call)),
    },
  };
}
