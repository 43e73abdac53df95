/**
 * The public API (auth.LoginService and gateway.GatewayService) over a
 * Backend, as plain async functions of the decoded request and the call's
 * bearer credential: the proto ↔ function mapping and the per-user limits,
 * written once for every transport (gRPC in `grpc-service.ts`, gRPC-Web in
 * `grpc-web.ts`) and for the monolith and the gateway alike. One instance per
 * server, so a user's limits count across its transports.
 */
import type * as grpc from '@grpc/grpc-js';
import type { LoginServiceHandlers } from '../contracts/generated/auth/LoginService.js';
import type { GatewayServiceHandlers } from '../contracts/generated/gateway/GatewayService.js';
import type { gateway } from '../contracts/types.js';
import type { Caller } from '../functions/operation.js';
import { canonicalName } from '../functions/validate.js';
import type { EnvReader } from '../lib/env.js';
import { RateLimitedError, ResourceExhaustedError, UnavailableError } from '../lib/errors.js';
import { holdLimit, rateLimit } from '../lib/quota.js';
import type { Backend } from './backend.js';
import { type StreamPort, SubscribeStream } from './subscribe-stream.js';

/** What one user may do, counted per server process (see lib/quota.ts). */
export interface UserLimits {
  sendsPerSecond: number;
  sendBurst: number;
  streamsPerUser: number;
  loginsInFlightPerUser: number;
}

export const userLimits = (e: EnvReader): UserLimits => ({
  sendsPerSecond: e.integer('SENDS_PER_SECOND', 20, 1, 1_000_000),
  sendBurst: e.integer('SEND_BURST', 40, 1, 1_000_000),
  streamsPerUser: e.integer('STREAMS_PER_USER', 32, 1, 1_000_000),
  loginsInFlightPerUser: e.integer('LOGINS_IN_FLIGHT_PER_USER', 2, 1, 1_000),
});

/**
 * One unary RPC: the decoded request (proto-loader's shape) and the credential
 * of the call's `authorization: Bearer …` header ('' when there is none).
 */
export type Rpc<Req, Reply> = (request: Req, bearer: string) => Promise<Reply>;
type RpcOf<H> = H extends grpc.handleUnaryCall<infer Req, infer Reply> ? Rpc<Req, Reply> : never;
/** A generated handler interface's own methods, without the index signature it inherits. */
type Named<H> = { [K in keyof H as string extends K ? never : K]: H[K] };
/** Unary handlers take (call, callback); streaming ones take only the call. */
type IsUnary<F> = F extends (...args: infer A) => void ? (A['length'] extends 2 ? true : false) : false;
/** The unary RPCs of a service, from its generated handler interface (so a contract change is a type error here). */
type Rpcs<H> = { [K in keyof Named<H> as IsUnary<Named<H>[K]> extends true ? K : never]: RpcOf<Named<H>[K]> };

export type LoginRpcs = Rpcs<LoginServiceHandlers>;
export type GatewayRpcs = Rpcs<GatewayServiceHandlers>;

export interface PublicApi {
  login: LoginRpcs;
  gateway: GatewayRpcs;
  /** Opens a Subscribe stream over a transport's port; the stream ends itself (see SubscribeStream). */
  subscribe(request: gateway.SubscribeRequest, bearer: string, port: StreamPort): void;
  /** Ends every open Subscribe with UNAVAILABLE after what is queued, so clients resubscribe elsewhere: how a shutdown drains streams. */
  closeStreams(): void;
}

/** The credential of an `authorization: Bearer <token>` header value ('' for anything else). */
export function bearerOf(header: unknown): string {
  if (typeof header !== 'string') return '';
  return /^Bearer\s+(.+)$/i.exec(header.trim())?.[1] ?? '';
}

