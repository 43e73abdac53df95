/**
 * The functions' Lambda entries (middy), invoked the way Lambda does: a JSON
 * event in, the envelope out, against a real DynamoDB API.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Context } from 'aws-lambda';
import { handler as chatHandler } from '../functions/chat/handler.js';
import { handler as chatroomHandler } from '../functions/chatroom/handler.js';
import type { BatchEvent, CallResult, InvokeEvent, InvokeResult } from '../functions/lambda/envelope.js';
import { handler as loginHandler } from '../functions/login/handler.js';
import { startTestDynamo, type TestDynamo } from './support/dynamo.js';

let db: TestDynamo;
before(async () => {
  db = await startTestDynamo();
  process.env.DYNAMODB_ENDPOINT = db.endpoint;
  process.env.TABLE_PREFIX = db.prefix;
});
after(() => db.close());

const context = { functionName: 'test', awsRequestId: 'r1', getRemainingTimeInMillis: () => 10_000 } as unknown as Context;
type Handler = (event: InvokeEvent | BatchEvent, context: Context) => Promise<InvokeResult>;
/** Invokes a handler; every envelope says what the invoke cost (checked here), the rest is the answer. */
async function invokeRaw(handler: unknown, event: InvokeEvent | BatchEvent): Promise<Omit<InvokeResult, 'cost'>> {
  const { cost, ...envelope } = await (handler as Handler)(event, context);
  assert.ok(cost && cost.ms >= 0 && cost.cpuMs >= 0 && typeof cost.storage.requests === 'object', 'the envelope carries its cost');
  return envelope;
}
const invoke = (handler: unknown, event: InvokeEvent) => invokeRaw(handler, event) as Promise<CallResult>;

test('login → chatroom → chat through the Lambda entries', async () => {
  assert.deepEqual(await invoke(loginHandler, { operation: 'AddUser', request: { username: 'lam', password: 'demo' } }), {
    ok: true,
    reply: { ok: true },
  });
  const login = await invoke(loginHandler, { operation: 'Login', request: { username: 'lam', password: 'demo' } });
  assert.equal(login.ok, true);
  const credential = (login as { reply: { credential: string } }).reply.credential;
  const auth = await invoke(loginHandler, { operation: 'Authenticate', request: { credential } });
  assert.equal(auth.ok, true);
  const caller = (auth as { reply: InvokeEvent['caller'] }).reply;
  assert.equal(caller?.username, 'lam');

  assert.equal((await invoke(chatroomHandler, { operation: 'CreateRoom', caller, request: { room_name: 'lam-room' } })).ok, true);
  assert.equal((await invoke(chatroomHandler, { operation: 'EnterRoom', caller, request: { room_name: 'lam-room' } })).ok, true);
  // A partial request (client_ts_ms and person_name left out) gets the contract's defaults.
  const sent = await invoke(chatHandler, {
    operation: 'SendMessage',
    caller,
    request: { room_name: 'lam-room', text: 'via lambda', msg_id: 'l1' },
  });
  const { server_ts_ms, stored } = (sent as { reply: { server_ts_ms: number; stored: { roomId: string } } }).reply;
  // The message as stored comes back too, for the gateway's own subscribers (a gRPC client never sees it).
  const message = {
    room_name: 'lam-room',
    person_name: 'lam',
    text: 'via lambda',
    server_seq: 1,
    client_ts_ms: 0,
    server_ts_ms,
    msg_id: 'l1',
  };
  assert.deepEqual(sent, {
    ok: true,
    reply: { ok: true, message: 'stored', server_seq: 1, server_ts_ms, msg_id: 'l1', stored: { roomId: stored.roomId, message } },
  });
  const history = await invoke(chatHandler, { operation: 'GetHistory', caller, request: { room_name: 'lam-room' } });
  assert.deepEqual(
    (history as { reply: { messages: { text: string }[] } }).reply.messages.map((m) => m.text),
    ['via lambda'],
  );
});

