/**
 * What quiet rooms cost a gateway's live feed (gateway/room-poller.ts), set
 * against its cost model (not a test): `--rooms` rooms with a subscriber and
 * nothing said, watched for `--seconds`, with the gateway's default poll
 * interval; storage requests per second by operation, and this process's CPU
 * (the poller and the SDK on its main thread, an in-memory dynalite on another).
 *
 *   npm run bench:idle-feed -- --rooms 100 --seconds 20
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { machine } from '../client/machine.js';
import { putMessageIfSeqFree } from '../functions/chat/messages-table.js';
import { advanceRoomHead, putNewRoom } from '../functions/chatroom/rooms-table.js';
import { BATCH_GET_KEYS, createDynamoClient, storageUsage } from '../functions/storage/dynamo.js';
import { ensureTables, tableNames } from '../functions/storage/tables.js';
import { createRoomPoller } from '../gateway/room-poller.js';
import { startEmbeddedDynamo } from '../infrastructure/local/embedded-dynamo.js';

const { values: opt } = parseArgs({ options: { rooms: { type: 'string', default: '100' }, seconds: { type: 'string', default: '20' } } });
const rooms = Number(opt.rooms);
const seconds = Number(opt.seconds);
if (!Number.isInteger(rooms) || rooms < 1 || rooms > 10_000 || !(seconds > 0 && seconds <= 600)) {
  console.error('--rooms must be 1–10000 and --seconds above 0, at most 600');
  process.exit(2);
}
const INTERVAL_MS = 100; // POLL_INTERVAL_MS's default
const PREFIX = 'idle-';

console.log(`machine: ${JSON.stringify(machine())}`);
const store = await startEmbeddedDynamo(undefined);
const client = createDynamoClient({ dynamo: { endpoint: store.endpoint, region: 'us-east-1' } });
const names = tableNames(PREFIX);
await ensureTables(client, PREFIX);
const poller = createRoomPoller({ client, messagesTable: names.messages, roomsTable: names.rooms, intervalMs: INTERVAL_MS });
for (let i = 0; i < rooms; i++) {
  const room = { roomName: `quiet ${i}`, key: `quiet ${i}`, roomId: `quiet-${i}`, owner: 'ann', createdAtMs: 0 };
  const message = {
    room_name: room.roomName,
    person_name: 'ann',
    text: 'hello',
    client_ts_ms: 0,
    server_seq: 1,
    server_ts_ms: 1,
    msg_id: 'hello',
  };
  await putNewRoom({ client, tableName: names.rooms }, room);
  await putMessageIfSeqFree({ client, tableName: names.messages }, room.roomId, message);
  await advanceRoomHead({ client, tableName: names.rooms }, room, 1, JSON.stringify(message));
  poller.feed.listen(room, { messages: () => undefined, closed: () => undefined });
}
console.log(`watching ${rooms} quiet rooms (store ${store.endpoint}); measuring ${seconds} s after 6 s of settling`);
await sleep(6_000); // each watch's first look, and one look past the heads
const before = storageUsage().requests;
const cpuBefore = process.cpuUsage();
await sleep(seconds * 1000);
const after = storageUsage().requests;
const cpu = process.cpuUsage(cpuBefore);
const perSecond = (op: string) => ((after[op] ?? 0) - (before[op] ?? 0)) / seconds;
// Heads every interval, and a look past them every 5 s: one request per 100 rooms each.
const modelBatchGets = Math.ceil(rooms / BATCH_GET_KEYS) * (1000 / INTERVAL_MS + 1 / 5);
console.log(
  `measured: BatchGetItem ${perSecond('BatchGetItem').toFixed(2)}/s, Query ${perSecond('Query').toFixed(2)}/s, GetItem ${perSecond('GetItem').toFixed(2)}/s; ` +
    `CPU ${((cpu.user + cpu.system) / 1000 / seconds).toFixed(1)} ms/s (poller, SDK and store)`,
);
console.log(
  `model:    BatchGetItem at most ${modelBatchGets.toFixed(2)}/s (heads every ${INTERVAL_MS} ms, a look past them every 5 s), Query 0/s`,
);
poller.stop();
client.destroy();
await store.close();
