/**
 * infrastructure/docker-compose.yml on a real Docker engine, with CI's
 * override (docker-compose.ci.yml: LocalStack replaced by a stand-in serving
 * DynamoDB and Lambda Invoke on 4566, Envoy left out), scaled to three gateway
 * replicas: all three answer, the contract holds through them, a subscriber on
 * one gets in order and once what is sent through the others, and when its
 * replica is `docker kill`ed mid-stream it resubscribes elsewhere with
 * after_seq and misses and repeats nothing.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type * as grpc from '@grpc/grpc-js';
import { composeProject, docker } from '../../infrastructure/local/compose.js';
import { bearer, type Clients, call, connect, signUp, subscribe } from '../support/clients.js';
import { grpcContractClient, webContractClient } from '../support/contract-client.js';
import { walkContract } from '../support/contract-smoke.js';

const PROJECT = 'chat-ci-services';
const project = composeProject(PROJECT, ['docker-compose.yml', 'docker-compose.ci.yml'], { SCRYPT_LOG_N: '10' });
let addresses: string[] = [];
let replicas: Clients[] = [];

before(async () => {
  await project.compose(['up', '--build', '--detach', '--wait', '--scale', 'gateway=3']);
  addresses = await Promise.all([1, 2, 3].map((i) => project.published('gateway', 50051, i)));
  replicas = addresses.map((address) => connect(address));
});
after(async () => {
  for (const c of replicas) c.close();
  await project.down();
});

test('the deploy step checked the tables and functions, then exited 0', async () => {
  const logs = await project.compose(['logs', 'deploy']);
  assert.match(logs, /"msg":"deployment checked"/);
  const states = await project.compose(['ps', '--all', '--format', '{{.Service}} {{.State}} {{.ExitCode}}']);
  assert.match(states, /^deploy exited 0$/m);
});

test('all three replicas answer, each under its own name', async () => {
  const names = new Set<string>();
  for (const c of replicas) {
    const metadata = await new Promise<grpc.Metadata>((resolve, reject) => {
      const request = c.login.Validate({ credential: 'not-a-token' }, (error) => error && reject(error));
      request.on('metadata', resolve);
    });
    names.add(String(metadata.get('x-served-by')[0]));
  }
  assert.equal(names.size, 3, [...names].join(' '));
});

test('the public contract through the replicas, balanced round-robin', async () => {
  const c = grpcContractClient(`ipv4:${addresses.join(',')}`);
  try {
    const { servedBy } = await walkContract(c);
    assert.ok(servedBy.size >= 2, `replies came from ${[...servedBy].join(' ')}`);
  } finally {
    c.close();
  }
});

test("a replica's web port: the page's files for Envoy, and gRPC-Web of its own", async () => {
  const webUrl = `http://${await project.published('gateway', 8080, 2)}/`;
  const page = await fetch(webUrl);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /<script type="module" src="app.js">/);
  const { servedBy } = await walkContract(webContractClient(webUrl));
  assert.equal(servedBy.size, 1);
});

test('a subscriber on one replica gets every message once, in order, and survives docker kill of its replica', async () => {
  const [r1, r2, r3] = replicas as [Clients, Clients, Clients];
  const token = await signUp(r2, 'roamer');
  const auth = bearer(token);
  await call(r3.gateway, r3.gateway.CreateRoom, { room_name: 'spread' }, auth);
  await call(r3.gateway, r3.gateway.EnterRoom, { room_name: 'spread' }, auth);
  const send = (via: Clients, i: number) =>
    call(via.gateway, via.gateway.SendMessage, { room_name: 'spread', text: `m${i}`, msg_id: `m${i}` }, auth) as Promise<{
      server_seq: number;
    }>;

  const first = subscribe(r1, { room_name: 'spread', after_seq: 0 }, auth);
  await first.live;
  for (let i = 1; i <= 20; i++) assert.equal(Number((await send(i % 2 ? r2 : r3, i)).server_seq), i);
  assert.deepEqual(
    (await first.waitFor(20, 10_000)).map((m) => [Number(m.server_seq), m.text]),
    Array.from({ length: 20 }, (_, i) => [i + 1, `m${i + 1}`]),
  );

  // Keep sending through replica 2 while replica 1's container, which holds the stream, is killed.
  let sending = true;
  let sent = 20;
  const sender = (async () => {
    while (sending && sent < 300) {
      await send(r2, ++sent);
      await sleep(5);
    }
  })();
  await first.waitFor(40, 10_000);
  await docker(['kill', `${PROJECT}-gateway-1`]);
  await first.ended;
  const seen = [...first.messages];
  const lastSeq = Number(seen.at(-1)?.server_seq ?? 0);
  const second = subscribe(r3, { room_name: 'spread', after_seq: lastSeq }, auth);
  await second.live;
  await sleep(300);
  sending = false;
  await sender;
  await second.waitFor(sent - lastSeq, 10_000);
  await sleep(300); // nothing more may come
  assert.deepEqual(
    [...seen, ...second.messages].map((m) => Number(m.server_seq)),
    Array.from({ length: sent }, (_, i) => i + 1),
    'every message once, in order',
  );
  second.cancel();
});
