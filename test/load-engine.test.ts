/**
 * The Artillery gRPC engine (load/artillery-engine-grpc), run by the real
 * Artillery CLI with the runner's smoke scenarios: its latency against a
 * server that answers after a known delay, report counters against a real
 * server (the monolith, or the functions path under test/functions-path/),
 * and a failing exit code against a target that is down; and the chat
 * scenarios' start, which waits for every login.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, test } from 'node:test';
import * as grpc from '@grpc/grpc-js';
import type { RunningServer } from '../api/grpc-server.js';
import { loadContracts } from '../contracts/index.js';
import { freePort, ROOT } from '../infrastructure/local/processes.js';
import { artilleryOverrides, scenarioFile, selectScenarios } from '../load/plan.js';
import { runArtillery } from '../load/run-artillery.js';
import { call, connect } from './support/clients.js';
import { startTestServer } from './support/server.js';

/** A smoke scenario of the plan, as the runner starts it. */
function runSmoke(kind: 'login' | 'chat' | 'routing', target: string) {
  const [scenario] = selectScenarios(`smoke-${kind}`);
  assert.ok(scenario);
  return runArtillery(path.join(ROOT, scenarioFile(scenario)), target, {
    overrides: artilleryOverrides(scenario),
    variables: { ...scenario.variables, run: `test-${Date.now()}` },
  });
}

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
  const run = await runSmoke('login', `127.0.0.1:${port}`);
  slow.forceShutdown();
  const latency = run.report?.aggregate.summaries['grpc.response_time.Login'];
  assert.equal(run.exitCode, 0, run.output);
  assert.equal(latency?.count, 10);
  assert.ok((latency?.min ?? 0) >= DELAY_MS, `min ${latency?.min}`);
  assert.ok((latency?.p50 ?? 0) < DELAY_MS + 30, `p50 ${latency?.p50}`);
});

test("requests are templated as Artillery's own template does it, leaf by leaf", () => {
  const require = createRequire(import.meta.url);
  const helpers = require(path.join(ROOT, 'node_modules/artillery/dist/lib/commons/engine_util.js'));
  const GrpcEngine = require(path.join(ROOT, 'load/artillery-engine-grpc/index.js'));
  const engine = new GrpcEngine({ config: { target: '127.0.0.1:1' } }, undefined, helpers);
  const context = { vars: { token: 't0k3n', room: 'perf_room_3', $loopCount: 4, index: 17, size: 10 }, funcs: {} };
  const requests = [
    {
      auth: { credential: '{{ token }}' },
      room_name: '{{ room }}',
      text: 'message {{ $loopCount }} from perf_demo{{ index }}',
      msg_id: 'auto',
    },
    { limit: '{{ size }}', flags: [true, 2, '{{ room }}', { nested: '{{index}}' }], empty: null, '{{ room }}': 'key' },
    { username: 'perf_demo{{ index }}', password: 'demo', client_ts_ms: 'now', unknown: '{{ nobody }}' },
  ];
  for (const request of requests) assert.deepEqual(engine.templated(request, context), helpers.template(request, context));
  assert.deepEqual(engine.templated(requests[1], context).limit, 10, 'a lone placeholder keeps its type');
});

test('smoke login: the report counts what was sent, and who served it', async () => {
  const run = await runSmoke('login', server.address);
  assert.equal(run.exitCode, 0, run.output);
  const counters = run.report?.aggregate.counters ?? {};
  assert.equal(counters['grpc.requests'], 10);
  assert.equal(counters['grpc.codes.OK'], 10);
  assert.equal(counters['vusers.failed'], 0);
  const servedBy = Object.entries(counters).filter(([name]) => name.startsWith('grpc.served_by.'));
  assert.equal(servedBy.length, 1, 'one server');
  assert.equal(servedBy[0]?.[1], 10, 'every reply names its server');
});

