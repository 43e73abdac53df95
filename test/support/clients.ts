/** Real gRPC clients of the public API, with promise helpers. */
import * as grpc from '@grpc/grpc-js';
import { type ApiClients, unary } from '../../client/api.js';
import type { ChatMessage__Output } from '../../contracts/generated/gateway/ChatMessage.js';
import { arrivals } from './eventually.js';

export { connect } from '../../client/api.js';
export type Clients = ApiClients;

/** Calls a unary method and resolves with its reply (rejects with the ServiceError). */
export const call = <Req, R>(
  client: grpc.Client,
  method: Parameters<typeof unary<Req, R>>[1],
  request: Req,
  metadata = new grpc.Metadata(),
): Promise<R> => unary(client, method, request, { metadata });

/** The gRPC status of a rejected call, for `assert.equal(await statusOf(...), grpc.status.X)`. */
export async function statusOf(promise: Promise<unknown>): Promise<grpc.status | 'OK'> {
  try {
    await promise;
    return 'OK';
  } catch (error) {
    return (error as grpc.ServiceError).code;
  }
}

export function bearer(token: string): grpc.Metadata {
  const metadata = new grpc.Metadata();
  metadata.set('authorization', `Bearer ${token}`);
  return metadata;
}

/** Registers and logs in a user; returns the credential. */
export async function signUp(clients: Clients, username: string, password = 'password1'): Promise<string> {
  await call(clients.login, clients.login.AddUser, { username, password });
  const reply = await call(clients.login, clients.login.Login, { username, password });
  return (reply as { credential: string }).credential;
}

export interface Subscription {
  messages: ChatMessage__Output[];
  /** Resolves when `count` messages have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<ChatMessage__Output[]>;
  /** Resolves with the server's headers: sent once the subscription is live. */
  live: Promise<grpc.Metadata>;
  /** Resolves with the final status code when the stream ends. */
  ended: Promise<grpc.status>;
  cancel(): void;
}

export function subscribe(clients: Clients, request: Record<string, unknown>, metadata = new grpc.Metadata()): Subscription {
  const stream = clients.gateway.Subscribe(request, metadata);
  const received = arrivals<ChatMessage__Output>();
  stream.on('data', received.push);
  const ended = new Promise<grpc.status>((resolve) => {
    stream.on('status', (status: grpc.StatusObject) => resolve(status.code));
    stream.on('error', () => undefined); // the status event carries the outcome
  });
  const live = new Promise<grpc.Metadata>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no headers within 5 s')), 5_000);
    stream.on('metadata', (headers: grpc.Metadata) => {
      clearTimeout(timer);
      resolve(headers);
    });
  });
  live.catch(() => undefined); // only a test that awaits it cares
  return {
    messages: received.items,
    live,
    ended,
    cancel: () => stream.cancel(),
    waitFor: received.waitFor,
  };
}
