/**
 * The load runner end to end (`npm run load`): it starts the monolith or the
 * functions stack with two gateways, seeds accounts, runs the smoke
 * scenarios with Artillery, and writes reports, metadata and the
 * comparison; a signal stops it with everything it started; a later run
 * starts on a copy of the seeded store; a run against a target that is down
 * fails.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { statFields } from '../client/machine.js';
import { freePort, ROOT } from '../infrastructure/local/processes.js';
import { type LoadRun, readRuns, rowsOf } from '../load/results.js';
import { readMessageWriter } from '../monolith/config.js';
import './support/env.js';

const out = mkdtempSync(path.join(tmpdir(), 'load-runs-'));
after(() => rmSync(out, { recursive: true, force: true }));

function runner(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'load/run.ts', '--out', out, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 180_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const runOf = (runs: LoadRun[], name: string) => {
  const run = runs.find((r) => r.meta.name === name);
  assert.ok(run, `${name} in ${runs.map((r) => r.meta.name).join(', ')}`);
  return run;
};

test('smoke scenarios on the monolith and on two gateways: reports, metadata, comparison', () => {
  for (const args of [
    ['--target', 'monolith'],
    ['--target', 'functions', '--replicas', '2'],
  ]) {
    const { status, output } = runner(...args);
    assert.equal(status, 0, output);
  }
  const runs = readRuns(out);
  assert.equal(runs.length, 6);
  const chat = runOf(runs, 'monolith_scaledx_1_scenario_smoke-chat_users_10');
  assert.equal(chat.meta.passed, true);
  assert.equal(chat.meta.kdf.N, 2 ** 10, 'the KDF cost the target ran with');
  assert.match(chat.meta.machine.commit, /^[0-9a-f]{7,}|unknown$/);
  const send = rowsOf(chat).find((r) => r.metric === 'SendMessage');
  assert.equal(send?.count, 50);
  assert.equal(send?.count, chat.report.aggregate.summaries['grpc.response_time.SendMessage']?.count);
  assert.equal(rowsOf(chat).find((r) => r.metric === 'delivery')?.lost, 0);
  // The chat's cost is measured from its start (logins left out), Artillery's CPU included: within the whole run's.
  const [whole, chatOnly] = [chat.meta.cost, chat.meta.chatCost];
  assert.ok(whole && chatOnly, 'both costs measured');
  assert.ok((chat.meta.chatBehindPlanSeconds ?? -1) >= 0, 'when the chat began, against plan');
  // The load generator timed its own lag the whole run (a 20-ms timer: at least one a second of an ~8-s run).
  assert.ok((chat.report.aggregate.summaries['engine.loop_delay']?.count ?? 0) >= 8, 'the engine timed its own loop');
  const load = (c: typeof whole) => c.cpuMsPerMessage['load generator'] ?? 0;
  assert.ok(load(chatOnly) > 0 && load(chatOnly) <= load(whole), `load generator ${load(chatOnly)} ≤ ${load(whole)} ms`);
  assert.ok(
    chatOnly.serverMsPerMessage <= whole.serverMsPerMessage,
    `servers ${chatOnly.serverMsPerMessage} ≤ ${whole.serverMsPerMessage} ms`,
  );
  // Each part's wait for a core is read from the scheduler (Linux): none missing, none negative.
  const writerThread = readMessageWriter() === 'thread' ? ['writer thread'] : [];
  assert.deepEqual(Object.keys(chatOnly.cpuWaitMsPerMessage).sort(), ['monolith (gRPC, logic)', 'store', ...writerThread]);
  for (const ms of Object.values(chatOnly.cpuWaitMsPerMessage)) assert.ok(ms >= 0, JSON.stringify(chatOnly.cpuWaitMsPerMessage));
  // The servers' own clocks counted, over the chat, the sends Artillery made: on one monolith and across two gateways.
  for (const name of ['monolith_scaledx_1_scenario_smoke-chat_users_10', 'functions_scaledx_2_scenario_smoke-chat_users_10'])
    assert.equal(runOf(runs, name).meta.chatCost?.serverLatencyMs.SendMessage?.count, 50, name);

  // What the servers were given beyond their defaults (here the tests' per-user limits), secrets left out.
  assert.equal(chat.meta.settings?.SENDS_PER_SECOND, process.env.SENDS_PER_SECOND);
  assert.ok(process.env.JWT_PRIVATE_KEY && !('JWT_PRIVATE_KEY' in (chat.meta.settings ?? {})), 'the signing key is not recorded');
  assert.ok(!('PATH' in (chat.meta.settings ?? {})), 'only what a server reads');

  const routing = runOf(runs, 'functions_scaledx_2_scenario_smoke-routing_users_10');
  assert.equal(routing.meta.target.replicas, 2);
  const servers = Object.keys(routing.report.aggregate.counters).filter((name) => name.startsWith('grpc.served_by.'));
  assert.equal(servers.length, 2, `both replicas served calls: ${servers.join(', ')}`);

  const csv = readFileSync(path.join(out, 'summary.csv'), 'utf8').trim().split('\n');
  assert.equal(csv.length - 1, runs.flatMap(rowsOf).length, 'one CSV row per run and metric');
  assert.ok(csv.some((line) => line.startsWith('monolith_scaledx_1_scenario_smoke-chat_users_10,') && line.includes(',SendMessage,50,0,')));
  assert.match(readFileSync(path.join(out, 'summary.md'), 'utf8'), /Settings other than the defaults: .*SENDS_PER_SECOND=100000/);
  const html = readFileSync(path.join(out, 'report.html'), 'utf8');
  assert.match(html, /<svg/);
  assert.match(html, /functions_scaledx_2_scenario_smoke-chat_users_10/);
});

/** The processes below `pid` now (Linux: from /proc), children before theirs. */
function descendantsOf(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    const ppid = statFields(Number(entry))?.[1];
    if (ppid !== undefined) parents.set(Number(entry), Number(ppid)); // else gone meanwhile
  }
  const found = [pid];
  for (let i = 0; i < found.length; i++) for (const [child, parent] of parents) if (parent === found[i]) found.push(child);
  return found.slice(1);
}

