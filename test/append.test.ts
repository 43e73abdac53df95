/**
 * The two ways a message gets its server_seq, against a real DynamoDB API:
 * many conditional writers at once, and the monolith's group-committing
 * sequencer (its batching, crash repair and failure handling).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Appender, createConditionalAppender, type Draft } from '../functions/chat/append.js';
import { createKnownIds } from '../functions/chat/known-ids.js';
import { latestMessages, type MessagesTable, putMessages } from '../functions/chat/messages-table.js';
import { deleteRoomIncarnation, getRoom, putNewRoom, type RoomRecord, type RoomsTable } from '../functions/chatroom/rooms-table.js';
import { storageUsage } from '../functions/storage/dynamo.js';
import { readItemsTogether } from '../functions/storage/gets-together.js';
import { NotFoundError, UnavailableError } from '../lib/errors.js';
import { createSequencer } from '../monolith/sequencer.js';
import { startTestDynamo, type TestDynamo } from './support/dynamo.js';
import { eventually } from './support/eventually.js';

let db: TestDynamo;
let table: MessagesTable;
let roomsTable: RoomsTable;

before(async () => {
  db = await startTestDynamo();
  table = { client: db.client, tableName: db.names.messages };
  roomsTable = { client: db.client, tableName: db.names.rooms };
});
after(() => db.close());

let rooms = 0;
const newRoom = (): RoomRecord => ({
  roomName: `r${++rooms}`,
  key: `r${rooms}`,
  roomId: `room-${rooms}-${Date.now()}`,
  owner: 'ann',
  createdAtMs: 0,
});
/** A new room with its head in the rooms table, as the chatroom function makes it. */
async function roomWithHead(): Promise<RoomRecord> {
  const room = newRoom();
  await putNewRoom(roomsTable, room);
  return room;
}
/** Two chat instances' appenders, each advancing the rooms' heads. */
const twoWriters = () => [1, 2].map(() => createConditionalAppender(table, roomsTable)) as [Appender, Appender];
const draft = (room: RoomRecord, msgId: string, text = msgId): Draft => ({
  room_name: room.roomName,
  person_name: 'ann',
  text,
  client_ts_ms: 0,
  msg_id: msgId,
});
const stored = async (room: RoomRecord) => (await latestMessages(table, room.roomId, 1000)).map((m) => [m.server_seq, m.msg_id]);
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('conditional appender (many writers)', () => {
  test('three writers racing on one room: gapless seqs, each msg_id stored once', async () => {
    const room = newRoom();
    const writers = [1, 2, 3].map(() => createConditionalAppender(table));
    // 30 distinct messages, each sent through all three writers at once (a retry storm).
    const replies = await Promise.all(
      range(30).flatMap((i) => writers.map((append) => append(room, draft(room, `m${i}`), { mayRepeat: true }))),
    );
    const rows = await stored(room);
    assert.deepEqual(
      rows.map(([seq]) => seq),
      range(30),
    );
    assert.equal(new Set(rows.map(([, id]) => id)).size, 30);
    const seqOf = new Map(rows.map(([seq, id]) => [id, seq]));
    for (const reply of replies) assert.equal(reply.message.server_seq, seqOf.get(reply.message.msg_id));
    assert.equal(replies.filter((r) => r.fresh).length, 30, 'one reply per message says it was stored');
  });

  test('writers taking turns on one room: a writer whose guess was wrong reads the tail first, so puts lose no race', async () => {
    const room = newRoom();
    const [a, b] = [1, 2].map(() => createConditionalAppender(table)) as [Appender, Appender];
    const before = storageUsage().requests.PutItem ?? 0;
    for (const i of range(20)) await (i % 2 ? a : b)(room, draft(room, `t${i}`), { mayRepeat: true });
    const puts = (storageUsage().requests.PutItem ?? 0) - before;
    assert.deepEqual(
      (await stored(room)).map(([seq]) => seq),
      range(20),
    );
    // Trusting its own guess each time, a writer would lose the race on every turn after its first (~38 puts).
    assert.ok(puts <= 22, `${puts} puts for 20 messages`);
  });

  test('writers taking turns on a room with its head: a wrong guess reads the head (one item); only a lost put reads the messages', async () => {
    const room = await roomWithHead();
    const [a, b] = twoWriters();
    const before = { ...storageUsage().requests };
    for (const i of range(20)) await (i % 2 ? a : b)(room, draft(room, `t${i}`), { mayRepeat: false });
    const made = (op: string) => (storageUsage().requests[op] ?? 0) - (before[op] ?? 0);
    assert.equal(made('Query'), made('PutItem') - 20, 'one read of the messages per lost put, no tail read');
    assert.ok(made('PutItem') <= 22 && made('GetItem') <= 20, `${made('PutItem')} puts, ${made('GetItem')} head reads for 20 messages`);
    assert.deepEqual(
      (await stored(room)).map(([seq]) => seq),
      range(20),
    );
  });

  test("a room with another writer has its head read before every put there: one writer sending twice for each of the other's loses no put after each first", async () => {
    const room = await roomWithHead();
    const [a, b] = twoWriters();
    const before = storageUsage().requests.PutItem ?? 0;
    for (const i of range(30)) await (i % 3 ? a : b)(room, draft(room, `s${i}`), { mayRepeat: false });
    const puts = (storageUsage().requests.PutItem ?? 0) - before;
    // Trusting its guess again whenever a head read agreed with it, a would lose every third put or so (40 puts).
    assert.ok(puts <= 32, `${puts} puts for 30 messages`);
    assert.deepEqual(
      (await stored(room)).map(([seq]) => seq),
      range(30),
    );
  });

  test('a lost race reads the room from the lost seq on (one Query), then takes the seq after the newest', async () => {
    const room = newRoom();
    const [a, b] = [1, 2].map(() => createConditionalAppender(table)) as [Appender, Appender];
    await a(room, draft(room, 'a1'), { mayRepeat: false }); // a now expects seq 2, and trusts it
    await b(room, draft(room, 'b1'), { mayRepeat: false }); // b reads the tail and takes seq 2
    const requests = () => ({ ...storageUsage().requests });
    const before = requests();
    const { message } = await a(room, draft(room, 'a2'), { mayRepeat: false });
    const after = requests();
    const made = (op: string) => (after[op] ?? 0) - (before[op] ?? 0);
    assert.equal(message.server_seq, 3);
    assert.deepEqual(await stored(room), [
      [1, 'a1'],
      [2, 'b1'],
      [3, 'a2'],
    ]);
    assert.deepEqual([made('PutItem'), made('Query')], [2, 1], 'one lost put, one read of what it lost to, one won');
  });

  test('a send that loses its seq to its own retry (through another writer) answers as the repeat, no second copy', async () => {
    const room = newRoom();
    const retry = createConditionalAppender(table);
    // The first send's own client: its msg_id lookup is done when the retry is stored, just before its put.
    const client = db.newClient();
    const requests = new Map<string, number>();
    let retried: Promise<unknown> | undefined;
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const name = String(context.commandName);
        requests.set(name, (requests.get(name) ?? 0) + 1);
        if (name === 'PutItemCommand') retried ??= retry(room, draft(room, 'same'), { mayRepeat: true });
        await retried;
        return next(args);
      },
      { step: 'initialize', name: 'retryBeforePut' },
    );
    const first = await createConditionalAppender({ client, tableName: table.tableName })(room, draft(room, 'same'), { mayRepeat: true });
    assert.deepEqual([first.fresh, first.message.server_seq], [false, 1], 'the retry took seq 1; the first send answers with it');
    assert.deepEqual(await stored(room), [[1, 'same']]);
    assert.deepEqual(
      [requests.get('QueryCommand'), requests.get('PutItemCommand'), requests.get('GetItemCommand')],
      [3, 1, 1],
      "the tail and the room's ids read (the msg_id's fingerprint is new there), one lost put, the ids from its seq on read, the repeat read whole",
    );
  });

  test("a writer's first message to a room starts after the head its record was read with: no tail read; a stale head costs a lost put, not a wrong seq", async () => {
    const room = await roomWithHead();
    const first = createConditionalAppender(table, roomsTable);
    for (const i of range(3)) await first(room, draft(room, `h${i}`), { mayRepeat: false });
    const read = await getRoom(roomsTable, room.roomName);
    assert.equal(read?.lastSeq, 3);
    const requests = () => ({ ...storageUsage().requests });
    let before = requests();
    const fresh = await createConditionalAppender(table, roomsTable)(read as RoomRecord, draft(room, 'n1'), { mayRepeat: false });
    const made = (op: string) => (requests()[op] ?? 0) - (before[op] ?? 0);
    assert.equal(fresh.message.server_seq, 4);
    assert.deepEqual([made('PutItem'), made('Query')], [1, 0], 'one put, no tail read');
    // Read before two more messages: its head is two behind.
    await first(room, draft(room, 'h4'), { mayRepeat: false });
    before = requests();
    const stale = await createConditionalAppender(table, roomsTable)(read as RoomRecord, draft(room, 'n2'), { mayRepeat: false });
    assert.equal(stale.message.server_seq, 6);
    assert.deepEqual([made('PutItem'), made('Query')], [2, 1], 'one lost put and a read of the two it lost to, then the next seq');
    assert.deepEqual(
      (await stored(room)).map(([seq]) => seq),
      range(6),
    );
  });

  test('a writer more than a read of ids behind, in a room too long to learn, loses one put per read; every seq stays taken once', async () => {
    const room: RoomRecord = { ...newRoom(), lastSeq: 0 };
    const ahead = range(105).map((seq) => ({
      roomId: room.roomId,
      message: { ...draft(room, `old${seq}`), server_seq: seq, server_ts_ms: 0 },
    }));
    await putMessages(table, ahead);
    const before = { ...storageUsage().requests };
    const { message } = await createConditionalAppender(table, undefined, { loadUpTo: 50 })(room, draft(room, 'late'), { mayRepeat: true });
    const made = (op: string) => (storageUsage().requests[op] ?? 0) - (before[op] ?? 0);
    assert.equal(message.server_seq, 106);
    assert.deepEqual(
      [made('PutItem'), made('Query'), made('GetItem')],
      [3, 4, 0],
      'a read of its ids (too many to learn), the msg_id looked up, then 100 ids and 5 more read after the two lost puts, no message read whole',
    );
    assert.deepEqual(
      (await stored(room)).map(([seq]) => seq),
      range(106),
    );
  });

  test("a writer that knows a room's keys looks no msg_id up; a retry matches its fingerprint and is found in the table", async () => {
    const room = newRoom();
    const append = createConditionalAppender(table);
    const queries = () => storageUsage().requests.Query ?? 0;
    const before = queries();
    for (const i of range(10)) await append(room, draft(room, `k${i}`), { mayRepeat: true });
    assert.equal(queries() - before, 2, "the tail and the room's ids read once, at the first send; no look-up after");
    const again = queries();
    const retry = await append(room, draft(room, 'k3'), { mayRepeat: true });
    assert.deepEqual([retry.fresh, retry.message.server_seq], [false, 3]);
    assert.equal(queries() - again, 1, 'the retry looked up');
    assert.deepEqual(
      (await stored(room)).map(([seq]) => seq),
      range(10),
    );
  });

  test("writers taking turns on a room with its head learn each other's messages as items: no Query but the first reads and lost puts", async () => {
    const room = await roomWithHead();
    const [a, b] = twoWriters();
    const before = { ...storageUsage().requests };
    for (const i of range(20)) await (i % 2 ? a : b)(room, draft(room, `w${i}`), { mayRepeat: true });
    const made = (op: string) => (storageUsage().requests[op] ?? 0) - (before[op] ?? 0);
    assert.equal(made('Query'), 2 + made('PutItem') - 20, "each writer's first read of the room's ids, one read per lost put");
    const retried = await a(room, draft(room, 'w2'), { mayRepeat: true }); // b stored it: a learnt its fingerprint as an item
    assert.deepEqual([retried.fresh, retried.message.server_seq], [false, 2]);
    assert.deepEqual(
      (await stored(room)).map(([seq]) => seq),
      range(20),
    );
  });

  test('a room deleted while a sender still holds it (a cached record): NOT_FOUND, and its message is taken back', async () => {
    const room = await roomWithHead();
    const append = createConditionalAppender(table, roomsTable);
    await append(room, draft(room, 'before'), { mayRepeat: true });
    await deleteRoomIncarnation(roomsTable, room);
    await assert.rejects(append(room, draft(room, 'after'), { mayRepeat: true }), NotFoundError);
    // Made again under the same name: a new incarnation, which the old record does not reach either.
    const again = { ...room, roomId: `${room.roomId}-again` };
    await putNewRoom(roomsTable, again);
    await assert.rejects(append(room, draft(room, 'stale'), { mayRepeat: true }), NotFoundError);
    assert.deepEqual(await stored(room), [[1, 'before']]);
    assert.deepEqual(await stored(again), []);
  });
});

