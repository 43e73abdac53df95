/**
 * The public contract, walked end to end against a server that is already
 * running (a container, a stack behind a port): every RPC once with success,
 * the main error statuses, a msg_id retry, a live subscription and a resume.
 * Names carry a random suffix, so it can run again and again on one store.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import { bearer, type Clients, call, statusOf, subscribe } from './clients.js';
import { eventually } from './eventually.js';

/** How long a revoked credential may still be accepted somewhere: the gateway's and a Lambda instance's caches, 5 s each. */
const REVOCATION_BOUND_MS = 10_000;

export async function walkContract(c: Clients): Promise<{ servedBy: Set<string> }> {
  const id = randomBytes(4).toString('hex');
  const [ann, bob, room] = [`ann_${id}`, `bob_${id}`, `room_${id}`];
  const servedBy = new Set<string>();
  const track = (metadata: grpc.Metadata) => {
    const name = metadata.get('x-served-by')[0];
    if (typeof name === 'string') servedBy.add(name);
  };

  for (const username of [ann, bob])
    assert.deepEqual(await call(c.login, c.login.AddUser, { username, password: 'secret1' }), { ok: true });
  assert.equal(await statusOf(call(c.login, c.login.AddUser, { username: ann, password: 'secret1' })), grpc.status.ALREADY_EXISTS);
  assert.equal(await statusOf(call(c.login, c.login.Login, { username: ann, password: 'wrong-one' })), grpc.status.UNAUTHENTICATED);
  const annLogin = await call(c.login, c.login.Login, { username: ann, password: 'secret1' });
  const bobLogin = await call(c.login, c.login.Login, { username: bob, password: 'secret1' });
  assert.equal(annLogin.username, ann);
  const [a, b] = [bearer(annLogin.credential), bearer(bobLogin.credential)];
  assert.equal((await call(c.login, c.login.Validate, { credential: annLogin.credential })).valid, true);
  const sessions = await call(c.login, c.login.WhoIsLoggedIn, {}, a);
  assert.ok(sessions.sessions.length >= 1);

  assert.equal(await statusOf(call(c.gateway, c.gateway.CreateRoom, { room_name: room })), grpc.status.UNAUTHENTICATED);
  assert.equal(await statusOf(call(c.gateway, c.gateway.CreateRoom, { room_name: 'bad name!' }, a)), grpc.status.INVALID_ARGUMENT);
  assert.deepEqual(await call(c.gateway, c.gateway.CreateRoom, { room_name: room }, a), { ok: true, message: 'created' });
  for (const who of [a, b]) await call(c.gateway, c.gateway.EnterRoom, { room_name: room }, who);
  const people = await call(c.gateway, c.gateway.GetPeople, { room_name: room }, a);
  assert.deepEqual([...people.people].sort(), [ann, bob].sort());
  const rooms = await call(c.gateway, c.gateway.ListRooms, { limit: 1000 }, a);
  assert.ok(rooms.rooms.some((r) => r.room_name === room));

  const live = subscribe(c, { room_name: room, after_seq: 0 }, b);
  track(await live.live);
  const send = (text: string, msg_id: string, who: grpc.Metadata) =>
    new Promise<{ server_seq: number; message: string }>((resolve, reject) =>
      c.gateway
        .SendMessage({ room_name: room, text, msg_id, client_ts_ms: Date.now() }, who, (error, reply) => {
          if (error) return reject(error);
          resolve(reply as { server_seq: number; message: string });
        })
        .on('metadata', track),
    );
  const first = await send('hello', `m1_${id}`, a);
  assert.equal((await send('hello', `m1_${id}`, a)).server_seq, first.server_seq, 'a retry by msg_id is stored once');
  await send('hi ann', `m2_${id}`, b);
  const seen = await live.waitFor(2, 10_000);
  assert.deepEqual(
    seen.map((m) => [Number(m.server_seq), m.person_name, m.text]),
    [
      [1, ann, 'hello'],
      [2, bob, 'hi ann'],
    ],
  );
  live.cancel();
  const resumed = subscribe(c, { room_name: room, after_seq: 1 }, a);
  assert.deepEqual(
    (await resumed.waitFor(1, 10_000)).map((m) => Number(m.server_seq)),
    [2],
  );
  resumed.cancel();
  const history = await call(c.gateway, c.gateway.GetHistory, { room_name: room, limit: 10 }, b);
  assert.deepEqual(
    history.messages.map((m) => m.text),
    ['hello', 'hi ann'],
  );

  assert.equal(await statusOf(call(c.gateway, c.gateway.DeleteRoom, { room_name: room }, b)), grpc.status.PERMISSION_DENIED);
  await call(c.gateway, c.gateway.LeaveRoom, { room_name: room }, b);
  assert.equal(await statusOf(call(c.gateway, c.gateway.GetHistory, { room_name: `nothing_${id}` }, a)), grpc.status.NOT_FOUND);
  assert.deepEqual(await call(c.gateway, c.gateway.DeleteRoom, { room_name: room }, a), { ok: true, message: 'deleted' });
  await call(c.login, c.login.Logout, {}, b);
  // Replicas of the functions path trust a checked credential for a while (README: known limits).
  assert.equal(
    await eventually(
      () => statusOf(call(c.login, c.login.WhoIsLoggedIn, {}, b)),
      (status) => status !== 'OK',
      REVOCATION_BOUND_MS,
    ),
    grpc.status.UNAUTHENTICATED,
  );
  await call(c.login, c.login.RemoveUser, { username: ann }, a);
  await call(
    c.login,
    c.login.RemoveUser,
    { username: bob },
    bearer((await call(c.login, c.login.Login, { username: bob, password: 'secret1' })).credential),
  );
  return { servedBy };
}
