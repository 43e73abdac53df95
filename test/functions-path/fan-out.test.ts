/**
 * Live delivery on the functions path costs what messages cost, not what
 * rooms cost (gateway/room-poller.ts): over a quiet interval a gateway with
 * subscribers in several idle rooms sends one batched head read per tick for
 * all of them and no Query for any (the look past the heads every FALLBACK_MS
 * is tested in room-poller.test.ts); a message sent
 * through the gateway comes back with its send's answer and costs no Query.
 * Counted at the gateway's DynamoDB client.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RunningServer } from '../../api/grpc-server.js';
import { noInvokes, storageSince } from '../../lib/usage.js';
import { bearer, type Clients, call, connect, signUp, subscribe } from '../support/clients.js';

process.env.TEST_STACK = 'functions';
const { startTestServer } = await import('../support/server.js');

/** The test server's gateway reads heads every 20 ms (support/server.ts). */
const POLL_MS = 20;
const ROOMS = 6;
const QUIET_MS = 1_000;
/** What the gateway queries anyway: its revocations log, every second (REVOCATION_POLL_MS's default). */
const REVOCATION_READS = Math.ceil(QUIET_MS / 1_000) + 1;

let server: RunningServer;
let c: Clients;

before(async () => {
  server = await startTestServer();
  c = connect(server.address);
});
after(async () => {
  c.close();
  await server.stop();
});

test('idle rooms cost one batched read per tick for all of them, not a Query per room per tick, nor per room when one gets a message', async () => {
  const token = await signUp(c, 'watcher');
  const streams = [];
  for (let i = 0; i < ROOMS; i++) {
    await call(c.gateway, c.gateway.CreateRoom, { room_name: `quiet-${i}` }, bearer(token));
    await call(c.gateway, c.gateway.EnterRoom, { room_name: `quiet-${i}` }, bearer(token));
    streams.push(subscribe(c, { room_name: `quiet-${i}` }, bearer(token)));
  }
  await Promise.all(streams.map((s) => s.live));
  await sleep(3 * POLL_MS); // the watches' first look is done

  const before = await server.stats();
  await sleep(QUIET_MS);
  const quiet = await server.stats();
  const during = (name: string, from = before, to = quiet) => (to[`storage_${name}`] ?? 0) - (from[`storage_${name}`] ?? 0);
  const ticks = QUIET_MS / POLL_MS;
  // A tick's head read, and at most one look past the heads (every 5 s).
  assert.ok(
    during('BatchGetItem') >= 1 && during('BatchGetItem') <= ticks + 2,
    `${during('BatchGetItem')} batched reads in ${ticks} ticks`,
  );
  assert.ok(
    during('Query') <= REVOCATION_READS,
    `${during('Query')} Queries for ${ROOMS} idle rooms (polling each every tick: ${ROOMS * ticks})`,
  );

  await call(c.gateway, c.gateway.SendMessage, { room_name: 'quiet-3', text: 'news' }, bearer(token));
  assert.deepEqual(
    (await streams[3]?.waitFor(1))?.map((m) => m.text),
    ['news'],
  );
  const afterSend = await server.stats();
  assert.ok(during('Query', quiet, afterSend) <= 3 + REVOCATION_READS, 'the message cost a Query or two in its room, not one per room');
  for (const s of streams) s.cancel();
});

test("a message sent through the gateway reaches its subscribers from the send's answer: no Query per message", async () => {
  const token = await signUp(c, 'teller');
  await call(c.gateway, c.gateway.CreateRoom, { room_name: 'told' }, bearer(token));
  await call(c.gateway, c.gateway.EnterRoom, { room_name: 'told' }, bearer(token));
  const stream = subscribe(c, { room_name: 'told' }, bearer(token));
  await stream.live;
  await sleep(3 * POLL_MS); // the watch's first look is done
  const MESSAGES = 10;
  const queries = async () => (await server.stats()).storage_Query ?? 0;

  const busyStart = await queries();
  const startedAt = Date.now();
  for (let i = 1; i <= MESSAGES; i++) {
    await call(c.gateway, c.gateway.SendMessage, { room_name: 'told', text: `t${i}`, msg_id: `t${i}` }, bearer(token));
  }
  const got = await stream.waitFor(MESSAGES);
  const busy = (await queries()) - busyStart;
  // As long again with nothing said: what the gateway queries anyway (its revocations log).
  const quietStart = await queries();
  await sleep(Date.now() - startedAt);
  const quiet = (await queries()) - quietStart;
  assert.deepEqual(
    got.map((m) => [m.server_seq, m.text, m.msg_id]),
    Array.from({ length: MESSAGES }, (_, i) => [i + 1, `t${i + 1}`, `t${i + 1}`]),
  );
  assert.ok(busy <= quiet + 2, `${busy} Queries while ${MESSAGES} messages were sent, ${quiet} in as long a quiet window`);
  stream.cancel();
});

test("a send's own cost comes back on the function's envelope: two storage requests with the room's members and keys in memory", async () => {
  const token = await signUp(c, 'counted');
  await call(c.gateway, c.gateway.CreateRoom, { room_name: 'counted' }, bearer(token));
  await call(c.gateway, c.gateway.EnterRoom, { room_name: 'counted' }, bearer(token));
  const send = (text: string) => call(c.gateway, c.gateway.SendMessage, { room_name: 'counted', text, msg_id: text }, bearer(token));
  await send('first'); // this instance reads the room, its members and its keys now
  const before = (await server.usage()).functions?.chat ?? noInvokes();
  await send('second');
  const after = (await server.usage()).functions?.chat ?? noInvokes();
  assert.equal(after.invokes - before.invokes, 1);
  const storage = storageSince(after.storage, before.storage);
  // The conditional put and the room's head: the msg_id is new among the keys this instance knows (no look-up).
  assert.deepEqual(storage.requests, { PutItem: 1, UpdateItem: 1 });
  assert.ok(storage.writeUnits >= 2, `${storage.writeUnits} write units`);
  assert.ok(after.billedMs > before.billedMs);
});

test('calls waiting for the chat function leave together: 12 concurrent sends in a few invokes, each with its own seq, a retry found', async () => {
  const token = await signUp(c, 'batched');
  await call(c.gateway, c.gateway.CreateRoom, { room_name: 'batched' }, bearer(token));
  await call(c.gateway, c.gateway.EnterRoom, { room_name: 'batched' }, bearer(token));
  const send = (text: string) =>
    call(c.gateway, c.gateway.SendMessage, { room_name: 'batched', text, msg_id: text }, bearer(token)) as Promise<{ server_seq: number }>;
  await send('warm');
  const before = (await server.usage()).functions?.chat ?? noInvokes();
  const replies = await Promise.all(Array.from({ length: 12 }, (_, i) => send(`b${i}`)));
  const after = (await server.usage()).functions?.chat ?? noInvokes();
  assert.deepEqual(
    replies.map((r) => r.server_seq).sort((a, b) => a - b),
    Array.from({ length: 12 }, (_, i) => i + 2),
  );
  // One leaves at once (the free slot), the eleven that waited for it as one batch; a few more if they arrived apart.
  assert.ok(after.invokes - before.invokes <= 4, `${after.invokes - before.invokes} invokes for 12 sends`);
  assert.equal((await send('b5')).server_seq, replies[5]?.server_seq, 'a retried msg_id answers its first seq');
});