describe("known ids (what a chat instance keeps of rooms' keys)", () => {
  const fill = (room: RoomRecord, seqs: number[]) =>
    putMessages(
      table,
      seqs.map((seq) => ({ roomId: room.roomId, message: { ...draft(room, `p${seq}`), server_seq: seq, server_ts_ms: 0 } })),
    );

  test('fingerprints stay within the budget, the least recently used room forgotten first and read again when needed', async () => {
    const known = createKnownIds(table, { maxPrints: 8 });
    const [first, second] = [newRoom(), newRoom()];
    await fill(first, range(6));
    await fill(second, range(6));
    assert.equal((await known.knownThrough(first.roomId, 6))?.upTo, 6);
    assert.equal((await known.knownThrough(second.roomId, 6))?.upTo, 6);
    assert.deepEqual(known.stats(), { rooms: 1, prints: 6 }, 'the first room forgotten');
    const ids = await known.knownThrough(first.roomId, 6);
    assert.ok(ids && known.mayHold(ids, 'ann', 'p4') && !known.mayHold(ids, 'ann', 'p7') && !known.mayHold(ids, 'bob', 'p4'));
    assert.deepEqual(known.stats(), { rooms: 1, prints: 6 });
  });

  test("seqs others stored since are read as items together, as a chat instance's client gathers them: the room stays known", async () => {
    const client = db.newClient();
    readItemsTogether(client); // as a Lambda instance makes it (functions/lambda/runtime.ts)
    const known = createKnownIds({ client, tableName: table.tableName });
    const room = newRoom();
    await fill(room, range(2));
    assert.equal((await known.knownThrough(room.roomId, 2))?.upTo, 2);
    await fill(room, [3, 4, 5, 6]);
    const before = { ...storageUsage().requests };
    const ids = await known.knownThrough(room.roomId, 6);
    const made = (op: string) => (storageUsage().requests[op] ?? 0) - (before[op] ?? 0);
    assert.equal(ids?.upTo, 6);
    assert.ok(known.mayHold(ids, 'ann', 'p5'));
    assert.deepEqual([made('BatchGetItem'), made('Query')], [1, 0], 'four ids in one request, no read of the room again');
    client.destroy();
  });

  test('a gap (a message taken back) is never known past: the room is not learnt', async () => {
    const known = createKnownIds(table);
    const room = newRoom();
    await fill(room, [1, 2, 4]);
    assert.equal(await known.knownThrough(room.roomId, 4), undefined, 'learnt up to the gap only');
    assert.equal(await known.knownThrough(room.roomId, 4), undefined, 'the gap read as an item, and the room let go');
    assert.deepEqual(known.stats(), { rooms: 0, prints: 0 });
  });
});

