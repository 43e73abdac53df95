/**
 * Benchmark of the public API (not a test): login throughput against the KDF
 * bound, SendMessage throughput and latency from many concurrent senders at a
 * fixed total rate (open loop), and delivery latency to a subscriber.
 *
 *   npm run bench                                        # the monolith (started here)
 *   npm run bench -- --target 127.0.0.1:50051            # a server you started
 *   npm run bench -- --compare --replicas 3              # monolith, then gateway ×3 → serverless-offline,
 *                                                        # same settings, side by side
 *   npm run bench -- --senders 1000 --rate 1000 --duration 60 --warmup 10 --room-size 50
 *
 * Prints the machine, versions and settings with the figures and writes them
 * to data/bench/<time>-<label>.json. Exits non-zero when a call failed.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { machine } from '../client/machine.js';
import { generateSigningKey } from '../functions/login/keys.js';
import { startFunctionsStack } from '../infrastructure/local/functions-stack.js';
import { spawnMonolith } from '../infrastructure/local/processes.js';
import { functionsMeter, monolithMeter, thisProcessLess } from './cost.js';
import { type LoadResult, type LoadSettings, runLoad } from './load.js';
import { formatSummary } from './stats.js';

const { values: opt } = parseArgs({
  options: {
    target: { type: 'string' },
    compare: { type: 'boolean', default: false },
    replicas: { type: 'string', default: '3' },
    senders: { type: 'string', default: '1000' },
    rate: { type: 'string', default: '1000' },
    duration: { type: 'string', default: '30' },
    warmup: { type: 'string', default: '5' },
    'room-size': { type: 'string', default: '50' },
    channels: { type: 'string', default: '4' },
    'login-concurrency': { type: 'string', default: '16' },
    out: { type: 'string', default: 'data/bench' },
  },
});
const num = (name: keyof typeof opt, min: number, max: number) => {
  const value = Number(opt[name]);
  if (!Number.isInteger(value) || value < min || value > max) {
    console.error(`--${name} must be an integer from ${min} to ${max}`);
    process.exit(2);
  }
  return value;
};
const settings: LoadSettings = {
  senders: num('senders', 1, 10_000),
  rate: num('rate', 1, 20_000),
  duration: num('duration', 1, 600),
  warmup: num('warmup', 0, 60),
  roomSize: num('room-size', 1, 10_000),
  channels: num('channels', 1, 64),
  loginConcurrency: num('login-concurrency', 1, 256),
  scryptLogN: Number(process.env.SCRYPT_LOG_N ?? 14),
};
const replicas = num('replicas', 1, 16);
const signingKey = generateSigningKey().privateKeyPem;
const serverEnv = { SCRYPT_LOG_N: String(settings.scryptLogN), LOG_LEVEL: 'warn' };

interface Run extends LoadResult {
  label: string;
  extra?: Record<string, unknown>;
}

async function monolithRun(): Promise<Run> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'chat-bench-'));
  const server = await spawnMonolith({ ...serverEnv, LOG_LEVEL: 'info', DATA_DIR: dataDir, JWT_PRIVATE_KEY: signingKey });
  console.error(`== monolith at ${server.address} (embedded DynamoDB on disk)`);
  try {
    const result = await runLoad([server.address], [server.address], monolithMeter(server, thisProcessLess()), settings);
    await server.stop();
    const line = (msg: string) =>
      server
        .log()
        .split('\n')
        .find((l) => l.includes(`"msg":"${msg}"`));
    const parse = (l?: string) => (l ? (JSON.parse(l) as Record<string, unknown>) : undefined);
    return {
      label: 'monolith',
      ...result,
      extra: { writes: parse(line('message writes')) },
    };
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function functionsRun(): Promise<Run> {
  const stack = await startFunctionsStack({ replicas, basePort: 0, signingKey, env: serverEnv });
  const gateways = stack.gateways.map((g) => g.address);
  console.error(`== functions: ${replicas} gateway(s) ${gateways.join(' ')} → serverless-offline ${stack.lambdaEndpoint} → dynalite`);
  try {
    // Subscribers sit on the next replica over, so delivery crosses replicas.
    const rotated = [...gateways.slice(1), ...gateways.slice(0, 1)];
    const meter = functionsMeter(stack.gateways, stack.offline, stack.storeThreadId, thisProcessLess(stack.storeThreadId));
    const result = await runLoad(gateways, rotated, meter, settings);
    return { label: `functions-x${replicas}`, ...result };
  } finally {
    await stack.stop();
  }
}

async function targetRun(target: string): Promise<Run> {
  console.error(`== ${target}`);
  return { label: 'target', ...(await runLoad([target], [target], undefined, settings)) };
}

function report(run: Run): void {
  console.log(`\n== ${run.label}`);
  const l = run.login;
  console.log(
    `login:    ${l.perSecond}/s = ${l.ofBound}% of the KDF bound (${l.boundPerSecond}/s: cores ÷ ${l.kdfMs} ms per hash) · ${formatSummary(l.latencyMs)}`,
  );
  console.log(`send:     ${run.send.perSecond}/s (aim ${settings.rate}/s) · ${formatSummary(run.send.latencyMs)}`);
  console.log(`delivery: ${formatSummary(run.delivery.latencyMs)} · missing ${run.delivery.missing}`);
  const cost = run.cost;
  if (cost) {
    const parts = Object.entries(cost.cpuMsPerMessage).map(([part, ms]) => `${part} ${ms}`);
    console.log(`cpu:      ${cost.serverMsPerMessage} ms per message on the server side (${parts.join(', ')})`);
    const waits = Object.entries(cost.cpuWaitMsPerMessage).map(([part, ms]) => `${part} ${ms}`);
    console.log(`waiting:  for a core, ms per message (${waits.join(', ')}): runnable, not running`);
    const s = cost.storagePerMessage;
    const requests = Object.entries(s.requests).map(([operation, n]) => `${operation} ${n}`);
    console.log(`storage:  ${s.total} requests per message (${requests.join(', ')}); ${s.readUnits} RRU + ${s.writeUnits} WRU`);
    const invokes = Object.entries(cost.invokesPerMessage).map(([fn, n]) => `${fn} ${n}`);
    if (invokes.length) console.log(`invokes:  per message ${invokes.join(', ')}`);
    const usd = cost.awsUsdPerMillionMessages;
    console.log(
      `aws:      $${usd.total} per million messages (Lambda requests $${usd.lambdaRequests} + duration $${usd.lambdaDuration} at ${usd.memoryMb} MB, DynamoDB reads $${usd.dynamoReads} + writes $${usd.dynamoWrites}; ${usd.prices.region} on-demand prices as of ${usd.prices.asOf}; gateways and containers not included)`,
    );
  }
  const clock = cost?.serverLatencyMs;
  if (clock) {
    const at = (name: string) => (clock[name] ? `p50 ${clock[name].p50} p99 ${clock[name].p99} max ${clock[name].max} ms` : 'not measured');
    const writes = clock['message write (flush)']
      ? `; queued for a write ${at('message queued')}; write (flush) ${at('message write (flush)')}`
      : '';
    console.log(
      `server:   its own clock: SendMessage handler ${at('SendMessage')}${writes}; event loop delay ${at('event loop delay')} (bucket bounds)`,
    );
  }
  if (run.extra) console.log(`server:   ${JSON.stringify(run.extra)}`);
  console.log(`errors:   ${Object.keys(run.errors).length === 0 ? 'none' : JSON.stringify(run.errors)}`);
}

/** One row per CPU part any run has (`  gateways`, `  store`, …), '-' where a run has no such part. */
function cpuParts(runs: Run[]): [string, (r: Run) => string | number][] {
  const parts = [...new Set(runs.flatMap((r) => Object.keys(r.cost?.cpuMsPerMessage ?? {})))];
  return parts.map((part) => [`· ${part} ms`, (r: Run) => r.cost?.cpuMsPerMessage[part] ?? '-']);
}

