/**
 * The Artillery gRPC engine (load/artillery-engine-grpc), run by the real
 * Artillery CLI: its latency against a server that answers after a known
 * delay, the smoke scenarios' reports against a real server, and a failing
 * exit code against a target that is down.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import * as grpc from '@grpc/grpc-js';
import { loadContracts } from '../contracts/index.js';
import { freePort } from '../infrastructure/local/processes.js';
import { runArtillery } from '../load/run-artillery.js';
import type { RunningServer } from '../monolith/server.js';
import { call, connect } from './support/clients.js';
import { startTestServer } from './support/server.js';

const scenario = (name: string) => fileURLToPath(new URL(`../load/scenarios/${name}`, import.meta.url));
let server: RunningServer;

before(async () => {
  server = await startTestServer();
  const c = connect(server.address);
  for (let i = 0; i < 10; i++) await call(c.login, c.login.AddUser, { username: `perf_demo${i}`, password: 'demo' });
  c.close();
});
after(() => server.stop());

test('measured latency matches a server that answers after 100 ms', async () => {
  const DELAY_MS = 100;
  const slow = new grpc.Server();
  slow.addService(loadContracts().grpcObject.auth.LoginService.service, {
    Login: (_call: unknown, callback: grpc.sendUnaryData<object>) => {
      setTimeout(() => callback(null, { credential: 'x' }), DELAY_MS);
    },
  });
  const port = await new Promise<number>((resolve, reject) =>
    slow.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))),
  );
  const run = await runArtillery(scenario('smoke-login.yml'), `127.0.0.1:${port}`);
  slow.forceShutdown();
  const latency = run.report?.aggregate.summaries['grpc.response_time.Login'];
  assert.equal(run.exitCode, 0, run.output);
  assert.equal(latency?.count, 10);
  assert.ok((latency?.min ?? 0) >= DELAY_MS, `min ${latency?.min}`);
  assert.ok((latency?.p50 ?? 0) < DELAY_MS + 30, `p50 ${latency?.p50}`);
});

test('smoke login: the report counts what was sent', async () => {
  const run = await runArtillery(scenario('smoke-login.yml'), server.address);
  assert.equal(run.exitCode, 0, run.output);
  const counters = run.report?.aggregate.counters ?? {};
  assert.equal(counters['grpc.requests'], 10);
  assert.equal(counters['grpc.codes.OK'], 10);
  assert.equal(counters['vusers.failed'], 0);
});

test('smoke chat: sends, live delivery, no gap or duplicate', async () => {
  const run = await runArtillery(scenario('smoke-chat.yml'), server.address);
  assert.equal(run.exitCode, 0, run.output);
  const { counters, summaries } = run.report?.aggregate ?? { counters: {}, summaries: {} };
  assert.equal(summaries['grpc.response_time.SendMessage']?.count, 50, 'ten users, five messages each');
  assert.equal(counters['vusers.failed'], 0);
  assert.ok((counters['grpc.delivery.received'] ?? 0) > 0, 'subscribers received messages');
  assert.equal(summaries['grpc.delivery_time']?.count, counters['grpc.delivery.received']);
  assert.equal(counters['grpc.delivery.gaps'] ?? 0, 0);
  assert.equal(counters['grpc.delivery.duplicates'] ?? 0, 0);
});

test('a target that is down fails the run', async () => {
  const run = await runArtillery(scenario('smoke-login.yml'), `127.0.0.1:${await freePort()}`);
  assert.notEqual(run.exitCode, 0);
  assert.equal(run.report?.aggregate.counters['grpc.codes.UNAVAILABLE'], 10);
});
