/**
 * Load runs with Artillery: prepares a target, runs the chosen scenarios one
 * after another, and writes each run's Artillery JSON report, log and
 * metadata to data/load/runs/, then refreshes the comparison (report.ts).
 *
 *   npm run load                                             # smoke scenarios on the monolith
 *   npm run load -- --target monolith --scenarios all        # original 4–11 and routing
 *   npm run load -- --target functions --replicas 3 --scenarios 08,09
 *   npm run load -- --target functions --replicas 3 --scenarios 10 --store-on-disk   # its store in LevelDB, not memory
 *   npm run load -- --target compose-monolith                # the monolith compose file, brought up here
 *   npm run load -- --target compose --replicas 3            # the services stack (Envoy, LocalStack), 3 gateways
 *   npm run load -- --target compose --replicas 3 --stand-in # the same with CI's LocalStack stand-in, no Envoy
 *   npm run load -- --target 127.0.0.1:50051 --label mine    # a running server (seeded here)
 *
 * Runs are named <target>_scaledx_<replicas>_scenario_<id>_users_<users>
 * (the original tester's naming, with the target first); a rerun replaces its
 * files. Exits non-zero when a run failed its checks or could not run.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { costBetween, type Meter, type Reading } from '../bench/cost.js';
import { kdfMs, machine } from '../client/machine.js';
import { readFunctionsConfig } from '../functions/config.js';
import { readGatewayConfig } from '../gateway/config.js';
import { ROOT } from '../infrastructure/local/processes.js';
import { settingsGiven } from '../lib/env.js';
import { readMonolithConfig, readMonolithStore } from '../monolith/config.js';
import { artilleryOverrides, type LoadScenario, MAIN_RPC, scenarioFile, selectScenarios } from './plan.js';
import { writeReports } from './report.js';
import { describeSettings, type LoadRun, rowsOf } from './results.js';
import { artilleryCpu, runArtillery } from './run-artillery.js';
import { keepSeeded, restoreSeeded } from './store.js';
import { type LoadTarget, runningTarget, startComposeTarget, startTarget, type TargetOptions, waitUntilIdle } from './targets.js';
import { watchServers } from './timeline.js';

const { values: opt } = parseArgs({
  options: {
    target: { type: 'string', default: 'monolith' },
    replicas: { type: 'string', default: '1' },
    scenarios: { type: 'string', default: 'smoke' },
    'room-size': { type: 'string', default: '10' },
    label: { type: 'string' },
    out: { type: 'string', default: 'data/load' },
    'skip-seed': { type: 'boolean', default: false },
    'stand-in': { type: 'boolean', default: false },
    'store-on-disk': { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}
const replicas = Number(opt.replicas);
const roomSize = Number(opt['room-size']);
if (!Number.isInteger(replicas) || replicas < 1 || replicas > 16) fail('--replicas must be an integer from 1 to 16');
if (!Number.isInteger(roomSize) || roomSize < 1 || roomSize > 5_000) fail('--room-size must be an integer from 1 to 5000');
let scenarios: LoadScenario[] = [];
try {
  scenarios = selectScenarios(opt.scenarios);
} catch (error) {
  fail((error as Error).message);
}
const scryptLogN = Number(process.env.SCRYPT_LOG_N ?? 14);
const outDir = path.resolve(opt.out);
const runsDir = path.join(outDir, 'runs');

/**
 * SIGINT or SIGTERM stops what runs (Artillery, the seeding, the wait between runs) and then the target, and
 * exits 130 or 143, leaving the files of the runs that finished. Artillery and the servers are this process's
 * children: without this, a signal to this process alone (not a terminal's Ctrl-C, which reaches the whole
 * group) left them running. A second signal exits at once.
 */
const interrupted = new AbortController();
const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    if (interrupted.signal.aborted) process.exit(SIGNAL_EXIT[signal]);
    console.error(`${signal}: stopping Artillery and the target (once more to exit at once)`);
    interrupted.abort(signal);
  });

function stopped(signal: keyof typeof SIGNAL_EXIT): never {
  console.error(`stopped by ${signal}: the target is stopped; a run cut short is not written`);
  process.exit(SIGNAL_EXIT[signal]);
}

