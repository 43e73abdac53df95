/**
 * The public API's gRPC binding: grpc-js handlers over the transport-neutral
 * PublicApi, with the gRPC transport's one error mapping (`toStatusError`).
 */
import * as grpc from '@grpc/grpc-js';
import type { LoginServiceHandlers } from '../contracts/generated/auth/LoginService.js';
import type { ChatMessage } from '../contracts/generated/gateway/ChatMessage.js';
import type { GatewayServiceHandlers } from '../contracts/generated/gateway/GatewayService.js';
import type { gateway } from '../contracts/types.js';
import { recordMs } from '../lib/latency.js';
import { toStatusError } from './grpc-errors.js';
import { bearerOf, type PublicApi, type Rpc } from './public-service.js';
import type { StreamPort } from './subscribe-stream.js';

/** A unary handler from an RPC; errors go through the one mapping. Its time, call to reply, is recorded under its name. */
function unary<Req, Reply>(name: string, rpc: Rpc<Req, Reply>): grpc.handleUnaryCall<Req, Reply> {
  return (call, callback) => {
    const started = performance.now();
    rpc(call.request, bearerOf(call.metadata.get('authorization')[0])).then(
      (reply) => {
        recordMs(name, performance.now() - started);
        callback(null, reply);
      },
      (error) => {
        recordMs(name, performance.now() - started);
        callback(toStatusError(error, name));
      },
    );
  };
}

type Handlers<T> = { [K in keyof T]: T[K] extends Rpc<infer Req, infer Reply> ? grpc.handleUnaryCall<Req, Reply> : never };

/** Every RPC of a table, as grpc-js handlers under the same names. */
function unaryHandlers<T extends Record<string, Rpc<never, unknown>>>(rpcs: T): Handlers<T> {
  // Object.fromEntries cannot carry per-key types; each entry is unary(name, rpcs[name]).
  return Object.fromEntries(Object.entries(rpcs).map(([name, rpc]) => [name, unary(name, rpc)])) as Handlers<T>;
}

/**
 * Subscribe's messages encoded once per message, not once per subscriber: a
 * room's listeners all get the same message object from the live feed, so its
 * bytes are kept beside it (and go when it goes).
 */
export function encodeOnce(serialize: (message: ChatMessage) => Buffer): (message: ChatMessage) => Buffer {
  const encoded = new WeakMap<ChatMessage, Buffer>();
  return (message) => {
    let bytes = encoded.get(message);
    if (!bytes) {
      bytes = serialize(message);
      encoded.set(message, bytes);
    }
    return bytes;
  };
}

/** The service definition with Subscribe's serializer passing bytes already encoded (by encodeOnce) through. */
export function withEncodedStream(service: grpc.ServiceDefinition): grpc.ServiceDefinition {
  const subscribe = service.Subscribe as grpc.MethodDefinition<unknown, unknown>;
  const serialize = subscribe.responseSerialize;
  return { ...service, Subscribe: { ...subscribe, responseSerialize: (value) => (Buffer.isBuffer(value) ? value : serialize(value)) } };
}

function grpcPort(
  call: grpc.ServerWritableStream<gateway.SubscribeRequest, ChatMessage>,
  encode: (message: ChatMessage) => Buffer,
): StreamPort {
  return {
    queued: () => call.writableLength,
    // Bytes, which the service's serializer passes through (withEncodedStream).
    write: (message) => call.write(encode(message) as unknown as ChatMessage),
    live: () => call.sendMetadata(new grpc.Metadata()),
    end: () => call.end(),
    fail: (error) => call.emit('error', toStatusError(error, 'Subscribe')),
    onCancel: (listener) => call.on('cancelled', listener),
  };
}

export function grpcHandlers(
  api: PublicApi,
  encode: (message: ChatMessage) => Buffer,
): { login: LoginServiceHandlers; gateway: GatewayServiceHandlers } {
  return {
    login: unaryHandlers(api.login),
    gateway: {
      ...unaryHandlers(api.gateway),
      Subscribe: (call) => api.subscribe(call.request, bearerOf(call.metadata.get('authorization')[0]), grpcPort(call, encode)),
    },
  };
}
