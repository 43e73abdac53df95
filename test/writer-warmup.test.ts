/**
 * The monolith's message writer reads a room's recent ids before it can
 * number the room's messages. It reads them when the room is followed, so a
 * chat's first burst of messages to many rooms waits for no reads.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { call, subscribe } from './support/clients.js';
import { eventually } from './support/eventually.js';
import { serverWithUsers } from './support/fixture.js';

const fx = serverWithUsers('ann');

test('a room is read for the writer when followed: its first message reads nothing', async () => {
  const g = fx.c.gateway;
  const auth = { credential: fx.token.ann };
  const queries = async () => (await fx.server.usage()).storage.requests.Query ?? 0;
  await call(g, g.CreateRoom, { auth, room_name: 'followed' });
  await call(g, g.EnterRoom, { auth, room_name: 'followed' });
  const before = await queries();
  const stream = subscribe(fx.c, { auth, room_name: 'followed' });
  await stream.live;
  // Not awaited by Subscribe: it happens beside it.
  const read = await eventually(queries, (n) => n > before);
  assert.equal(read, before + 1, "one read of the room's recent ids");
  await call(g, g.SendMessage, { auth, room_name: 'followed', text: 'first' });
  assert.equal(await queries(), read, 'the first message read nothing more');
  assert.equal((await stream.waitFor(1))[0]?.text, 'first');
  stream.cancel();
});
