/**
 * Benchmark of the public API (not a test): login throughput against the KDF
 * bound, then SendMessage throughput and latency from many concurrent senders
 * at a fixed total rate (open loop: sends go out on schedule whether or not
 * earlier ones were answered), with one subscriber per room measuring delivery.
 *
 *   npm run bench                                   # starts its own monolith
 *   npm run bench -- --target 127.0.0.1:50051       # a running server
 *   npm run bench -- --senders 1000 --rate 1000 --duration 30 --room-size 50
 *
 * Prints the machine, versions and settings with the figures, and writes them
 * to data/bench/<time>-<label>.json. Exits non-zero when a call failed.
 */
import { randomBytes, scryptSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import type * as grpc from '@grpc/grpc-js';
import { type ApiClients, connect, statusName, unary } from '../client/api.js';
import { progressBar } from '../client/progress.js';
import type { ChatMessage__Output } from '../contracts/generated/gateway/ChatMessage.js';
import { type ChildServer, spawnMonolith } from '../infrastructure/local/processes.js';
import { cpuSeconds, machine } from './machine.js';
import { formatSummary, summarize } from './stats.js';

const { values: opt } = parseArgs({
  options: {
    target: { type: 'string' },
    label: { type: 'string', default: 'monolith' },
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
  if (!Number.isFinite(value) || value < min || value > max) {
    console.error(`--${name} must be a number from ${min} to ${max}`);
    process.exit(2);
  }
  return value;
};
const settings = {
  senders: num('senders', 1, 10_000),
  rate: num('rate', 1, 20_000),
  duration: num('duration', 1, 600),
  warmup: num('warmup', 0, 60),
  roomSize: num('room-size', 1, 10_000),
  channels: num('channels', 1, 64),
  loginConcurrency: num('login-concurrency', 1, 256),
  scryptLogN: Number(process.env.SCRYPT_LOG_N ?? 14),
};
const errors = new Map<string, number>();
const countError = (phase: string, error: unknown) => {
  const key = `${phase}:${statusName(error)}`;
  errors.set(key, (errors.get(key) ?? 0) + 1);
};

/** Runs `work` over items with at most `concurrency` at once, with a progress bar. */
async function pool<T>(label: string, items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<number> {
  const bar = progressBar(label, items.length);
  let next = 0;
  let done = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        await work(items[next++] as T);
        bar.update(++done);
      }
    }),
  );
  return bar.finish(done);
}

/** Mean time of one scrypt hash with the server's parameters, on this machine. */
function kdfMs(logN: number): number {
  const N = 2 ** logN;
  const started = performance.now();
  for (let i = 0; i < 5; i++) scryptSync('demo', randomBytes(16), 32, { N, r: 8, p: 1, maxmem: 256 * N * 8 });
  return (performance.now() - started) / 5;
}

