/**
 * The gateway's live feed (gateway/room-poller.ts) against a real DynamoDB
 * API: quiet rooms cost batched reads and no request of their own, and a
 * message whose head was never written (its writer died between the two
 * writes) is still found, by the look past the heads, and delivered once.
 * Requests are counted by table at the poller's own client.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { chatmsg } from '../contracts/types.js';
import { putMessageIfSeqFree } from '../functions/chat/messages-table.js';
import { advanceRoomHead, putNewRoom, type RoomRecord } from '../functions/chatroom/rooms-table.js';
import { createRoomPoller } from '../gateway/room-poller.js';
import { startTestDynamo, type TestDynamo } from './support/dynamo.js';
import { arrivals } from './support/eventually.js';

const INTERVAL_MS = 20;
const FALLBACK_MS = 200;
const ROOMS = 5;

let db: TestDynamo;
before(async () => {
  db = await startTestDynamo();
});
after(() => db.close());

const message = (room: RoomRecord, seq: number): chatmsg.ChatMessage => ({
  room_name: room.roomName,
  person_name: 'ann',
  text: `m${seq}`,
  client_ts_ms: 0,
  server_seq: seq,
  server_ts_ms: Date.now(),
  msg_id: `m${seq}`,
});

test('quiet rooms cost batched reads, no request each; a message whose head was lost is found and delivered once', async () => {
  const messages = { client: db.client, tableName: db.names.messages };
  const rooms = { client: db.client, tableName: db.names.rooms };
  const watched: RoomRecord[] = [];
  for (let i = 0; i < ROOMS; i++) {
    const room = { roomName: `quiet ${i}`, key: `quiet ${i}`, roomId: `quiet-${i}-${Date.now()}`, owner: 'ann', createdAtMs: 0 };
    await putNewRoom(rooms, room);
    await putMessageIfSeqFree(messages, room.roomId, message(room, 1));
    await advanceRoomHead(rooms, room, 1, JSON.stringify(message(room, 1)));
    watched.push(room);
  }

  // The poller's own client, counting its requests by operation and table.
  const client = db.newClient();
  const requests = new Map<string, number>();
  const count = (name: string) => requests.get(name) ?? 0;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { TableName?: string; RequestItems?: Record<string, unknown> };
      for (const table of input.TableName ? [input.TableName] : Object.keys(input.RequestItems ?? {})) {
        const name = `${context.commandName} ${table === db.names.rooms ? 'rooms' : 'messages'}`;
        requests.set(name, count(name) + 1);
      }
      return next(args);
    },
    { step: 'initialize', name: 'countByTable' },
  );
  const poller = createRoomPoller({
    client,
    messagesTable: db.names.messages,
    roomsTable: db.names.rooms,
    intervalMs: INTERVAL_MS,
    fallbackMs: FALLBACK_MS,
  });
  const got = watched.map(() => arrivals<number>());
  watched.forEach((room, i) => {
    const received = (batch: chatmsg.ChatMessage[]) => {
      for (const m of batch) got[i]?.push(m.server_seq);
    };
    poller.feed.listen(room, { messages: received, closed: () => undefined });
  });
  await sleep(5 * INTERVAL_MS); // each watch's first look (its last seq) is done

  const start = new Map(requests);
  const since = (name: string) => count(name) - (start.get(name) ?? 0);
  await sleep(3 * FALLBACK_MS);
  assert.equal(since('QueryCommand messages'), 0, 'no Query for a quiet room');
  // Several looks past the heads, each one request for all five rooms (not one per room per look).
  const looks = since('BatchGetItemCommand messages');
  assert.ok(looks >= 1 && looks <= 4, `${looks} looks past the heads in ${3 * FALLBACK_MS} ms`);
  assert.ok(since('BatchGetItemCommand rooms') >= looks, 'heads are read every tick');

  // A writer stores message 2 of one room and dies before raising its head: the head says nothing is new.
  const [, , lost] = watched as [RoomRecord, RoomRecord, RoomRecord];
  await putMessageIfSeqFree(messages, lost.roomId, message(lost, 2));
  const queriesBefore = count('QueryCommand messages');
  assert.deepEqual(await got[2]?.waitFor(1, 10 * FALLBACK_MS), [2]);
  assert.equal(count('QueryCommand messages') - queriesBefore, 1, 'that room was queried, once; no other');
  await sleep(2 * FALLBACK_MS);
  assert.deepEqual(
    got.map((a) => a.items),
    [[], [], [2], [], []],
    'delivered once, and nothing else',
  );
  poller.stop();
  client.destroy();
});
