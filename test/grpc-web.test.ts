/**
 * The gRPC-Web port (WEB_PORT): the same public contract as the gRPC port,
 * through Connect-ES's own client, with the same replies and statuses for the
 * same mistakes; and the page's files served beside it.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import * as grpc from '@grpc/grpc-js';
import type { RunningServer } from '../api/grpc-server.js';
import { type CallError, type ContractClient, grpcContractClient, webContractClient } from './support/contract-client.js';
import { walkContract } from './support/contract-smoke.js';
import { startTestServer } from './support/server.js';

let server: RunningServer;
let viaGrpc: ContractClient;
let viaWeb: ContractClient;

before(async () => {
  server = await startTestServer();
  assert.ok(server.webUrl, 'the test server serves gRPC-Web');
  viaGrpc = grpcContractClient(server.address);
  viaWeb = webContractClient(server.webUrl);
});
after(async () => {
  viaGrpc.close();
  viaWeb.close();
  await server.stop();
});

test('the public contract walks through the gRPC-Web port', async () => {
  const { servedBy } = await walkContract(viaWeb);
  assert.equal(servedBy.size, 1, 'every reply names its server');
});

const outcome = (promise: Promise<unknown>) =>
  promise.then(
    () => 'OK',
    (error: CallError) => `${grpc.status[error.code]}: ${error.details}`,
  );

test('the same mistakes get the same statuses and messages over gRPC and gRPC-Web', async () => {
  const id = randomBytes(3).toString('hex');
  const [ann, bob, room] = [`ann_${id}`, `bob_${id}`, `room_${id}`];
  const { login, gateway } = viaGrpc;
  for (const username of [ann, bob]) await login.AddUser({ username, password: 'secret1' });
  const a = (await login.Login({ username: ann, password: 'secret1' })).credential;
  const b = (await login.Login({ username: bob, password: 'secret1' })).credential;
  await gateway.CreateRoom({ room_name: room }, a);
  await gateway.EnterRoom({ room_name: room }, a);
  await gateway.SendMessage({ room_name: room, text: 'first', msg_id: `once_${id}` }, a);

  const mistakes: [string, (c: ContractClient) => Promise<unknown>][] = [
    ['wrong password', (c) => c.login.Login({ username: ann, password: 'wrong-one' })],
    ['taken username', (c) => c.login.AddUser({ username: ann, password: 'secret1' })],
    ['bad username', (c) => c.login.AddUser({ username: 'no spaces!', password: 'secret1' })],
    ['no credential', (c) => c.gateway.CreateRoom({ room_name: `x_${id}` })],
    ['forged credential', (c) => c.gateway.ListRooms({}, 'not.a.token')],
    ['bad room name', (c) => c.gateway.CreateRoom({ room_name: 'bad name!' }, a)],
    ['taken room name', (c) => c.gateway.CreateRoom({ room_name: room }, b)],
    ["someone else's room", (c) => c.gateway.DeleteRoom({ room_name: room }, b)],
    ['no such room', (c) => c.gateway.GetHistory({ room_name: `none_${id}` }, a)],
    ['not in the room', (c) => c.gateway.SendMessage({ room_name: room, text: 'hi' }, b)],
    ['empty text', (c) => c.gateway.SendMessage({ room_name: room, text: '' }, a)],
    ['msg_id reused for other text', (c) => c.gateway.SendMessage({ room_name: room, text: 'other', msg_id: `once_${id}` }, a)],
    [
      'subscribe to no such room',
      (c) => c.subscribe({ room_name: `none_${id}` }, a).ended.then((end) => (end === 'OK' ? end : Promise.reject(end))),
    ],
  ];
  for (const [mistake, attempt] of mistakes) {
    const [overGrpc, overWeb] = [await outcome(attempt(viaGrpc)), await outcome(attempt(viaWeb))];
    assert.notEqual(overGrpc, 'OK', `${mistake} is refused`);
    assert.equal(overWeb, overGrpc, mistake);
  }
});

test('the page is served beside gRPC-Web: its files, safe headers, 404 for anything else', async () => {
  const page = await fetch(server.webUrl as string);
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
  assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'self'/);
  assert.match(await page.text(), /<script type="module" src="app.js">/);
  const script = await fetch(new URL('app.js', server.webUrl));
  assert.match(script.headers.get('content-type') ?? '', /^text\/javascript/);
  for (const [path, method] of [
    ['nothing-here.js', 'GET'],
    ['../package.json', 'GET'],
    ['index.html', 'POST'],
  ]) {
    assert.equal((await fetch(new URL(path as string, server.webUrl), { method })).status, 404, `${method} ${path}`);
  }
});
