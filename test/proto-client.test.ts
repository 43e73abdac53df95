/**
 * A client made the way the original system's clients were: nothing from this
 * code base but the .proto files, loaded with proto-loader's own defaults
 * (camelCase fields, int64 as strings), so it proves the wire contract itself.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import jwt from 'jsonwebtoken';
import type { RunningServer } from '../api/grpc-server.js';
import { generateSigningKey } from '../functions/login/keys.js';
import { TEST_SIGNING_KEY } from './support/env.js';
import { startTestServer } from './support/server.js';

const protoDir = fileURLToPath(new URL('../contracts/proto/', import.meta.url));
// biome-ignore lint/suspicious/noExplicitAny: an untyped client, as a client built from .proto files alone is
type Any = any;

let monolith: RunningServer;
let login: Any;
let gateway: Any;

before(async () => {
  monolith = await startTestServer();
  const definition = protoLoader.loadSync(['auth.proto', 'gateway.proto'], { includeDirs: [protoDir], longs: String, defaults: true });
  const pkg = grpc.loadPackageDefinition(definition) as Any;
  login = new pkg.auth.LoginService(monolith.address, grpc.credentials.createInsecure());
  gateway = new pkg.gateway.GatewayService(monolith.address, grpc.credentials.createInsecure());
});
after(async () => {
  login.close();
  gateway.close();
  await monolith.stop();
});

const rpc = (client: Any, method: string, request: object): Promise<Any> =>
  new Promise((resolve, reject) => client[method](request, (error: Error | null, reply: Any) => (error ? reject(error) : resolve(reply))));
const code = (promise: Promise<unknown>) =>
  promise.then(
    () => 'OK',
    (error: grpc.ServiceError) => grpc.status[error.code],
  );

test('the original client flow works against the contract', async () => {
  assert.equal((await rpc(login, 'AddUser', { username: 'orig', password: 'demo' })).ok, true);
  const { credential } = await rpc(login, 'Login', { username: 'orig', password: 'demo' });
  const auth = { credential };
  assert.equal((await rpc(gateway, 'CreateRoom', { auth, roomName: 'legacy' })).ok, true);
  assert.equal(await code(rpc(gateway, 'CreateRoom', { auth, roomName: 'legacy' })), 'ALREADY_EXISTS');
  assert.equal((await rpc(gateway, 'EnterRoom', { auth, roomName: 'legacy', personName: 'orig' })).ok, true);
  assert.equal(await code(rpc(gateway, 'EnterRoom', { auth, roomName: 'legacy', personName: 'orig' })), 'ALREADY_EXISTS');

  const received: Any[] = [];
  const stream = gateway.Subscribe({ auth, roomName: 'legacy', personName: 'orig' });
  stream.on('data', (message: Any) => received.push(message));
  stream.on('error', () => undefined);
  await sleep(100);
  const sent = await rpc(gateway, 'SendMessage', {
    auth,
    roomName: 'legacy',
    personName: 'orig',
    text: 'hello from 2019',
    clientTsMs: '1700000000000',
    msgId: 'orig-1',
  });
  assert.equal(sent.ok, true);
  assert.equal(sent.serverSeq, '1');
  for (let i = 0; i < 100 && received.length === 0; i++) await sleep(20);
  assert.equal(received.length, 1);
  assert.equal(received[0].text, 'hello from 2019');
  assert.equal(received[0].serverSeq, '1');
  assert.equal(received[0].clientTsMs, '1700000000000');
  assert.equal(received[0].msgId, 'orig-1');
  stream.cancel();

  const history = await rpc(gateway, 'GetHistory', { auth, roomName: 'legacy', limit: 10 });
  assert.deepEqual(
    history.messages.map((m: Any) => [m.serverSeq, m.personName, m.text]),
    [['1', 'orig', 'hello from 2019']],
  );
});

test('the contract statuses: UNAUTHENTICATED and PERMISSION_DENIED', async () => {
  await rpc(login, 'AddUser', { username: 'other', password: 'demo' });
  const { credential } = await rpc(login, 'Login', { username: 'other', password: 'demo' });
  assert.equal(await code(rpc(login, 'Login', { username: 'other', password: 'wrong' })), 'UNAUTHENTICATED');
  const { sid } = jwt.decode(credential) as { sid: string };
  const exp = Math.floor(Date.now() / 1000);
  const signed = { issuer: 'chat-functions', algorithm: 'ES256' } as const;
  const forged = jwt.sign({ sub: 'other', sid, exp: exp + 600 }, generateSigningKey().privateKeyPem, signed);
  const expired = jwt.sign({ sub: 'other', sid, exp: exp - 1 }, TEST_SIGNING_KEY, signed);
  for (const bad of [forged, expired]) {
    assert.equal(await code(rpc(gateway, 'CreateRoom', { auth: { credential: bad }, roomName: 'x1' })), 'UNAUTHENTICATED');
  }
  await rpc(gateway, 'CreateRoom', { auth: { credential }, roomName: 'theirs' });
  assert.equal(
    await code(rpc(gateway, 'EnterRoom', { auth: { credential }, roomName: 'theirs', personName: 'orig' })),
    'PERMISSION_DENIED',
  );
  await rpc(gateway, 'EnterRoom', { auth: { credential }, roomName: 'theirs' });
  assert.equal(
    await code(rpc(gateway, 'SendMessage', { auth: { credential }, roomName: 'theirs', personName: 'orig', text: 'x' })),
    'PERMISSION_DENIED',
  );
});