/** Still running: there and not a zombie (one its parent has not reaped yet is as good as gone). */
function running(pid: number): boolean {
  const state = statFields(pid)?.[0];
  return state !== undefined && state !== 'Z';
}

test('SIGTERM stops Artillery and the target, exits 143, and leaves the earlier run of that name as it was', async () => {
  const name = 'monolith_scaledx_1_scenario_smoke-chat_users_10';
  const earlier = ['meta', 'report'].map((kind) => readFileSync(path.join(out, 'runs', `${name}.${kind}.json`), 'utf8'));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'load/run.ts', '--out', out, '--target', 'monolith', '--scenarios', 'smoke-chat'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let output = '';
  const artillery = await new Promise<number>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const started = /artillery started \(pid (\d+)\)/.exec(output);
      if (started) resolve(Number(started[1]));
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    exited.then(() => reject(new Error(`the runner exited before Artillery started:\n${output}`)));
  });
  const children = descendantsOf(child.pid as number);
  assert.ok(children.includes(artillery), `Artillery (${artillery}) is among ${children.join(', ')}`);
  assert.ok(children.length >= 2, `the monolith runs too: ${children.join(', ')}`);

  child.kill('SIGTERM');
  assert.equal(await exited, 143, output);
  assert.match(output, /stopped by SIGTERM/);
  assert.deepEqual(children.filter(running), [], 'nothing it started is left running');
  const now = ['meta', 'report'].map((kind) => readFileSync(path.join(out, 'runs', `${name}.${kind}.json`), 'utf8'));
  assert.deepEqual(now, earlier, 'the cut run wrote nothing over the earlier one');
});

test('each run starts on a copy of the seeded store: the accounts, nothing a run before left', () => {
  // The smoke test above seeded the functions path's store once and kept it (the functions path's: the
  // monolith's is in DynamoDB Local when CI runs the suite on it, and is not copied then).
  const store = path.join(out, 'store');
  assert.deepEqual(JSON.parse(readFileSync(path.join(store, 'functions-seeded', 'seeded.json'), 'utf8')), {
    users: 10,
    scryptLogN: Number(process.env.SCRYPT_LOG_N),
  });
  const leftOver = path.join(store, 'functions', 'left by an earlier run');
  writeFileSync(leftOver, '');
  const { status, output } = runner('--target', 'functions', '--scenarios', 'smoke-login');
  assert.equal(status, 0, output);
  assert.match(output, /store: +\S+functions: a copy of \S+functions-seeded \(10 users, no rooms or messages\)/);
  assert.doesNotMatch(output, /seeding/, 'the copy has the users: nothing to seed');
  assert.ok(!existsSync(leftOver), 'the store of the run before is gone');
});

test('a target that is down: the run fails and says so', async () => {
  const { status, output } = runner(
    '--target',
    `127.0.0.1:${await freePort()}`,
    '--label',
    'down',
    '--skip-seed',
    '--scenarios',
    'smoke-login',
  );
  assert.notEqual(status, 0);
  assert.match(output, /FAILED/);
  const down = runOf(readRuns(out), 'down_scaledx_1_scenario_smoke-login_users_10');
  assert.equal(down.meta.passed, false);
  // Turned away, every user tried again until the smoke run gave up: all failed, none got in.
  assert.equal(down.report.aggregate.counters['vusers.failed'], 10);
  assert.equal(rowsOf(down).find((r) => r.metric === 'Login')?.count ?? 0, 0);
});
