/**
 * The public contract, walked end to end against a server that is already
 * running (a container, a stack behind a port, the gRPC-Web port): every RPC
 * once with success, the main error statuses, a msg_id retry, a live
 * subscription and a resume. Names carry a random suffix, so it can run again
 * and again on one store. The same walk runs over gRPC and gRPC-Web.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import { type ContractClient, statusOf } from './contract-client.js';
import { eventually } from './eventually.js';

/** How long a revoked credential may still be accepted somewhere: a gateway replica's revocations poll (1 s by default) and one read. */
const REVOCATION_BOUND_MS = 3_000;

export async function walkContract(c: ContractClient): Promise<{ servedBy: Set<string> }> {
  const id = randomBytes(4).toString('hex');
  const [ann, bob, room] = [`ann_${id}`, `bob_${id}`, `room_${id}`];
  const { login, gateway } = c;

  for (const username of [ann, bob]) assert.deepEqual(await login.AddUser({ username, password: 'secret1' }), { ok: true });
  assert.equal(await statusOf(login.AddUser({ username: ann, password: 'secret1' })), grpc.status.ALREADY_EXISTS);
  assert.equal(await statusOf(login.Login({ username: ann, password: 'wrong-one' })), grpc.status.UNAUTHENTICATED);
  const annLogin = await login.Login({ username: ann, password: 'secret1' });
  const bobLogin = await login.Login({ username: bob, password: 'secret1' });
  assert.equal(annLogin.username, ann);
  const [a, b] = [annLogin.credential, bobLogin.credential];
  assert.equal((await login.Validate({ credential: a })).valid, true);
  const sessions = await login.WhoIsLoggedIn({}, a);
  assert.ok(sessions.sessions.length >= 1);

  assert.equal(await statusOf(gateway.CreateRoom({ room_name: room })), grpc.status.UNAUTHENTICATED);
  assert.equal(await statusOf(gateway.CreateRoom({ room_name: 'bad name!' }, a)), grpc.status.INVALID_ARGUMENT);
  assert.deepEqual(await gateway.CreateRoom({ room_name: room }, a), { ok: true, message: 'created' });
  for (const who of [a, b]) await gateway.EnterRoom({ room_name: room }, who);
  const people = await gateway.GetPeople({ room_name: room }, a);
  assert.deepEqual([...people.people].sort(), [ann, bob].sort());
  const rooms = await gateway.ListRooms({ limit: 1000 }, a);
  assert.ok(rooms.rooms.some((r) => r.room_name === room));

  const live = c.subscribe({ room_name: room, after_seq: 0 }, b);
  await live.live;
  const send = (text: string, msg_id: string, who: string) =>
    gateway.SendMessage({ room_name: room, text, msg_id, client_ts_ms: Date.now() }, who);
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
  const resumed = c.subscribe({ room_name: room, after_seq: 1 }, a);
  assert.deepEqual(
    (await resumed.waitFor(1, 10_000)).map((m) => Number(m.server_seq)),
    [2],
  );
  resumed.cancel();
  const history = await gateway.GetHistory({ room_name: room, limit: 10 }, b);
  assert.deepEqual(
    history.messages.map((m) => m.text),
    ['hello', 'hi ann'],
  );

  assert.equal(await statusOf(gateway.DeleteRoom({ room_name: room }, b)), grpc.status.PERMISSION_DENIED);
  await gateway.LeaveRoom({ room_name: room }, b);
  assert.equal(await statusOf(gateway.GetHistory({ room_name: `nothing_${id}` }, a)), grpc.status.NOT_FOUND);
  assert.deepEqual(await gateway.DeleteRoom({ room_name: room }, a), { ok: true, message: 'deleted' });
  await login.Logout({}, b);
  // Another replica of the functions path learns of a revocation within its poll interval (README: Security).
  assert.equal(
    await eventually(
      () => statusOf(login.WhoIsLoggedIn({}, b)),
      (status) => status !== 'OK',
      REVOCATION_BOUND_MS,
    ),
    grpc.status.UNAUTHENTICATED,
  );
  await login.RemoveUser({ username: ann }, a);
  await login.RemoveUser({ username: bob }, (await login.Login({ username: bob, password: 'secret1' })).credential);
  return { servedBy: c.servedBy };
}