async function main() {
  const info = machine();
  console.log(`machine: ${info.cpu}, ${info.cores} cores, ${info.memoryGiB} GiB, ${info.os}; node ${info.node}; commit ${info.commit}`);
  console.log(
    `versions: ${Object.entries(info.versions)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  console.log(`settings: ${JSON.stringify(settings)}`);

  let server: ChildServer | undefined;
  let dataDir: string | undefined;
  let target = opt.target;
  if (!target) {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'chat-bench-'));
    server = await spawnMonolith({
      DATA_DIR: dataDir,
      JWT_SECRET: randomBytes(32).toString('hex'),
      SCRYPT_LOG_N: String(settings.scryptLogN),
    });
    target = server.address;
    console.log(`started a monolith at ${target} (embedded DynamoDB on disk in ${dataDir})`);
  }
  const channels: ApiClients[] = Array.from({ length: settings.channels }, (_, i) => connect(target as string, { 'bench.channel': i }));
  const api = (i: number) => channels[i % channels.length] as ApiClients;
  const tag = randomBytes(3).toString('hex');
  const users = Array.from({ length: settings.senders }, (_, i) => ({
    i,
    name: `bench${tag}_${i}`,
    credential: '',
    room: `bench${tag}-r${Math.floor(i / settings.roomSize)}`,
  }));

  // Login: registration first (one hash each), then the measured logins (one hash each).
  const kdf = kdfMs(settings.scryptLogN);
  await pool('register', users, settings.loginConcurrency, (u) =>
    unary(api(u.i).login, api(u.i).login.AddUser, { username: u.name, password: 'demo' }).then(
      () => undefined,
      (e) => countError('AddUser', e),
    ),
  );
  const loginLatency: number[] = [];
  const loginSeconds = await pool('login', users, settings.loginConcurrency, async (u) => {
    const started = performance.now();
    try {
      const reply = await unary(api(u.i).login, api(u.i).login.Login, { username: u.name, password: 'demo' });
      u.credential = reply?.credential ?? '';
      loginLatency.push(performance.now() - started);
    } catch (error) {
      countError('Login', error);
    }
  });
  const loginRate = loginLatency.length / loginSeconds;
  const loginBound = info.cores / (kdf / 1000);

  // Rooms: the first user of each creates it; everyone enters.
  await pool('rooms', users, 32, async (u) => {
    const auth = { credential: u.credential };
    if (u.i % settings.roomSize === 0)
      await unary(api(u.i).gateway, api(u.i).gateway.CreateRoom, { auth, room_name: u.room }).catch((e) => countError('CreateRoom', e));
  });
  await pool('enter', users, 32, (u) =>
    unary(api(u.i).gateway, api(u.i).gateway.EnterRoom, { auth: { credential: u.credential }, room_name: u.room }).then(
      () => undefined,
      (e) => countError('EnterRoom', e),
    ),
  );

  // One subscriber per room (its first member) measures send → delivery.
  const sentAt = new Map<string, number>();
  const deliveryLatency: number[] = [];
  let measuring = false;
  const streams: grpc.ClientReadableStream<ChatMessage__Output>[] = [];
  for (const u of users.filter((x) => x.i % settings.roomSize === 0)) {
    const stream = api(u.i).gateway.Subscribe({ auth: { credential: u.credential }, room_name: u.room });
    stream.on('data', (m: ChatMessage__Output) => {
      const started = sentAt.get(m.msg_id);
      if (started === undefined) return;
      sentAt.delete(m.msg_id);
      deliveryLatency.push(performance.now() - started);
    });
    stream.on('error', (e: grpc.ServiceError) => statusName(e) !== 'CANCELLED' && countError('Subscribe', e));
    streams.push(stream);
  }
  await sleep(500);

  // Open-loop sends: message k is due at k / rate seconds and goes to sender k mod senders.
  const sendLatency: number[] = [];
  const total = Math.round(settings.rate * (settings.warmup + settings.duration));
  let issued = 0;
  let acked = 0;
  let maxLag = 0;
  let inFlight = 0;
  const cpuStart = { server: server?.child.pid ? cpuSeconds(server.child.pid) : undefined, bench: process.cpuUsage() };
  let measureStarted = 0;
  const t0 = performance.now();
  console.log(
    `sending ${total} messages at ${settings.rate}/s from ${settings.senders} senders (${settings.warmup}s warm-up, ${settings.duration}s measured)`,
  );
  let lastReport = t0;
  let lastAcked = 0;
  while (issued < total) {
    const now = performance.now();
    const due = Math.min(total, Math.floor(((now - t0) / 1000) * settings.rate) + 1);
    if (!measuring && now - t0 >= settings.warmup * 1000) {
      measuring = true;
      measureStarted = now;
      cpuStart.server = server?.child.pid ? cpuSeconds(server.child.pid) : undefined;
      cpuStart.bench = process.cpuUsage();
    }
    for (; issued < due; issued++) {
      const k = issued;
      const u = users[k % users.length] as (typeof users)[number];
      maxLag = Math.max(maxLag, now - (t0 + (k / settings.rate) * 1000));
      const msg_id = `${u.name}-${k}`;
      const started = performance.now();
      const counted = measuring;
      if (counted) sentAt.set(msg_id, started);
      inFlight++;
      unary(api(u.i).gateway, api(u.i).gateway.SendMessage, {
        auth: { credential: u.credential },
        room_name: u.room,
        text: `message ${k}`,
        client_ts_ms: Date.now(),
        msg_id,
      }).then(
        () => {
          inFlight--;
          acked++;
          if (counted) sendLatency.push(performance.now() - started);
        },
        (error) => {
          inFlight--;
          countError('SendMessage', error);
        },
      );
    }
    if (now - lastReport >= 1000) {
      const recent = summarize(sendLatency.slice(-settings.rate));
      process.stderr.write(
        `  t=${((now - t0) / 1000).toFixed(0)}s acked/s=${Math.round(((acked - lastAcked) * 1000) / (now - lastReport))} in-flight=${inFlight} p99(last ${recent.count})=${recent.p99}ms${measuring ? '' : ' (warm-up)'}\n`,
      );
      lastReport = now;
      lastAcked = acked;
    }
    await sleep(1);
  }
  const measuredSeconds = (performance.now() - measureStarted) / 1000;
  for (let i = 0; i < 500 && inFlight > 0; i++) await sleep(10);
  await sleep(300); // the last deliveries
  const serverCpu = server?.child.pid ? (cpuSeconds(server.child.pid) ?? 0) - (cpuStart.server ?? 0) : undefined;
  const benchCpu = process.cpuUsage(cpuStart.bench);

  for (const stream of streams) stream.cancel();
  for (const c of channels) c.close();
  let writes: Record<string, number> | undefined;
  let loopDelay: Record<string, number> | undefined;
  if (server) {
    server.child.kill('SIGTERM');
    await server.exited;
    const line = server
      .log()
      .split('\n')
      .find((l) => l.includes('"msg":"message writes"'));
    if (line) writes = JSON.parse(line);
    const delay = server
      .log()
      .split('\n')
      .find((l) => l.includes('"msg":"event loop delay"'));
    if (delay) loopDelay = JSON.parse(delay);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }

  const send = summarize(sendLatency);
  const delivery = summarize(deliveryLatency);
  const login = summarize(loginLatency);
  const throughput = send.count / measuredSeconds;
  const result = {
    label: opt.label,
    at: new Date().toISOString(),
    target,
    machine: info,
    settings,
    login: {
      perSecond: Math.round(loginRate * 10) / 10,
      latencyMs: login,
      kdfMs: Math.round(kdf * 10) / 10,
      boundPerSecond: Math.round(loginBound * 10) / 10,
      ofBound: Math.round((loginRate / loginBound) * 1000) / 10,
    },
    send: { perSecond: Math.round(throughput), latencyMs: send, maxSchedulerLagMs: Math.round(maxLag * 10) / 10 },
    delivery: { latencyMs: delivery },
    cpu: {
      serverSecondsPerSecond: serverCpu === undefined ? undefined : Math.round((serverCpu / measuredSeconds) * 100) / 100,
      serverMsPerMessage: serverCpu === undefined ? undefined : Math.round(((serverCpu * 1000) / Math.max(send.count, 1)) * 1000) / 1000,
      benchSecondsPerSecond: Math.round(((benchCpu.user + benchCpu.system) / 1e6 / measuredSeconds) * 100) / 100,
    },
    writes: writes && { flushes: writes.flushes, messages: writes.messages, largestFlush: writes.largestFlush },
    serverEventLoopDelayMs: loopDelay && { p50: loopDelay.p50_ms, p99: loopDelay.p99_ms, max: loopDelay.max_ms },
    errors: Object.fromEntries(errors),
  };

  console.log('\n== results');
  console.log(
    `login:    ${result.login.perSecond}/s = ${result.login.ofBound}% of the KDF bound (${info.cores} cores ÷ ${result.login.kdfMs} ms per scrypt N=2^${settings.scryptLogN} = ${result.login.boundPerSecond}/s; aim ≥ 80%) · ${formatSummary(login)}`,
  );
  console.log(
    `send:     ${result.send.perSecond}/s from ${settings.senders} senders (aim ${settings.rate}/s) · ${formatSummary(send)} (aim p99 ≤ 20 ms)`,
  );
  console.log(`delivery: ${formatSummary(delivery)} (send call start → subscriber)`);
  if (serverCpu !== undefined)
    console.log(
      `cpu:      server ${result.cpu.serverSecondsPerSecond} core-s/s (${result.cpu.serverMsPerMessage} ms per message), bench ${result.cpu.benchSecondsPerSecond} core-s/s`,
    );
  if (result.writes)
    console.log(
      `writes:   ${result.writes.messages} messages in ${result.writes.flushes} group commits (largest ${result.writes.largestFlush})`,
    );
  if (result.serverEventLoopDelayMs) {
    const d = result.serverEventLoopDelayMs;
    console.log(`loop:     server event-loop delay p50=${d.p50} p99=${d.p99} max=${d.max} (ms, whole run)`);
  }
  console.log(`errors:   ${errors.size === 0 ? 'none' : JSON.stringify(result.errors)}`);
  mkdirSync(opt.out, { recursive: true });
  const file = path.join(opt.out, `${result.at.replace(/[:.]/g, '-')}-${opt.label}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`written:  ${file}`);
  process.exit(errors.size === 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
