/**
 * infrastructure/docker-compose.monolith.yml on a real Docker engine: built
 * from the lockfile, healthy through the gRPC health service, the public
 * contract and the smoke load scenarios through its published port, the chat
 * page and gRPC-Web on its web port (in a real browser), the store kept across
 * a restart, and a graceful `docker stop`.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { composeProject, docker } from '../../infrastructure/local/compose.js';
import { freePort, ROOT } from '../../infrastructure/local/processes.js';
import { chatInBrowsers } from '../support/browser-chat.js';
import { bearer, call, connect } from '../support/clients.js';
import { grpcContractClient, webContractClient } from '../support/contract-client.js';
import { walkContract } from '../support/contract-smoke.js';

const project = composeProject('chat-ci-monolith', ['docker-compose.monolith.yml'], {});
let address = '';
let webUrl = '';

before(async () => {
  Object.assign(process.env, { MONOLITH_PORT: String(await freePort()), MONOLITH_WEB_PORT: String(await freePort()) });
  await project.compose(['up', '--build', '--wait', '--detach']);
  address = await project.published('monolith', 50051);
  webUrl = `http://${await project.published('monolith', 8080)}/`;
});
after(async () => {
  await project.down();
});

test('the container reports healthy through the gRPC health service', async () => {
  const [id] = await project.containers('monolith');
  assert.equal((await docker(['inspect', '-f', '{{.State.Health.Status}}', id as string])).trim(), 'healthy');
  assert.equal((await docker(['inspect', '-f', '{{.Config.User}}', id as string])).trim(), 'node');
});

test('the public contract through the published port', async () => {
  const c = grpcContractClient(address);
  try {
    const { servedBy } = await walkContract(c);
    assert.deepEqual([...servedBy], ['monolith']);
  } finally {
    c.close();
  }
});

test('the public contract through the published gRPC-Web port', async () => {
  const { servedBy } = await walkContract(webContractClient(webUrl));
  assert.deepEqual([...servedBy], ['monolith']);
});

test('two people chat in the page served by the container', async () => {
  const outcome = await chatInBrowsers(webUrl);
  assert.equal(outcome.lines.length, 7);
  assert.equal(outcome.badPasswordSentence, 'Wrong username or password.');
});

test('the smoke load scenarios pass against the container', async () => {
  const out = mkdtempSync(path.join(os.tmpdir(), 'load-compose-'));
  try {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'load/run.ts', '--target', address, '--label', 'compose-monolith', '--scenarios', 'smoke', '--out', out],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    assert.equal(code, 0, output);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('a restart keeps users, rooms and messages; docker stop drains and exits 0', async () => {
  let c = connect(address);
  await call(c.login, c.login.AddUser, { username: 'keeper', password: 'secret1' });
  let token = (await call(c.login, c.login.Login, { username: 'keeper', password: 'secret1' })).credential;
  await call(c.gateway, c.gateway.CreateRoom, { room_name: 'kept' }, bearer(token));
  await call(c.gateway, c.gateway.EnterRoom, { room_name: 'kept' }, bearer(token));
  for (const text of ['one', 'two', 'three']) await call(c.gateway, c.gateway.SendMessage, { room_name: 'kept', text }, bearer(token));
  c.close();

  const [id] = await project.containers('monolith');
  await project.compose(['stop', 'monolith'], 60_000);
  assert.equal((await docker(['inspect', '-f', '{{.State.ExitCode}}', id as string])).trim(), '0');
  assert.match(await docker(['logs', id as string]), /"msg":"stopped"/);

  await project.compose(['start', 'monolith'], 60_000);
  await project.compose(['up', '--wait', '--detach', 'monolith'], 120_000);
  address = await project.published('monolith', 50051);
  c = connect(address);
  try {
    // The development signing key lives in the volume too, so the old credential still works.
    const history = await call(c.gateway, c.gateway.GetHistory, { room_name: 'kept' }, bearer(token));
    assert.deepEqual(
      history.messages.map((m) => [Number(m.server_seq), m.text]),
      [
        [1, 'one'],
        [2, 'two'],
        [3, 'three'],
      ],
    );
    token = (await call(c.login, c.login.Login, { username: 'keeper', password: 'secret1' })).credential;
    assert.ok(token);
  } finally {
    c.close();
  }
});
