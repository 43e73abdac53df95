/**
 * Server-side latency (lib/latency.ts): bucket bounds never below the time
 * recorded and at most 19 % above it, windows read as differences of two
 * readings, a load run's windows cut on the period's boundaries, the loop
 * watched only while calls come in, and a running server's readings carrying
 * its RPCs and its loop.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { addLatency, latencyCounts, latencySince, recordMs, watchEventLoop } from '../lib/latency.js';
import { watchServers } from '../load/timeline.js';
import { call, connect, signUp } from './support/clients.js';
import { startTestServer } from './support/server.js';

test('a percentile is the bound of the bucket it falls in: never below the time, at most 19 % above it', () => {
  for (const ms of [0, 0.1, 0.25, 0.26, 1, 3.3, 17, 99.9, 100, 1234, 60_000]) {
    const name = `bound-${ms}`;
    recordMs(name, ms);
    const { p50, p99, max, count } = latencySince(latencyCounts())[name] ?? assert.fail(`${name} not read`);
    assert.equal(count, 1);
    assert.equal(p50, max);
    assert.equal(p99, max);
    assert.ok(max >= ms, `${max} ≥ ${ms}`);
    assert.ok(max <= Math.max(0.25, ms * 1.19 + 0.005), `${max} ≤ 1.19 × ${ms}`);
  }
});

test('a window is the difference of two readings: what came before it is not in its percentiles', () => {
  for (let i = 0; i < 1000; i++) recordMs('window', 500);
  const before = latencyCounts();
  for (let i = 0; i < 98; i++) recordMs('window', 2);
  recordMs('window', 40);
  recordMs('window', 41);
  const window = latencySince(latencyCounts(), before).window;
  assert.deepEqual(window, { count: 100, p50: 2, p99: 45.3, max: 45.3 });
  // Two replicas' readings add up bucket by bucket.
  const both = addLatency(addLatency({}, before), before);
  assert.equal(latencySince(both).window?.count, 2000);
});

test("a load run's windows start on the period's boundaries, one after another, each with what was recorded in it", async () => {
  // Each reading counts one more Query and two more chat invokes (of 15 ms, 2 of CPU) so far, as if made in each period.
  let periods = 0;
  const meter = {
    read: async () => {
      periods++;
      const storage = { requests: { Query: periods }, readUnits: 0, writeUnits: 0 };
      return {
        cpu: { work: 0.5 },
        waiting: {},
        storage,
        functions: { chat: { invokes: 2 * periods, billedMs: 30 * periods, cpuMs: 4 * periods, storage } },
        latency: latencyCounts(),
      };
    },
  };
  const period = 400;
  const servers = watchServers(meter, period);
  // One recorded time a period, halfway between its boundaries, for six periods.
  for (let i = 0; i < 6; i++) {
    await sleep(period - (Date.now() % period) + period / 2);
    recordMs('timeline work', i + 1);
  }
  await sleep(period - (Date.now() % period) + period / 4);
  const windows = servers.stop();
  assert.ok(windows.length >= 5, `${windows.length} windows`);
  for (const [i, w] of windows.entries()) {
    assert.equal(w.period % period, 0);
    if (i > 0) assert.equal(w.period - (windows[i - 1]?.period ?? 0), period);
    assert.equal(w.latency['timeline work']?.count, 1, JSON.stringify(w.latency));
    assert.deepEqual(w.cores, { work: 0 });
    assert.deepEqual(w.storage, { Query: 1 });
    assert.deepEqual(w.invokes, { chat: { count: 2, meanMs: 15, meanCpuMs: 2 } });
  }
});

test('the event loop is sampled from a call until idleMs pass without one, not while idle', async () => {
  const samples = () => latencySince(latencyCounts())['event loop delay']?.count ?? 0;
  const watch = watchEventLoop(10, 100);
  try {
    const idle = samples();
    await sleep(200);
    assert.equal(samples(), idle, 'no call yet: no timer');
    watch.called();
    await sleep(60);
    assert.ok(samples() > idle, 'a call starts the sampling');
    await sleep(300);
    const stopped = samples();
    await sleep(200);
    assert.equal(samples(), stopped, '100 ms after the last call it stopped');
    watch.called();
    await sleep(60);
    assert.ok(samples() > stopped, 'the next call starts it again');
  } finally {
    watch.stop();
  }
});

test("a server's usage carries each RPC's handler time and its event loop's delay", async () => {
  const server = await startTestServer();
  const c = connect(server.address);
  try {
    await signUp(c, 'timed_user');
    const before = (await server.usage()).latency ?? {};
    for (let i = 0; i < 3; i++) await call(c.login, c.login.Login, { username: 'timed_user', password: 'password1' });
    // Holding this process's loop (the server's too) for 150 ms is seen by its loop watch.
    const until = performance.now() + 150;
    while (performance.now() < until);
    await sleep(60);
    const window = latencySince((await server.usage()).latency ?? {}, before);
    assert.equal(window.Login?.count, 3, JSON.stringify(window));
    assert.equal(window.AddUser, undefined, 'nothing from before the window');
    assert.ok((window['event loop delay']?.max ?? 0) >= 120, JSON.stringify(window['event loop delay']));
  } finally {
    c.close();
    await server.stop();
  }
});