test('domain errors travel in the envelope with their kind', async () => {
  assert.deepEqual(await invoke(loginHandler, { operation: 'Login', request: { username: 'ghost', password: 'demo' } }), {
    ok: false,
    error: { kind: 'UNAUTHENTICATED', message: 'wrong username or password' },
  });
  assert.deepEqual(await invoke(chatroomHandler, { operation: 'CreateRoom', request: { room_name: 'x' } }), {
    ok: false,
    error: { kind: 'UNAUTHENTICATED', message: 'missing credential' },
  });
  const unknown = await invoke(chatHandler, { operation: 'DropTables', request: {} });
  assert.equal(unknown.ok === false && unknown.error.kind, 'INVALID_ARGUMENT');
  const malformed = await invoke(chatHandler, {
    operation: 'SendMessage',
    caller: { username: 'lam', sessionId: 's', expiresAt: 0 },
    request: { room_name: 'lam-room', text: { nested: true } },
  });
  assert.equal(malformed.ok === false && malformed.error.kind, 'INVALID_ARGUMENT');
});

test('a batch: its calls run together, each answered on its own in order, with one cost for the invoke', async () => {
  await invoke(loginHandler, { operation: 'AddUser', request: { username: 'bat', password: 'demo' } });
  const login = (await invoke(loginHandler, { operation: 'Login', request: { username: 'bat', password: 'demo' } })) as CallResult;
  const { credential } = (login.ok ? login.reply : {}) as { credential: string };
  const auth = await invoke(loginHandler, { operation: 'Authenticate', request: { credential } });
  const caller = (auth.ok ? auth.reply : undefined) as InvokeEvent['caller'];
  const stranger = { username: 'nobody-here', sessionId: 's', expiresAt: 0 };
  for (const operation of ['CreateRoom', 'EnterRoom'])
    assert.equal((await invoke(chatroomHandler, { operation, caller, request: { room_name: 'bat-room' } })).ok, true);

  const send = (who: InvokeEvent['caller'], n: number): InvokeEvent => ({
    operation: 'SendMessage',
    caller: who,
    request: { room_name: 'bat-room', text: `m${n}`, msg_id: `b${n}` },
  });
  const { cost, ...envelope } = await (chatHandler as unknown as Handler)(
    { calls: [send(caller, 1), send(stranger, 2), send(caller, 3), send(caller, 4), { operation: 'DropTables' }] },
    context,
  );
  const results = (envelope as { results: CallResult[] }).results;
  type Reply = { server_seq: number; msg_id: string };
  // Each answer is its own call's, in the calls' order; the calls run together, so which takes which seq is not fixed.
  assert.deepEqual(
    results.map((r) => (r.ok ? (r.reply as Reply).msg_id : r.error.kind)),
    ['b1', 'PERMISSION_DENIED', 'b3', 'b4', 'INVALID_ARGUMENT'],
  );
  assert.deepEqual(
    results.flatMap((r) => (r.ok ? [(r.reply as Reply).server_seq] : [])).sort((a, b) => a - b),
    [1, 2, 3],
  );
  // One at a time per room: no put lost a race for a seq (racing, each loser puts again).
  assert.equal(cost?.storage.requests.PutItem, 3, JSON.stringify(cost?.storage.requests));

  // No calls: a warm-up, answered with no results (and its cost), naming the instance (this module's copy of the code).
  const warm = (await invokeRaw(chatHandler, { calls: [] })) as { results: CallResult[]; instance?: string };
  assert.deepEqual(warm, { results: [], instance: warm.instance });
  assert.match(warm.instance ?? '', /^[0-9a-f]{8}$/);
  // Held: answered no sooner than asked (so that warm-ups sent together find distinct instances); the same instance.
  const heldFrom = performance.now();
  assert.deepEqual(await invokeRaw(chatHandler, { calls: [], holdMs: 60 }), warm);
  assert.ok(performance.now() - heldFrom >= 55, 'held about 60 ms');
  for (const holdMs of [-1, 1.5, 1_001]) {
    const refused = (await invokeRaw(chatHandler, { calls: [], holdMs })) as CallResult;
    assert.equal(!refused.ok && refused.error.kind, 'INVALID_ARGUMENT', `holdMs ${holdMs}`);
  }

  const tooMany = (await invokeRaw(chatHandler, { calls: Array.from({ length: 65 }, (_, i) => send(caller, 10 + i)) })) as CallResult;
  assert.equal(!tooMany.ok && tooMany.error.kind, 'INVALID_ARGUMENT');
});