test('smoke chat: every acknowledged send comes back to its sender, no gap or duplicate', async () => {
  const run = await runSmoke('chat', server.address);
  assert.equal(run.exitCode, 0, run.output);
  const counters = run.report?.aggregate.counters ?? {};
  const summaries = run.report?.aggregate.summaries ?? {};
  assert.equal(summaries['grpc.response_time.SendMessage']?.count, 50, 'ten users, five messages each');
  assert.equal(counters['grpc.delivery.checked'], 50, 'each send was checked at its own subscription');
  assert.equal(counters['grpc.delivery.lost'], 0);
  assert.equal(counters['vusers.failed'], 0);
  // Rooms of five: each message reaches the members already subscribed, at least its sender.
  const received = counters['grpc.delivery.received'] ?? 0;
  assert.ok(received >= 50 && received <= 250, `received ${received}`);
  assert.equal(summaries['grpc.delivery_time']?.count, received);
  assert.equal(counters['grpc.delivery.gaps'] ?? 0, 0);
  assert.equal(counters['grpc.delivery.duplicates'] ?? 0, 0);
});

test('smoke routing: replies counted per server', async () => {
  const run = await runSmoke('routing', server.address);
  assert.equal(run.exitCode, 0, run.output);
  const counters = run.report?.aggregate.counters ?? {};
  assert.equal(run.report?.aggregate.summaries['grpc.response_time.ListRooms']?.count, 30, 'ten users, three calls each');
  const served = Object.entries(counters)
    .filter(([name]) => name.startsWith('grpc.served_by.'))
    .reduce((sum, [, n]) => sum + n, 0);
  assert.equal(served, 40, 'logins and ListRooms calls all name their server');
});

test('a target that is down fails the run: every user tries again until the smoke run gives up', async () => {
  const run = await runSmoke('login', `127.0.0.1:${await freePort()}`);
  assert.notEqual(run.exitCode, 0);
  const counters = run.report?.aggregate.counters ?? {};
  assert.equal(counters['vusers.failed'], 10);
  assert.ok((counters['grpc.retried.Login.UNAVAILABLE'] ?? 0) >= 20, 'each user tried more than once');
});

test('a chat begins once the arrival phase is over and every arrived user has logged in or given up', async () => {
  // The chat scenarios' processor, fresh (its state is per Artillery worker), driven as Artillery drives it.
  const processor = path.join(ROOT, 'load/scenarios/rooms.cjs');
  const require = createRequire(import.meta.url);
  delete require.cache[processor];
  delete require.cache[path.join(ROOT, 'load/scenarios/login.cjs')];
  const rooms = require(processor);
  const noEvents = { emit() {} };
  const step = (fn: string, context: object) => new Promise<void>((resolve) => rooms[fn](context, noEvents, () => resolve()));
  const user = (index: number) => ({ vars: { index, roomSize: 10, run: 't', arrivalSeconds: 0.2, interval: '10ms' } });
  const [ann, bob] = [user(0), user(1)];
  for (const u of [ann, bob]) {
    await step('pickRoom', u);
    await step('arrive', u);
  }
  const lines: string[] = [];
  const log = console.log;
  console.log = (line: string) => lines.push(line);
  try {
    Object.assign(ann.vars, { token: 'a' });
    await step('loggedIn', ann);
    let annChats = false;
    const annWaits = step('waitForEveryone', ann).then(() => {
      annChats = true;
    });
    // The arrival phase is over (0.2 s) and a second more has passed, but bob is still logging in.
    await new Promise((resolve) => setTimeout(resolve, 1_400));
    assert.equal(annChats, false, 'the chat began before every login had settled');
    // bob gives up (no credential): his login has settled, so the chat begins a second later.
    const bobSettled = Date.now();
    await step('loggedIn', bob);
    await annWaits;
    assert.ok(Date.now() - bobSettled >= 990, `began ${Date.now() - bobSettled} ms after the last login`);
    assert.equal(lines.length, 1);
    assert.match(lines[0] ?? '', /^chat begins: 2 users' logins settled, 1\.[0-9] s after the planned start$/);
  } finally {
    console.log = log;
  }
});