const startedHere = ['monolith', 'functions', 'compose', 'compose-monolith'].includes(opt.target);

/** What this environment sets that the servers read (targets started here: a running one's settings are its own). */
const settings = startedHere ? settingsGiven(process.env, [readGatewayConfig, readMonolithConfig, readFunctionsConfig]) : undefined;

/**
 * A target started here whose store is a directory here: every invocation starts on a copy of the seeded store
 * (store.ts). Not a monolith given another DynamoDB (DYNAMODB_ENDPOINT, as CI's DynamoDB Local) or a memory store.
 */
function keepsStoreHere(): boolean {
  if (opt.target === 'functions') return true;
  if (opt.target !== 'monolith') return false;
  try {
    return readMonolithStore()?.persist === true;
  } catch (error) {
    fail((error as Error).message);
  }
}
const onSeededStore = keepsStoreHere();

async function prepareTarget(users: number): Promise<LoadTarget> {
  if (opt.target === 'monolith' || opt.target === 'functions') {
    const options = { replicas, storeDir: path.join(outDir, 'store'), scryptLogN, storeOnDisk: opt['store-on-disk'] };
    return onSeededStore ? startOnSeededStore(opt.target, options, users) : startTarget(opt.target, options);
  }
  if (opt.target === 'compose' || opt.target === 'compose-monolith')
    return startComposeTarget(opt.target, { replicas, storeDir: '', scryptLogN, standIn: opt['stand-in'] });
  if (!/^[\w.-]+:\d+(,[\w.-]+:\d+)*$/.test(opt.target))
    fail('--target must be monolith, functions, compose, compose-monolith, or host:port[,host:port…]');
  return runningTarget(opt.target, opt.label ?? 'target', replicas);
}

/** Starts the target on the seeded store; first seeds it (and keeps the copy) if the copy has fewer users than needed. */
async function startOnSeededStore(kind: 'monolith' | 'functions', options: TargetOptions, users: number): Promise<LoadTarget> {
  const workDir = path.join(options.storeDir, kind);
  const restored = restoreSeeded(workDir, options.scryptLogN);
  console.error(`store:   ${restored.line}`);
  const start = () => startTarget(kind, options);
  if (opt['skip-seed'] || restored.users >= users) return start();
  const seeding = await startTarget(kind, options, true);
  try {
    await seed(seeding, users);
  } finally {
    await seeding.stop();
  }
  console.error(
    `store:   kept as ${keepSeeded(workDir, { users, scryptLogN: options.scryptLogN })} (${users} users): later runs start from it`,
  );
  return start();
}

function seed(target: LoadTarget, users: number): Promise<void> {
  const first = target.address.split(',')[0] as string;
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/seed-users.ts', '--users', String(users), '--target', first], {
    cwd: ROOT,
    stdio: 'inherit',
    signal: interrupted.signal,
  });
  child.on('error', () => undefined); // an abort: its exit, which follows, ends the seeding
  return new Promise((resolve, reject) =>
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`seeding failed (exit ${code})`)))),
  );
}

/**
 * A reading when a chat scenario's chat begins, so a run's cost can be told
 * apart from its logins': the scenario's workers print "chat begins: …" once
 * every user who arrived has logged in or given up (load/scenarios/rooms.cjs),
 * and every send comes after it. Also how far behind plan the chat began
 * (logins still queued when the arrival phase ended), the latest worker's.
 */
function chatStartReading(meter: Meter | undefined) {
  let reading: Promise<Reading | undefined> | undefined;
  let behindPlanSeconds: number | undefined;
  return {
    onOutput(text: string) {
      for (const match of text.matchAll(/^chat begins: .*?(\d+(?:\.\d+)?) s after the planned start$/gm)) {
        behindPlanSeconds = Math.max(behindPlanSeconds ?? 0, Number(match[1]));
        reading ??= meter?.read().catch(() => undefined);
      }
    },
    behindPlanSeconds: () => behindPlanSeconds,
    /** The reading, if the chat began. */
    taken: (): Promise<Reading | undefined> => reading ?? Promise.resolve(undefined),
  };
}

