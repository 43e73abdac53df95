/**
 * Three gateway replicas (real processes) in front of the same functions:
 * credentials revoked through one are refused by the others within the
 * revocation bound, and none can accept a credential made with the public key
 * it holds; a subscriber on one replica gets, in order and once, what is sent
 * through the others; when its replica is killed mid-stream, it resubscribes
 * elsewhere with after_seq and nothing is missing or repeated.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import * as grpc from '@grpc/grpc-js';
import jwt from 'jsonwebtoken';
import { usageOf } from '../../bench/cost.js';
import { type FunctionsStack, startFunctionsStack } from '../../infrastructure/local/functions-stack.js';
import type { ChildServer } from '../../infrastructure/local/processes.js';
import { noStorage, storageSince } from '../../lib/usage.js';
import { bearer, type Clients, call, connect, signUp, statusOf, subscribe } from '../support/clients.js';
import { TEST_PUBLIC_KEY, TEST_SIGNING_KEY } from '../support/env.js';
import { eventually } from '../support/eventually.js';

/** The replicas read the revocations log this often: a revocation holds everywhere within it and one read. */
const REVOCATION_POLL_MS = 200;
const REVOCATION_BOUND_MS = REVOCATION_POLL_MS + 1_000;

let stack: FunctionsStack;
let replicas: Clients[];

before(async () => {
  stack = await startFunctionsStack({
    replicas: 3,
    basePort: 0,
    signingKey: TEST_SIGNING_KEY,
    // Invokes are counted exactly here: no warm-ups beside them.
    env: {
      SCRYPT_LOG_N: '10',
      LOG_LEVEL: 'warn',
      POLL_INTERVAL_MS: '50',
      REVOCATION_POLL_MS: String(REVOCATION_POLL_MS),
      FUNCTION_KEEP_WARM_MS: '0',
    },
  });
  replicas = stack.gateways.map((g) => connect(g.address));
});
after(async () => {
  for (const c of replicas) c.close();
  await stack.stop();
});

type Reply = { server_seq: number };

test('a credential revoked through one replica is refused by every other within the bound; so are all of a removed account', async () => {
  const [r1, r2, r3] = replicas as [Clients, Clients, Clients];
  const whoAmI = (via: Clients, token: string) => statusOf(call(via.login, via.login.WhoIsLoggedIn, {}, bearer(token)));
  const refusedWithinBound = async (via: Clients, token: string) => {
    const revokedAt = Date.now();
    const outcome = await eventually(
      () => whoAmI(via, token),
      (s) => s !== 'OK',
      REVOCATION_BOUND_MS,
    );
    assert.equal(outcome, grpc.status.UNAUTHENTICATED, `still accepted ${Date.now() - revokedAt} ms after the revocation`);
  };

  const session = await signUp(r1, 'leaver');
  for (const via of [r1, r2, r3]) assert.equal(await whoAmI(via, session), 'OK');
  await call(r2.login, r2.login.Logout, {}, bearer(session));
  assert.equal(await whoAmI(r2, session), grpc.status.UNAUTHENTICATED, 'at once on the replica that took the Logout');
  await refusedWithinBound(r3, session);
  await refusedWithinBound(r1, session);

  const first = await signUp(r1, 'goner');
  const second = (await call(r2.login, r2.login.Login, { username: 'goner', password: 'password1' })) as { credential: string };
  await call(r3.login, r3.login.RemoveUser, { username: 'goner' }, bearer(first));
  for (const via of [r1, r2]) await refusedWithinBound(via, second.credential);
});

test('a replica holds only the public key: a credential made with it is refused', async () => {
  const [r1] = replicas as [Clients];
  const token = await signUp(r1, 'victim');
  const { sid, exp } = jwt.decode(token) as { sid: string; exp: number };
  const options = { issuer: 'chat-functions', algorithm: 'HS256', allowInsecureKeySizes: true } as jwt.SignOptions;
  const minted = jwt.sign({ sub: 'victim', sid, exp }, TEST_PUBLIC_KEY, options);
  assert.equal(await statusOf(call(r1.gateway, r1.gateway.ListRooms, {}, bearer(minted))), grpc.status.UNAUTHENTICATED);
  assert.deepEqual(await call(r1.login, r1.login.Validate, { credential: minted }), { valid: false, username: '', expires_at_iso: '' });
});