describe('sequencer (one writer, group commit)', () => {
  test('commits concurrent sends in few writes, gapless, and publishes in order', async () => {
    const room = newRoom();
    const published: number[] = [];
    const sequencer = createSequencer({ table, onCommitted: (_room, messages) => published.push(...messages.map((m) => m.server_seq)) });
    const replies = await Promise.all(range(300).map((i) => sequencer.append(room, draft(room, `g${i}`), { mayRepeat: true })));
    assert.deepEqual(
      replies.map((r) => r.message.server_seq).sort((a, b) => a - b),
      range(300),
    );
    assert.deepEqual(published, range(300));
    assert.deepEqual(
      (await stored(room)).map(([seq]) => seq),
      range(300),
    );
    assert.ok(sequencer.stats().flushes < 300 / 5, `grouped: ${sequencer.stats().flushes} flushes for 300 messages`);
    const again = await sequencer.append(room, draft(room, 'g7'), { mayRepeat: true });
    assert.equal(again.fresh, false);
    assert.equal(again.message.server_seq, replies[6]?.message.server_seq);
  });

  test('flushes are paced only when messages come faster than flushes; then later sends share a write', async () => {
    const room = newRoom();
    const PACE_MS = 300;
    const client = db.newClient();
    const sends: Promise<unknown>[] = [];
    const send = (id: string) => sends.push(sequencer.append(room, draft(room, id), { mayRepeat: true }));
    // What arrives while each write is under way, driven by the writes themselves.
    const duringWrite: (() => void)[] = [
      () => ['w1', 'w2'].forEach(send), // during the first write: the second carries two
      () => {
        send('w3'); // waiting when the second write ends: the third is paced…
        setTimeout(() => send('w4'), 100); // …so this one, sent within the pace, joins it
      },
    ];
    let writes = 0;
    client.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'BatchWriteItemCommand') duringWrite[writes++]?.();
        return next(args);
      },
      { step: 'initialize', name: 'duringWrite' },
    );
    const sequencer = createSequencer({ table: { client, tableName: table.tableName }, paceMs: PACE_MS });
    // Quiet before, so written at once; and a single send after a one-message write is not paced either.
    await sequencer.append(room, draft(room, 'w0'), { mayRepeat: true });
    await eventually(
      async () => sends.length,
      (n) => n === 5,
    );
    await Promise.all(sends);
    assert.deepEqual(
      (await stored(room)).map(([seq]) => seq),
      range(5),
    );
    // Unpaced, w4 would be a write of its own (4 in all).
    assert.deepEqual([sequencer.stats().flushes, sequencer.stats().largestFlush], [3, 2]);
    client.destroy();
  });

  test('after a crash, messages above a hole are removed and numbering resumes at the hole', async () => {
    const room = newRoom();
    // What a cut-off flush can leave: 1–5 acknowledged, 6 lost, 7–8 written but never acknowledged.
    const message = (seq: number) => ({ ...draft(room, `c${seq}`), server_seq: seq, server_ts_ms: 1000 + seq });
    await putMessages(
      table,
      [1, 2, 3, 4, 5, 7, 8].map((seq) => ({ roomId: room.roomId, message: message(seq) })),
    );
    const sequencer = createSequencer({ table });
    assert.equal(await sequencer.committedSeq(room), 5);
    const retry = await sequencer.append(room, draft(room, 'c3'), { mayRepeat: true });
    assert.deepEqual([retry.fresh, retry.message.server_seq, retry.message.server_ts_ms], [false, 3, 1003]);
    const next = await sequencer.append(room, draft(room, 'c7'), { mayRepeat: true });
    assert.deepEqual([next.fresh, next.message.server_seq], [true, 6]);
    assert.deepEqual(await stored(room), [...range(5).map((s) => [s, `c${s}`]), [6, 'c7']]);
  });

  test('a room whose first messages were lost starts again at 1', async () => {
    const room = newRoom();
    await putMessages(table, [{ roomId: room.roomId, message: { ...draft(room, 'x2'), server_seq: 2, server_ts_ms: 1 } }]);
    const sequencer = createSequencer({ table });
    assert.equal((await sequencer.append(room, draft(room, 'y'), { mayRepeat: true })).message.server_seq, 1);
    assert.deepEqual(await stored(room), [[1, 'y']]);
  });

  test('a failed write answers UNAVAILABLE, and the room carries on without a gap', async () => {
    const room = newRoom();
    const faulty = db.newClient();
    let failWrites = false;
    faulty.middlewareStack.add(
      (next, context) => async (args) => {
        if (failWrites && context.commandName === 'BatchWriteItemCommand') throw new Error('injected network fault');
        return next(args);
      },
      { step: 'initialize', name: 'injectFault' },
    );
    const sequencer = createSequencer({ table: { client: faulty, tableName: table.tableName } });
    await sequencer.append(room, draft(room, 'ok1'), { mayRepeat: true });
    failWrites = true;
    const failed = await Promise.allSettled(range(5).map((i) => sequencer.append(room, draft(room, `lost${i}`), { mayRepeat: true })));
    for (const outcome of failed) {
      assert.equal(outcome.status, 'rejected');
      assert.ok((outcome as PromiseRejectedResult).reason instanceof UnavailableError);
    }
    failWrites = false;
    const retried = await sequencer.append(room, draft(room, 'lost0'), { mayRepeat: true });
    assert.deepEqual([retried.fresh, retried.message.server_seq], [true, 2]);
    assert.deepEqual(await stored(room), [
      [1, 'ok1'],
      [2, 'lost0'],
    ]);
    faulty.destroy();
  });
});