/** A progress line every 10 s from Artillery's periodic output: elapsed time and virtual users so far. */
function progress(scenario: LoadScenario) {
  const started = Date.now();
  const totals: Record<string, number> = { created: 0, completed: 0, failed: 0 };
  let lastLine = started;
  return (text: string) => {
    for (const match of text.matchAll(/^vusers\.(created|completed|failed):[ .]+(\d+)$/gm))
      totals[match[1] as string] = (totals[match[1] as string] ?? 0) + Number(match[2]);
    if (Date.now() - lastLine < 10_000) return;
    lastLine = Date.now();
    const seconds = Math.round((Date.now() - started) / 1000);
    console.error(
      `  ${seconds}/~${Math.round(scenario.expectedSeconds)} s · users ${totals.created} started, ${totals.completed} done, ${totals.failed} failed`,
    );
  };
}

/** Artillery's `ensure` verdicts ("ok: …" / "fail: …" lines). */
const checksOf = (output: string) => [...output.matchAll(/^\s*(ok|fail): (.+)$/gm)].map((m) => `${m[1]}: ${m[2]}`);

/** A run's headline, from the same rows as the report: its main call, delivery, who served. */
function oneLine(run: LoadRun): string {
  const rows = rowsOf(run);
  const main = rows.find((r) => r.metric === MAIN_RPC[run.meta.scenario.kind]);
  const errors = rows.reduce((sum, r) => sum + r.errors, 0);
  const parts = [
    `${main?.metric ?? MAIN_RPC[run.meta.scenario.kind]} ${main?.count ?? 0} ok, p50 ${main?.p50 ?? '-'} p99 ${main?.p99 ?? '-'} ms`,
    `errors ${errors}`,
  ];
  const d = rows.find((r) => r.metric === 'delivery');
  if (d) parts.push(`delivered ${d.count}, p50 ${d.p50} p99 ${d.p99} ms, lost ${d.lost}`);
  if (run.meta.chatBehindPlanSeconds) parts.push(`chat began ${run.meta.chatBehindPlanSeconds} s behind plan (logins)`);
  if (run.meta.scenario.kind === 'routing') parts.push(`served by ${main?.servedBy}`);
  if (run.meta.settings && Object.keys(run.meta.settings).length > 0) parts.push(`settings ${describeSettings(run.meta.settings)}`);
  return parts.join(' · ');
}

