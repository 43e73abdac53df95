/**
 * The gateway's binding of the public API: every operation is a Lambda Invoke
 * of its function; Subscribe, which a Lambda cannot hold open, is served here
 * from the messages table (read-only) through the room poller.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Backend } from '../api/backend.js';
import { CHAT } from '../functions/chat/operations.js';
import { subscribeToRoom } from '../functions/chat/subscription.js';
import { createRoomDirectory, UNCACHED } from '../functions/chatroom/directory.js';
import { CHATROOM } from '../functions/chatroom/operations.js';
import { LOGIN, type LoginOperations } from '../functions/login/operations.js';
import type { Caller, FunctionSpec, Operation, OperationsOf } from '../functions/operation.js';
import type { CredentialCheck } from './credentials.js';
import type { Invoker } from './lambda-invoker.js';
import type { RoomPoller } from './room-poller.js';

/** Every operation a function's table declares, as a Lambda Invoke of that function. */
function proxies<S extends FunctionSpec>(invoker: Invoker, fn: string, spec: S): OperationsOf<S> {
  const invokeOf = (op: string) => (caller: Caller | undefined, request: unknown) => invoker.invoke(fn, op, caller, request);
  // Object.fromEntries cannot carry per-key types; the keys are exactly the table's.
  return Object.fromEntries(Object.keys(spec).map((op) => [op, invokeOf(op)])) as OperationsOf<S>;
}

export interface GatewayBackendDeps {
  invoker: Invoker;
  poller: RoomPoller;
  client: DynamoDBClient;
  tables: { rooms: string; members: string; messages: string };
  credentials: CredentialCheck;
}

export function createGatewayBackend(deps: GatewayBackendDeps): Backend {
  const login = proxies(deps.invoker, 'login', LOGIN);
  const chatroom = proxies(deps.invoker, 'chatroom', CHATROOM);
  const chat = proxies(deps.invoker, 'chat', CHAT);
  const messages = { client: deps.client, tableName: deps.tables.messages };
  // Rooms are read afresh each time: the functions change them, not this replica.
  const directory = createRoomDirectory({
    rooms: { client: deps.client, tableName: deps.tables.rooms },
    members: { client: deps.client, tableName: deps.tables.members },
    ...UNCACHED,
  });

  // Checked here, with the public key and the revocations log: no invoke per call.
  const authenticate: LoginOperations['Authenticate'] = async (_caller, request) => deps.credentials.authenticate(request.credential);
  /** A revocation through this replica applies here at once; elsewhere within the log's poll interval. */
  const thenRefresh =
    <Req, Reply>(op: Operation<Req, Reply>): Operation<Req, Reply> =>
    async (caller, request) => {
      const reply = await op(caller, request);
      await deps.credentials.refresh();
      return reply;
    };

  return {
    login: { ...login, Authenticate: authenticate, Logout: thenRefresh(login.Logout), RemoveUser: thenRefresh(login.RemoveUser) },
    chatroom,
    chat: {
      ...chat,
      SendMessage: async (caller, request) => {
        const { stored, ...reply } = await chat.SendMessage(caller, request);
        if (stored) deps.poller.stored(stored);
        else deps.poller.nudge(request.room_name);
        return reply;
      },
    },
    subscribe: (caller, request, sink) => subscribeToRoom({ directory, messages, feed: deps.poller.feed }, caller.username, request, sink),
  };
}