export function publicApi(backend: Backend, limits: UserLimits): PublicApi {
  const { login, chatroom, chat } = backend;
  const loggingIn = holdLimit(limits.loginsInFlightPerUser);
  const sends = rateLimit(limits.sendsPerSecond, limits.sendBurst);
  const openStreams = holdLimit(limits.streamsPerUser);
  const streams = new Set<SubscribeStream>();
  /** The credential of `auth.credential` (or a Logout's own field), else the bearer header's. */
  const callerOf = (credential: string | undefined, bearer: string): Promise<Caller> =>
    login.Authenticate(undefined, { credential: credential || bearer });
  const roomOp = (message: string) => (reply: { ok: boolean }) => ({ ok: reply.ok, message });

  const loginRpcs: LoginRpcs = {
    /** One user's logins wait for their hashes one or two at a time, not by the thousand. */
    async Login(request) {
      const key = canonicalName(request.username ?? '');
      if (!loggingIn.acquire(key))
        throw new RateLimitedError(`${limits.loginsInFlightPerUser} logins of ${request.username} are in progress`, 1_000);
      try {
        return await login.Login(undefined, request);
      } finally {
        loggingIn.release(key);
      }
    },
    Validate: (request) => login.Validate(undefined, request),
    AddUser: (request) => login.AddUser(undefined, request),
    RemoveUser: async (request, bearer) => login.RemoveUser(await callerOf('', bearer), request),
    WhoIsLoggedIn: async (request, bearer) => login.WhoIsLoggedIn(await callerOf('', bearer), request),
    Logout: async (request, bearer) => login.Logout(await callerOf(request.credential, bearer), request),
  };

  const gatewayRpcs: GatewayRpcs = {
    CreateRoom: async ({ auth, room_name }, bearer) =>
      chatroom.CreateRoom(await callerOf(auth?.credential, bearer), { room_name }).then(roomOp('created')),
    DeleteRoom: async ({ auth, room_name }, bearer) =>
      chatroom.DeleteRoom(await callerOf(auth?.credential, bearer), { room_name }).then(roomOp('deleted')),
    EnterRoom: async ({ auth, room_name, person_name }, bearer) =>
      chatroom.EnterRoom(await callerOf(auth?.credential, bearer), { room_name, person_name }).then(roomOp('entered')),
    LeaveRoom: async ({ auth, room_name, person_name }, bearer) =>
      chatroom.LeaveRoom(await callerOf(auth?.credential, bearer), { room_name, person_name }).then(roomOp('left')),
    GetPeople: async ({ auth, room_name }, bearer) => chatroom.GetPeople(await callerOf(auth?.credential, bearer), { room_name }),
    ListRooms: async ({ auth, limit, after_room_name }, bearer) =>
      chatroom.ListRooms(await callerOf(auth?.credential, bearer), { limit, after_room_name }),
    async SendMessage({ auth, room_name, person_name, text, client_ts_ms, msg_id }, bearer) {
      const caller = await callerOf(auth?.credential, bearer);
      const wait = sends.take(caller.username);
      if (wait > 0) throw new RateLimitedError(`more than ${limits.sendsPerSecond} messages a second from ${caller.username}`, wait);
      return chat.SendMessage(caller, { room_name, person_name, text, client_ts_ms, msg_id });
    },
    GetHistory: async ({ auth, room_name, limit, before_seq }, bearer) =>
      chat.GetHistory(await callerOf(auth?.credential, bearer), { room_name, limit, before_seq }),
  };

  return {
    login: loginRpcs,
    gateway: gatewayRpcs,
    subscribe(request, bearer, port) {
      let holder: string | undefined;
      const stream = new SubscribeStream(port, (ended) => {
        streams.delete(ended);
        if (holder !== undefined) openStreams.release(holder);
      });
      streams.add(stream);
      stream.start(async (sink) => {
        const { auth, room_name, person_name, after_seq } = request;
        const caller = await callerOf(auth?.credential, bearer);
        if (!openStreams.acquire(caller.username)) {
          throw new ResourceExhaustedError(`${caller.username} has ${limits.streamsPerUser} streams open already; close one first`);
        }
        holder = caller.username;
        if (stream.over) openStreams.release(holder); // it ended while we were looking: onOver has run
        return backend.subscribe(caller, { room_name, person_name, after_seq }, sink);
      });
    },
    closeStreams() {
      for (const stream of [...streams]) stream.fail(new UnavailableError('server is shutting down; resubscribe with after_seq'));
    },
  };
}
