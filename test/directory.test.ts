/**
 * The chat function's directory (functions/chatroom/directory.ts) against a
 * real DynamoDB API, with the room trusted for 100 ms as MEMBERSHIP_CACHE_MS
 * would say: a sender's membership is read once, not again each time the room
 * is, until a LeaveRoom is counted on the room; then it is read afresh, so a
 * person who left is refused once the room is read again.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createRoomDirectory } from '../functions/chatroom/directory.js';
import { deleteMember, type MembersTable, putMember } from '../functions/chatroom/members-table.js';
import { countLeave, putNewRoom, type RoomsTable } from '../functions/chatroom/rooms-table.js';
import { storageUsage } from '../functions/storage/dynamo.js';
import { startTestDynamo, type TestDynamo } from './support/dynamo.js';

const ROOM_MS = 100;
let db: TestDynamo;
let rooms: RoomsTable;
let members: MembersTable;

before(async () => {
  db = await startTestDynamo();
  rooms = { client: db.client, tableName: db.names.rooms };
  members = { client: db.client, tableName: db.names.members };
});
after(() => db.close());

/** GetItems made by `work`: the room's, and the membership's when it is read. */
async function reads<T>(work: () => Promise<T>): Promise<{ result: T; gets: number }> {
  const before = storageUsage().requests.GetItem ?? 0;
  const result = await work();
  return { result, gets: (storageUsage().requests.GetItem ?? 0) - before };
}

test("a membership is read once while the room's leaves are as counted; a counted leave has it read again", async () => {
  const room = { roomName: 'dir-room', key: 'dir-room', roomId: 'dir-room-1', owner: 'ann', createdAtMs: 0 };
  await putNewRoom(rooms, room);
  for (const person of ['ann', 'bob']) await putMember(members, room.roomId, person);
  const directory = createRoomDirectory({ rooms, members, cacheMs: ROOM_MS, absentCacheMs: 0, memberCacheMs: 60_000 });
  const send = (person: string) => reads(async () => directory.isMember(await directory.requireRoom(room.roomName), person));

  assert.deepEqual(await send('ann'), { result: true, gets: 2 }, 'the room and the membership, read');
  assert.deepEqual(await send('ann'), { result: true, gets: 0 }, 'both cached');
  await sleep(ROOM_MS + 20);
  assert.deepEqual(await send('ann'), { result: true, gets: 1 }, 'the room read again, the membership still trusted');

  // Bob leaves through another instance: the leave is counted on the room, then the membership goes.
  assert.deepEqual(await send('bob'), { result: true, gets: 1 });
  await countLeave(rooms, room);
  await deleteMember(members, room.roomId, 'bob');
  assert.equal((await send('bob')).result, true, 'within the bound: the room as cached still counts no leave');
  await sleep(ROOM_MS + 20);
  assert.deepEqual(await send('bob'), { result: false, gets: 2 }, 'the room shows the leave: the membership is read again');
  assert.deepEqual(await send('ann'), { result: true, gets: 1 }, "everyone's is, once");
});