function sideBySide(runs: Run[]): void {
  const rows: [string, (r: Run) => string | number][] = [
    ['login/s', (r) => r.login.perSecond],
    ['login p50 ms', (r) => r.login.latencyMs.p50],
    ['send/s', (r) => r.send.perSecond],
    ['send p50 ms', (r) => r.send.latencyMs.p50],
    ['send p90 ms', (r) => r.send.latencyMs.p90],
    ['send p99 ms', (r) => r.send.latencyMs.p99],
    ['delivery p50 ms', (r) => r.delivery.latencyMs.p50],
    ['delivery p99 ms', (r) => r.delivery.latencyMs.p99],
    ['delivery missing', (r) => r.delivery.missing],
    ['server ms CPU/message', (r) => r.cost?.serverMsPerMessage ?? '-'],
    ...cpuParts(runs),
    ['storage requests/message', (r) => r.cost?.storagePerMessage.total ?? '-'],
    ['RRU / WRU per message', (r) => (r.cost ? `${r.cost.storagePerMessage.readUnits} / ${r.cost.storagePerMessage.writeUnits}` : '-')],
    [
      'Lambda invokes/message',
      (r) => (r.cost ? Math.round(Object.values(r.cost.invokesPerMessage).reduce((a, b) => a + b, 0) * 1000) / 1000 : '-'),
    ],
    ['AWS $ per million messages', (r) => r.cost?.awsUsdPerMillionMessages.total ?? '-'],
    ['errors', (r) => Object.values(r.errors).reduce((a, b) => a + b, 0)],
  ];
  console.log(`\n| figure | ${runs.map((r) => r.label).join(' | ')} |`);
  console.log(`|---|${runs.map(() => '---').join('|')}|`);
  for (const [name, get] of rows) console.log(`| ${name} | ${runs.map(get).join(' | ')} |`);
  if (runs.length === 2) {
    const [a, b] = runs as [Run, Run];
    console.log(`\nfunctions p50 ÷ monolith p50: send ${(b.send.latencyMs.p50 / a.send.latencyMs.p50).toFixed(1)}× (aim ≤ 3×)`);
  }
}

async function main() {
  const info = machine();
  console.log(`machine:  ${info.cpu}, ${info.cores} cores, ${info.memoryGiB} GiB, ${info.os}; node ${info.node}; commit ${info.commit}`);
  console.log(
    `versions: ${Object.entries(info.versions)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  console.log(`settings: ${JSON.stringify(settings)}${opt.compare ? ` replicas=${replicas}` : ''}`);
  const runs: Run[] = [];
  if (opt.target) runs.push(await targetRun(opt.target));
  else {
    runs.push(await monolithRun());
    if (opt.compare) runs.push(await functionsRun());
  }
  for (const run of runs) report(run);
  if (runs.length > 1) sideBySide(runs);
  mkdirSync(opt.out, { recursive: true });
  const at = new Date().toISOString();
  const file = path.join(opt.out, `${at.replace(/[:.]/g, '-')}-${runs.map((r) => r.label).join('-vs-')}.json`);
  writeFileSync(file, `${JSON.stringify({ at, machine: info, settings, replicas: opt.compare ? replicas : undefined, runs }, null, 2)}\n`);
  console.log(`\nwritten:  ${file}`);
  process.exit(runs.every((r) => Object.keys(r.errors).length === 0) ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
