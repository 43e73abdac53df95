/**
 * Three gateway replicas (real processes) in front of the same functions: a
 * subscriber on one replica gets, in order and once, what is sent through the
 * others; when its replica is killed mid-stream, it resubscribes elsewhere with
 * after_seq and nothing is missing or repeated.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { type FunctionsStack, startFunctionsStack } from '../../infrastructure/local/functions-stack.js';
import { type Clients, call, connect, signUp, subscribe } from '../support/clients.js';
import { TEST_JWT_SECRET } from '../support/env.js';

let stack: FunctionsStack;
let replicas: Clients[];

before(async () => {
  stack = await startFunctionsStack({
    replicas: 3,
    basePort: 0,
    jwtSecret: TEST_JWT_SECRET,
    env: { SCRYPT_LOG_N: '10', LOG_LEVEL: 'warn', POLL_INTERVAL_MS: '50' },
  });
  replicas = stack.gateways.map((g) => connect(g.address));
});
after(async () => {
  for (const c of replicas) c.close();
  await stack.stop();
});

type Reply = { server_seq: number };

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
