/**
 * The public API (auth.LoginService and gateway.GatewayService) over a
 * Backend: proto ↔ function mapping written once, for the monolith and the
 * gateway alike.
 */
import type * as grpc from '@grpc/grpc-js';
import type { LoginServiceHandlers } from '../contracts/generated/auth/LoginService.js';
import type { GatewayServiceHandlers } from '../contracts/generated/gateway/GatewayService.js';
import type { auth, gateway } from '../contracts/types.js';
import type { Caller } from '../functions/operation.js';
import { canonicalName } from '../functions/validate.js';
import type { EnvReader } from '../lib/env.js';
import { RateLimitedError, ResourceExhaustedError, UnavailableError } from '../lib/errors.js';
import { holdLimit, rateLimit } from '../lib/quota.js';
import type { Backend } from './backend.js';
import { toStatusError } from './grpc-errors.js';
import { type SubscribeCall, SubscribeStream } from './subscribe-stream.js';

type UnaryCall<Req> = grpc.ServerUnaryCall<Req, unknown>;

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

/** A unary handler from an async function; errors go through the one mapping. */
function unary<Req, Reply>(rpc: string, run: (call: UnaryCall<Req>) => Promise<Reply>): grpc.handleUnaryCall<Req, Reply> {
  return (call, callback) => {
    run(call).then(
      (reply) => callback(null, reply),
      (error) => callback(toStatusError(error, rpc)),
    );
  };
}

/** The credential from `auth.credential`, else from `authorization: Bearer <token>` metadata. */
export function credentialOf(metadata: grpc.Metadata, auth?: { credential: string } | null): string {
  if (auth?.credential) return auth.credential;
  const header = metadata.get('authorization')[0];
  if (typeof header !== 'string') return '';
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  return match?.[1] ?? '';
}

export function loginApi(backend: Backend, limits: UserLimits): LoginServiceHandlers {
  const ops = backend.login;
  const loggingIn = holdLimit(limits.loginsInFlightPerUser);
  /** One user's logins wait for their hashes one or two at a time, not by the thousand. */
  const login = async (request: auth.LoginRequest) => {
    const key = canonicalName(request.username ?? '');
    if (!loggingIn.acquire(key))
      throw new RateLimitedError(`${limits.loginsInFlightPerUser} logins of ${request.username} are in progress`, 1_000);
    try {
      return await ops.Login(undefined, request);
    } finally {
      loggingIn.release(key);
    }
  };
  const callerOf = (call: UnaryCall<unknown>, credential = '') =>
    ops.Authenticate(undefined, { credential: credential || credentialOf(call.metadata) });
  return {
    Login: unary('Login', (call) => login(call.request)),
    Validate: unary('Validate', (call) => ops.Validate(undefined, call.request)),
    AddUser: unary('AddUser', (call) => ops.AddUser(undefined, call.request)),
    RemoveUser: unary('RemoveUser', async (call) => ops.RemoveUser(await callerOf(call), call.request)),
    WhoIsLoggedIn: unary('WhoIsLoggedIn', async (call) => ops.WhoIsLoggedIn(await callerOf(call), call.request)),
    Logout: unary('Logout', async (call) => ops.Logout(await callerOf(call, call.request.credential), call.request)),
  };
}

/**
 * The GatewayService handlers, and `closeStreams`, which ends every open
 * Subscribe after what is queued is sent, with UNAVAILABLE so clients
 * resubscribe (with after_seq) elsewhere: how a shutdown drains streams.
 */
export function chatApi(backend: Backend, limits: UserLimits): { handlers: GatewayServiceHandlers; closeStreams(): void } {
  const { chatroom, chat } = backend;
  const streams = new Set<SubscribeStream>();
  const sends = rateLimit(limits.sendsPerSecond, limits.sendBurst);
  const openStreams = holdLimit(limits.streamsPerUser);
  const callerOf = (call: { metadata: grpc.Metadata; request: { auth: gateway.Auth | null } }): Promise<Caller> =>
    backend.login.Authenticate(undefined, { credential: credentialOf(call.metadata, call.request.auth) });
  const roomOp = (message: string) => (reply: { ok: boolean }) => ({ ok: reply.ok, message });

  const handlers: GatewayServiceHandlers = {
    CreateRoom: unary('CreateRoom', async (call: UnaryCall<gateway.CreateRoomRequest>) =>
      chatroom.CreateRoom(await callerOf(call), { room_name: call.request.room_name }).then(roomOp('created')),
    ),
    DeleteRoom: unary('DeleteRoom', async (call: UnaryCall<gateway.DeleteRoomRequest>) =>
      chatroom.DeleteRoom(await callerOf(call), { room_name: call.request.room_name }).then(roomOp('deleted')),
    ),
    EnterRoom: unary('EnterRoom', async (call: UnaryCall<gateway.EnterRoomRequest>) =>
      chatroom
        .EnterRoom(await callerOf(call), { room_name: call.request.room_name, person_name: call.request.person_name })
        .then(roomOp('entered')),
    ),
    LeaveRoom: unary('LeaveRoom', async (call: UnaryCall<gateway.LeaveRoomRequest>) =>
      chatroom
        .LeaveRoom(await callerOf(call), { room_name: call.request.room_name, person_name: call.request.person_name })
        .then(roomOp('left')),
    ),
    GetPeople: unary('GetPeople', async (call: UnaryCall<gateway.GetPeopleRequest>) =>
      chatroom.GetPeople(await callerOf(call), { room_name: call.request.room_name }),
    ),
    ListRooms: unary('ListRooms', async (call: UnaryCall<gateway.ListRoomsRequest>) =>
      chatroom.ListRooms(await callerOf(call), { limit: call.request.limit, after_room_name: call.request.after_room_name }),
    ),
    SendMessage: unary('SendMessage', async (call: UnaryCall<gateway.SendMessageRequest>) => {
      const { room_name, person_name, text, client_ts_ms, msg_id } = call.request;
      const caller = await callerOf(call);
      const wait = sends.take(caller.username);
      if (wait > 0) throw new RateLimitedError(`more than ${limits.sendsPerSecond} messages a second from ${caller.username}`, wait);
      return chat.SendMessage(caller, { room_name, person_name, text, client_ts_ms, msg_id });
    }),
    GetHistory: unary('GetHistory', async (call: UnaryCall<gateway.GetHistoryRequest>) => {
      const { room_name, limit, before_seq } = call.request;
      return chat.GetHistory(await callerOf(call), { room_name, limit, before_seq });
    }),
    Subscribe: (call: SubscribeCall) => {
      let holder: string | undefined;
      const stream = new SubscribeStream(call, (ended) => {
        streams.delete(ended);
        if (holder !== undefined) openStreams.release(holder);
      });
      streams.add(stream);
      stream.start(async (sink) => {
        const { room_name, person_name, after_seq } = call.request;
        const caller = await callerOf(call);
        if (!openStreams.acquire(caller.username)) {
          throw new ResourceExhaustedError(`${caller.username} has ${limits.streamsPerUser} streams open already; close one first`);
        }
        holder = caller.username;
        if (stream.over) openStreams.release(holder); // it ended while we were looking: onOver has run
        return backend.subscribe(caller, { room_name, person_name, after_seq }, sink);
      });
    },
  };

  return {
    handlers,
    closeStreams() {
      for (const stream of [...streams]) stream.fail(new UnavailableError('server is shutting down; resubscribe with after_seq'));
    },
  };
}