async function main() {
  const info = machine();
  const kdf = kdfMs(scryptLogN);
  console.error(`machine: ${info.cpu}, ${info.cores} cores, ${info.memoryGiB} GiB; node ${info.node}; commit ${info.commit}`);
  console.error(
    `kdf:     scrypt N=2^${scryptLogN} takes ${kdf.toFixed(1)} ms here → at most ${Math.floor((info.cores * 1000) / kdf)} logins/s`,
  );
  console.error(`plan:    ${scenarios.map((s) => `${s.id} (${s.kind}, ${s.users} users)`).join(', ')}`);
  const users = Math.max(...scenarios.map((s) => s.users));
  const target = await prepareTarget(users);
  console.error(`target:  ${target.label} ×${target.replicas} at ${target.address}: ${target.topology}`);
  if (settings) console.error(`settings: ${describeSettings(settings)}`);
  mkdirSync(runsDir, { recursive: true });
  const results: { name: string; ok: boolean; line: string }[] = [];
  try {
    if (!opt['skip-seed'] && !onSeededStore) await seed(target, users);
    for (const [index, scenario] of scenarios.entries()) {
      if (interrupted.signal.aborted) break;
      const name = `${target.label}_scaledx_${target.replicas}_scenario_${scenario.id}_users_${scenario.users}`;
      const room = `${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}-${target.label}${target.replicas}-${scenario.id}`;
      const variables = { roomSize, ...scenario.variables, run: room };
      console.error(`[${index + 1}/${scenarios.length}] ${name}: ${scenario.kind}, ${scenario.users} users`);
      const startedAt = new Date().toISOString();
      const load = artilleryCpu();
      const meter = target.meter?.(load.seconds);
      const atStart = await meter?.read();
      const chatStart = chatStartReading(meter);
      const servers = watchServers(meter);
      const showProgress = progress(scenario);
      const run = await runArtillery(path.join(ROOT, scenarioFile(scenario)), target.address, {
        overrides: artilleryOverrides(scenario),
        variables,
        onOutput: (text) => {
          showProgress(text);
          chatStart.onOutput(text);
        },
        onSpawn: (pid) => {
          load.spawned(pid);
          console.error(`  artillery started (pid ${pid})`);
        },
        signal: interrupted.signal,
      });
      const timeline = servers.stop();
      if (interrupted.signal.aborted) break; // a cut run is not written: an earlier one of the same name stays
      const sends = run.report?.aggregate.summaries?.['grpc.response_time.SendMessage']?.count ?? 0;
      const atChat = await chatStart.taken();
      const atEnd = meter && sends > 0 ? await meter.read() : undefined;
      const cost = atStart && atEnd ? costBetween(atStart, atEnd, sends) : undefined;
      const chatCost = atChat && atEnd ? costBetween(atChat, atEnd, sends) : undefined;
      const checks = checksOf(run.output);
      const ok = run.exitCode === 0 && run.report !== undefined;
      const reportFile = path.join(runsDir, `${name}.report.json`);
      if (run.report) writeFileSync(reportFile, `${JSON.stringify(run.report, null, 2)}\n`);
      else rmSync(reportFile, { force: true }); // not an earlier run's report beside this run's metadata
      writeFileSync(path.join(runsDir, `${name}.log`), run.output);
      // A failed run keeps what its servers said last, to find out why (a passing rerun drops an old one).
      const serversLog = path.join(runsDir, `${name}.servers.log`);
      if (!ok && target.recentLogs) writeFileSync(serversLog, `${target.recentLogs()}\n`);
      else rmSync(serversLog, { force: true });
      const meta = {
        name,
        target: {
          label: target.label,
          replicas: target.replicas,
          address: target.address,
          topology: target.topology,
          images: target.images,
        },
        settings,
        scenario: { id: scenario.id, kind: scenario.kind, users: scenario.users, smoke: scenario.smoke, file: scenarioFile(scenario) },
        phases: scenario.phases,
        variables,
        startedAt,
        finishedAt: new Date().toISOString(),
        exitCode: run.exitCode,
        passed: ok,
        checks,
        machine: info,
        kdf: { algorithm: 'scrypt', N: 2 ** scryptLogN, r: 8, p: 1, msPerHash: Number(kdf.toFixed(1)) },
        cost,
        chatCost,
        chatBehindPlanSeconds: chatStart.behindPlanSeconds(),
        timeline,
      };
      writeFileSync(path.join(runsDir, `${name}.meta.json`), `${JSON.stringify(meta, null, 2)}\n`);
      const line = run.report ? oneLine({ meta, report: run.report }) : 'no report';
      results.push({ name, ok, line });
      console.error(`  ${ok ? 'passed' : `FAILED (exit ${run.exitCode})`} · ${line}`);
      for (const check of checks.filter((c) => c.startsWith('fail'))) console.error(`  ${check}`);
      if (index < scenarios.length - 1) await waitUntilIdle(target, interrupted.signal);
    }
  } finally {
    await target.stop();
  }
  if (interrupted.signal.aborted) stopped(interrupted.signal.reason);
  const written = writeReports(outDir);
  console.log(`\n${results.map((r) => `${r.ok ? 'passed' : 'FAILED'}  ${r.name}  ${r.line}`).join('\n')}`);
  console.log(`\nwritten: ${runsDir}/ (report, log, meta per run); ${written.join(', ')}`);
  const failed = results.filter((r) => !r.ok).length;
  if (failed > 0) console.error(`${failed} of ${results.length} runs failed`);
  process.exit(failed > 0 ? 1 : 0);
}

main().catch((error) => {
  if (interrupted.signal.aborted) stopped(interrupted.signal.reason);
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