describe('sequencer memory (issue: hardening)', () => {
  test('keys held stay within the budget across many rooms, and an old retry is still found in the table', async () => {
    const sequencer = createSequencer({ table, maxIds: 50, maxPrints: 150 });
    const rooms = range(20).map(() => newRoom());
    for (const room of rooms) {
      await Promise.all(range(10).map((i) => sequencer.append(room, draft(room, `k${i}`, `text ${i} `.repeat(400)), { mayRepeat: true })));
      assert.ok(sequencer.stats().keys <= 50, `holds ${sequencer.stats().keys} keys`);
    }
    assert.equal(sequencer.stats().keys, 50);
    // The first room's keys were forgotten long ago: the table answers, with the first seq.
    const [first] = rooms as [RoomRecord];
    const retry = await sequencer.append(first, draft(first, 'k3', `text 3 `.repeat(400)), { mayRepeat: true });
    assert.deepEqual([retry.fresh, retry.message.server_seq], [false, (await stored(first)).find(([, id]) => id === 'k3')?.[0]]);
    const fresh = await sequencer.append(first, draft(first, 'k-new'), { mayRepeat: true });
    assert.deepEqual([fresh.fresh, fresh.message.server_seq], [true, 11]);
    assert.deepEqual(
      (await stored(first)).map(([seq]) => seq),
      range(11),
    );
    assert.ok(sequencer.stats().prints <= 150, `holds ${sequencer.stats().prints} fingerprints`);
  });

  test('rooms held stay within the budget: an idle room is let go and read again, one with a write in flight stays', async () => {
    const client = db.newClient();
    let holdWrites: Promise<void> | undefined;
    client.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'BatchWriteItemCommand') await holdWrites;
        return next(args);
      },
      { step: 'initialize', name: 'holdWrites' },
    );
    const sequencer = createSequencer({ table: { client, tableName: table.tableName }, maxRooms: 2 });
    const [a, b, c, d] = [newRoom(), newRoom(), newRoom(), newRoom()];
    const reads = () => storageUsage().requests.Query ?? 0;
    for (const room of [a, b]) await sequencer.append(room, draft(room, 'first'), { mayRepeat: true });
    // A third room lets the least recently used one (a) go; its next message reads it again and numbers on.
    await sequencer.append(c, draft(c, 'first'), { mayRepeat: true });
    assert.equal(sequencer.stats().rooms, 2);
    const before = reads();
    const next = await sequencer.append(a, draft(a, 'second'), { mayRepeat: true });
    assert.deepEqual([next.fresh, next.message.server_seq, reads() - before], [true, 2, 1]);
    // A retry of a's first message, sent before it was let go, is still answered with its first seq.
    const retry = await sequencer.append(a, draft(a, 'first'), { mayRepeat: true });
    assert.deepEqual([retry.fresh, retry.message.server_seq], [false, 1]);
    // A room with a write in flight is not let go (another writer of its seqs would collide); an idle one is.
    let release = () => {};
    holdWrites = new Promise((resolve) => {
      release = resolve;
    });
    const inFlight = sequencer.append(a, draft(a, 'third'), { mayRepeat: true });
    await new Promise((resolve) => setImmediate(resolve)); // a's write is under way, and held
    await sequencer.committedSeq(c); // now a is the least recently used room…
    await sequencer.committedSeq(d); // …and a fourth one lets c go instead, since a has a write in flight
    assert.equal(sequencer.stats().rooms, 2);
    const beforeRelease = reads();
    release();
    assert.equal((await inFlight).message.server_seq, 3);
    assert.equal((await sequencer.append(a, draft(a, 'fourth'), { mayRepeat: true })).message.server_seq, 4);
    assert.equal(reads() - beforeRelease, 0, 'a was not read again');
    assert.deepEqual(await stored(a), [
      [1, 'first'],
      [2, 'second'],
      [3, 'third'],
      [4, 'fourth'],
    ]);
    client.destroy();
  });

  test('a new key is told from a forgotten one without a read while its room is fingerprinted; past that budget, the table answers', async () => {
    const sequencer = createSequencer({ table, maxIds: 10, maxPrints: 60 });
    const [busy, other] = [newRoom(), newRoom()];
    const reads = () => storageUsage().requests.Query ?? 0;
    for (const i of range(40)) await sequencer.append(busy, draft(busy, `b${i}`), { mayRepeat: true });
    // 30 of the room's keys are no longer held whole, yet new keys cost no look-up…
    const before = reads();
    for (const i of range(20)) await sequencer.append(busy, draft(busy, `n${i}`), { mayRepeat: true });
    assert.equal(reads() - before, 0);
    // …while a retry of a forgotten one is read from the table, found, and not stored again.
    const retry = await sequencer.append(busy, draft(busy, 'b2'), { mayRepeat: true });
    assert.deepEqual([retry.fresh, retry.message.server_seq, reads() - before], [false, 2, 1]);
    // Another room's writes push the busy room (the least recently written) past the fingerprint budget: from then on
    // a miss there asks the table, so a forgotten key is still found.
    for (const i of range(5)) await sequencer.append(other, draft(other, `o${i}`), { mayRepeat: true });
    assert.ok(sequencer.stats().prints <= 60, `holds ${sequencer.stats().prints} fingerprints`);
    const afterBudget = reads();
    const next = await sequencer.append(busy, draft(busy, 'late'), { mayRepeat: true });
    assert.deepEqual([next.fresh, next.message.server_seq, reads() - afterBudget], [true, 61, 1]);
    const old = await sequencer.append(busy, draft(busy, 'b3'), { mayRepeat: true });
    assert.deepEqual([old.fresh, old.message.server_seq], [false, 3]);
    assert.deepEqual(
      (await stored(busy)).map(([seq]) => seq),
      range(61),
    );
  });
});