test('a replica prints what its work cost on SIGUSR2: the invokes it made and their storage (what the benchmark reads)', async () => {
  const [r1] = replicas as [Clients];
  const replica = stack.gateways[0] as ChildServer;
  const before = await usageOf(replica);
  const token = await signUp(r1, 'metered');
  await call(r1.gateway, r1.gateway.CreateRoom, { room_name: 'metered' }, bearer(token));
  const usage = await usageOf(replica);
  const invokes = (fn: string) => (usage.functions?.[fn]?.invokes ?? 0) - (before.functions?.[fn]?.invokes ?? 0);
  assert.equal(invokes('login'), 2, 'AddUser and Login');
  assert.equal(invokes('chatroom'), 1);
  const written = storageSince(usage.functions?.chatroom?.storage ?? noStorage(), before.functions?.chatroom?.storage ?? noStorage());
  assert.ok((written.requests.PutItem ?? 0) >= 1, 'the room was written');
  assert.ok(written.writeUnits >= 1);
});

test("a replica one message behind delivers it from the room's head: no Query per message for a room it only watches", async () => {
  const [r1, r2] = replicas as [Clients, Clients];
  const watcher = stack.gateways[0] as ChildServer;
  const token = await signUp(r2, 'header');
  await call(r2.gateway, r2.gateway.CreateRoom, { room_name: 'heads' }, bearer(token));
  await call(r2.gateway, r2.gateway.EnterRoom, { room_name: 'heads' }, bearer(token));
  const stream = subscribe(r1, { room_name: 'heads' }, bearer(token));
  await stream.live;
  const queries = async () => (await usageOf(watcher)).storage.requests.Query ?? 0;
  const GAP_MS = 150; // three of the replicas' 50-ms ticks: each message is alone in its tick
  const MESSAGES = 8;

  const busyStart = await queries();
  const startedAt = Date.now();
  for (let i = 1; i <= MESSAGES; i++) {
    await call(r2.gateway, r2.gateway.SendMessage, { room_name: 'heads', text: `h${i}`, msg_id: `h${i}` }, bearer(token));
    await sleep(GAP_MS);
  }
  const got = await stream.waitFor(MESSAGES);
  const busy = (await queries()) - busyStart;
  // As long again with nothing said: what the replica queries anyway (its revocations log).
  const quietStart = await queries();
  await sleep(Date.now() - startedAt);
  const quiet = (await queries()) - quietStart;
  assert.deepEqual(
    got.map((m) => [m.server_seq, m.text, m.person_name]),
    Array.from({ length: MESSAGES }, (_, i) => [i + 1, `h${i + 1}`, 'header']),
  );
  assert.ok(busy <= quiet + 2, `${busy} Queries while ${MESSAGES} messages came, ${quiet} in as long a quiet window`);
  stream.cancel();
});

test('messages sent through any replica reach a subscriber on another, in order, once; it survives its replica dying', async () => {
  const [r1, r2, r3] = replicas as [Clients, Clients, Clients];
  const token = await signUp(r2, 'roamer');
  const auth = { credential: token };
  await call(r3.gateway, r3.gateway.CreateRoom, { auth, room_name: 'spread' });
  await call(r3.gateway, r3.gateway.EnterRoom, { auth, room_name: 'spread' });

  const first = subscribe(r1, { auth, room_name: 'spread', after_seq: 0 });
  await sleep(200);
  for (let i = 1; i <= 20; i++) {
    const via = i % 2 ? r2 : r3;
    const reply = (await call(via.gateway, via.gateway.SendMessage, {
      auth,
      room_name: 'spread',
      text: `m${i}`,
      msg_id: `m${i}`,
    })) as Reply;
    assert.equal(reply.server_seq, i);
  }
  const got = await first.waitFor(20);
  assert.deepEqual(
    got.map((m) => m.server_seq),
    Array.from({ length: 20 }, (_, i) => i + 1),
  );
  assert.deepEqual(
    got.map((m) => m.text),
    Array.from({ length: 20 }, (_, i) => `m${i + 1}`),
  );

  // Keep sending through replica 2 while replica 1, which holds the stream, is killed.
  let sending = true;
  let sent = 20;
  const sender = (async () => {
    while (sending && sent < 200) {
      sent++;
      await call(r2.gateway, r2.gateway.SendMessage, { auth, room_name: 'spread', text: `m${sent}`, msg_id: `m${sent}` });
      await sleep(5);
    }
  })();
  await first.waitFor(40, 10_000);
  stack.gateways[0]?.child.kill('SIGKILL');
  await first.ended;
  const seen = [...first.messages];
  const lastSeq = seen.at(-1)?.server_seq ?? 0;
  const second = subscribe(r3, { auth, room_name: 'spread', after_seq: lastSeq });
  await sleep(300);
  sending = false;
  await sender;
  const rest = await second.waitFor(sent - lastSeq, 10_000);
  await sleep(300); // nothing more may come
  const all = [...seen, ...second.messages].map((m) => m.server_seq);
  assert.deepEqual(
    all,
    Array.from({ length: sent }, (_, i) => i + 1),
    'every message once, in order',
  );
  assert.equal(rest.length, second.messages.length);
  second.cancel();
});
