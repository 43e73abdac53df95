/**
 * What an adversarial user found (issue: hardening), one test per finding, on
 * the monolith; the functions path's share is in functions-path/hardening.test.ts.
 */
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { status } from '@grpc/grpc-js';
import dynalite from 'dynalite';
import { ROOT, spawnMonolith } from '../infrastructure/local/processes.js';
import { readMonolithConfig } from '../monolith/config.js';
import { startMonolith } from '../monolith/server.js';
import { bearer, call, connect, signUp, statusOf } from './support/clients.js';
import { TEST_SIGNING_KEY } from './support/env.js';
import { eventually } from './support/eventually.js';
import { startFaultProxy } from './support/fault-proxy.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'chat-hardening-'));
  dirs.push(dir);
  return dir;
};
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

test('a second monolith on the same DATA_DIR exits non-zero, naming the directory', async () => {
  // The embedded store (not DynamoDB Local, even when the suite runs on it) is what holds the directory.
  const env = { DATA_DIR: tempDir(), JWT_PRIVATE_KEY: TEST_SIGNING_KEY, DYNAMODB_ENDPOINT: '', SCRYPT_LOG_N: '10' };
  const first = await spawnMonolith(env);
  try {
    const second = spawn(process.execPath, ['--import', 'tsx', 'monolith/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    second.stderr.on('data', (chunk) => (output += chunk));
    const code = await new Promise<number | null>((resolve) => second.on('exit', resolve));
    assert.equal(code, 1, output);
    assert.ok(output.includes(`is another server using ${path.join(env.DATA_DIR, 'dynamodb')}?`), output);
  } finally {
    await first.stop();
  }
});

/** Opens `count` TCP connections that never send a byte; resolves with when each closed (ms from start, or undefined). */
async function silentSockets(port: number, count: number, waitMs: number): Promise<(number | undefined)[]> {
  const started = Date.now();
  const closedAt: (number | undefined)[] = Array.from({ length: count });
  const sockets = Array.from({ length: count }, (_, i) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.on('error', () => undefined);
    socket.on('close', () => (closedAt[i] = Date.now() - started));
    socket.resume(); // read what the server sends, so its close is seen
    return socket;
  });
  await sleep(waitMs);
  for (const socket of sockets) socket.destroy();
  return closedAt;
}

/** A monolith's configuration on 127.0.0.1:0 (gRPC only), `env` over this process's. */
const onLoopback = (env: Record<string, string>) =>
  readMonolithConfig({ ...process.env, HOST: '127.0.0.1', PORT: '0', WEB_PORT: 'off', ...env });

test('connections that never speak HTTP/2 are closed after the handshake deadline; past the cap, at once', async () => {
  const server = await startMonolith(
    onLoopback({ DYNAMODB_EMBEDDED: 'memory', TABLE_PREFIX: 'hygiene-', HANDSHAKE_TIMEOUT_MS: '300', MAX_CONNECTIONS: '20' }),
  );
  try {
    const closed = await silentSockets(server.port, 10, 1_500);
    assert.ok(
      closed.every((ms) => ms !== undefined && ms >= 250),
      `closed after ${closed.join(', ')} ms`,
    );
    // A real client in the meantime is served, and stays served past the deadline.
    const c = connect(server.address);
    await call(c.login, c.login.Validate, { credential: 'x' });
    await sleep(500);
    assert.deepEqual(await call(c.login, c.login.Validate, { credential: 'x' }), { valid: false, username: '', expires_at_iso: '' });
    const crowd = await silentSockets(server.port, 30, 150);
    assert.ok(crowd.filter((ms) => ms !== undefined).length >= 10, `past 20 connections, new ones are closed at once: ${crowd.join(', ')}`);
    c.close();
  } finally {
    await server.stop();
  }
});

/** What the container HEALTHCHECK sees: the probe's exit code (0 = SERVING). */
const healthOf = (address: string) =>
  promisify(execFile)(process.execPath, ['infrastructure/health-probe.mjs', address], { cwd: ROOT }).then(
    () => 'SERVING',
    () => 'NOT_SERVING',
  );

test('storage out: calls answer UNAVAILABLE, health says NOT_SERVING; back: SERVING, and a retried send is stored once', async () => {
  const store = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve) => store.listen(0, '127.0.0.1', () => resolve()));
  const proxy = await startFaultProxy((store.address() as { port: number }).port);
  const server = await startMonolith(onLoopback({ DYNAMODB_ENDPOINT: proxy.endpoint, TABLE_PREFIX: 'outage-', STORAGE_PROBE_MS: '200' }));
  const c = connect(server.address);
  try {
    const token = await signUp(c, 'steady');
    const auth = bearer(token);
    await call(c.gateway, c.gateway.CreateRoom, { room_name: 'kept' }, auth);
    await call(c.gateway, c.gateway.EnterRoom, { room_name: 'kept' }, auth);
    await call(c.gateway, c.gateway.SendMessage, { room_name: 'kept', text: 'one', msg_id: 'one' }, auth);
    assert.equal(await healthOf(server.address), 'SERVING');

    proxy.set('refuse');
    assert.equal(await statusOf(call(c.login, c.login.Login, { username: 'steady', password: 'password1' })), status.UNAVAILABLE);
    assert.equal(await statusOf(call(c.gateway, c.gateway.GetHistory, { room_name: 'other' }, auth)), status.UNAVAILABLE);
    assert.equal(
      await statusOf(call(c.gateway, c.gateway.SendMessage, { room_name: 'kept', text: 'two', msg_id: 'two' }, auth)),
      status.UNAVAILABLE,
    );
    assert.equal(
      await eventually(
        () => healthOf(server.address),
        (h) => h === 'NOT_SERVING',
      ),
      'NOT_SERVING',
    );

    proxy.set('pass');
    assert.equal(
      await eventually(
        () => healthOf(server.address),
        (h) => h === 'SERVING',
      ),
      'SERVING',
    );
    await call(c.gateway, c.gateway.SendMessage, { room_name: 'kept', text: 'two', msg_id: 'two' }, auth);
    const { messages } = (await call(c.gateway, c.gateway.GetHistory, { room_name: 'kept' }, auth)) as {
      messages: { text: string; server_seq: number }[];
    };
    assert.deepEqual(
      messages.map((m) => [Number(m.server_seq), m.text]),
      [
        [1, 'one'],
        [2, 'two'],
      ],
    );
  } finally {
    c.close();
    await server.stop();
    await proxy.close();
    await new Promise<void>((resolve) => store.close(() => resolve()));
  }
});

test('a login storm past the KDF admission is turned away before any refused login reads its account', async () => {
  const server = await startMonolith(onLoopback({ DYNAMODB_EMBEDDED: 'memory', TABLE_PREFIX: 'storm-', SCRYPT_LOG_N: '14' }));
  const c = connect(server.address);
  try {
    const before = (await server.usage()).storage.requests.GetItem ?? 0;
    const attempts = 600;
    const outcomes = await Promise.all(
      Array.from({ length: attempts }, (_, i) => statusOf(call(c.login, c.login.Login, { username: `nobody${i}`, password: 'pw' }))),
    );
    const reads = ((await server.usage()).storage.requests.GetItem ?? 0) - before;
    const refused = outcomes.filter((s) => s === status.UNAVAILABLE).length;
    assert.ok(refused >= attempts / 2, `${refused} of ${attempts} turned away`);
    assert.ok(reads <= attempts - refused, `${reads} account reads for ${attempts - refused} admitted logins`);
  } finally {
    c.close();
    await server.stop();
  }
});
