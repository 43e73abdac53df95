/**
 * One benchmark run against one deployment: register and log in the senders
 * (login throughput), put them in rooms, subscribe one member per room, then
 * send at a fixed total rate in open loop and measure send and delivery
 * latency. Senders use `sendTargets` and subscribers `subscribeTargets`
 * (different replicas, so delivery crosses replicas when there are several).
 */
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type * as grpc from '@grpc/grpc-js';
import { type ApiClients, connect, statusName, unary } from '../client/api.js';
import { kdfMs } from '../client/machine.js';
import { pool } from '../client/progress.js';
import type { ChatMessage__Output } from '../contracts/generated/gateway/ChatMessage.js';
import { type CostReport, costBetween, type Meter, type Reading } from './cost.js';
import { type Summary, summarize } from './stats.js';

export interface LoadSettings {
  senders: number;
  rate: number;
  duration: number;
  warmup: number;
  roomSize: number;
  channels: number;
  loginConcurrency: number;
  scryptLogN: number;
}

export interface LoadResult {
  login: { perSecond: number; latencyMs: Summary; kdfMs: number; boundPerSecond: number; ofBound: number };
  send: { perSecond: number; latencyMs: Summary; maxSchedulerLagMs: number };
  delivery: { latencyMs: Summary; missing: number };
  /** Where the work went, per message over the measured window; none for a server started elsewhere. */
  cost?: CostReport;
  errors: Record<string, number>;
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

export async function runLoad(
  sendTargets: string[],
  subscribeTargets: string[],
  meter: Meter | undefined,
  settings: LoadSettings,
): Promise<LoadResult> {
  const errors = new Map<string, number>();
  const countError = (phase: string, error: unknown) => {
    const key = `${phase}:${statusName(error)}`;
    errors.set(key, (errors.get(key) ?? 0) + 1);
  };
  const channelsOf = (targets: string[]) =>
    targets.flatMap((target) => Array.from({ length: settings.channels }, (_, i) => connect(target, { 'bench.channel': i })));
  const senders = channelsOf(sendTargets);
  const watchers = channelsOf(subscribeTargets);
  const api = (i: number) => senders[i % senders.length] as ApiClients;
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
  const loginBound = (await import('node:os')).availableParallelism() / (kdf / 1000);

  // Rooms: the first user of each creates it; everyone enters.
  const owners = users.filter((u) => u.i % settings.roomSize === 0);
  await pool('rooms', owners, 16, (u) =>
    unary(api(u.i).gateway, api(u.i).gateway.CreateRoom, { auth: { credential: u.credential }, room_name: u.room }).then(
      () => undefined,
      (e) => countError('CreateRoom', e),
    ),
  );
  await pool('enter', users, 32, (u) =>
    unary(api(u.i).gateway, api(u.i).gateway.EnterRoom, { auth: { credential: u.credential }, room_name: u.room }).then(
      () => undefined,
      (e) => countError('EnterRoom', e),
    ),
  );

  // One subscriber per room (its first member), on the next replica over.
  const sentAt = new Map<string, number>();
  const deliveryLatency: number[] = [];
  let measuring = false;
  const streams: grpc.ClientReadableStream<ChatMessage__Output>[] = [];
  for (const [r, u] of owners.entries()) {
    const watcher = watchers[(r + settings.channels) % watchers.length] as ApiClients;
    const stream = watcher.gateway.Subscribe({ auth: { credential: u.credential }, room_name: u.room });
    stream.on('data', (m: ChatMessage__Output) => {
      const started = sentAt.get(m.msg_id);
      if (started === undefined) return;
      sentAt.delete(m.msg_id);
      deliveryLatency.push(performance.now() - started);
    });
    stream.on('error', (e: grpc.ServiceError) => statusName(e) !== 'CANCELLED' && countError('Subscribe', e));
    streams.push(stream);
  }
  await sleep(1_000);

  // Open-loop sends: message k is due at k / rate seconds and goes to sender k mod senders.
  const sendLatency: number[] = [];
  const total = Math.round(settings.rate * (settings.warmup + settings.duration));
  let issued = 0;
  let maxLag = 0;
  let inFlight = 0;
  let measured = 0;
  let measureStarted = 0;
  let atStart: Reading | undefined;
  const t0 = performance.now();
  console.error(
    `sending ${total} messages at ${settings.rate}/s from ${settings.senders} senders (${settings.warmup}s warm-up, ${settings.duration}s measured)`,
  );
  let lastReport = t0;
  while (issued < total) {
    const now = performance.now();
    const due = Math.min(total, Math.floor(((now - t0) / 1000) * settings.rate) + 1);
    if (!measuring && now - t0 >= settings.warmup * 1000) {
      measuring = true;
      measureStarted = now;
      atStart = await meter?.read();
    }
    for (; issued < due; issued++) {
      const k = issued;
      const u = users[k % users.length] as (typeof users)[number];
      maxLag = Math.max(maxLag, now - (t0 + (k / settings.rate) * 1000));
      const msg_id = `${u.name}-${k}`;
      const started = performance.now();
      const counted = measuring;
      if (counted) {
        sentAt.set(msg_id, started);
        measured++;
      }
      inFlight++;
      const request = { auth: { credential: u.credential }, room_name: u.room, text: `message ${k}`, client_ts_ms: Date.now(), msg_id };
      unary(api(u.i).gateway, api(u.i).gateway.SendMessage, request).then(
        () => {
          inFlight--;
          if (counted) sendLatency.push(performance.now() - started);
        },
        (error) => {
          inFlight--;
          sentAt.delete(msg_id); // not stored, so not expected anywhere
          countError('SendMessage', error);
        },
      );
    }
    if (now - lastReport >= 1000) {
      const recent = summarize(sendLatency.slice(-settings.rate));
      const phase = measuring ? '' : ' (warm-up)';
      process.stderr.write(
        `  t=${((now - t0) / 1000).toFixed(0)}s in-flight=${inFlight} p99(last ${recent.count})=${recent.p99}ms${phase}\n`,
      );
      lastReport = now;
    }
    await sleep(1);
  }
  // Costs over exactly the measured window, per message sent in it; the drain below is not part of it.
  const measuredSeconds = (performance.now() - measureStarted) / 1000;
  const cost = meter && atStart ? costBetween(atStart, await meter.read(), measured) : undefined;
  for (let i = 0; i < 1000 && inFlight > 0; i++) await sleep(10);
  await sleep(1_000); // the last deliveries
  for (const stream of streams) stream.cancel();
  for (const c of [...senders, ...watchers]) c.close();

  const send = summarize(sendLatency);
  return {
    login: {
      perSecond: round(loginRate),
      latencyMs: summarize(loginLatency),
      kdfMs: round(kdf),
      boundPerSecond: round(loginBound),
      ofBound: round((loginRate / loginBound) * 100),
    },
    send: { perSecond: Math.round(send.count / measuredSeconds), latencyMs: send, maxSchedulerLagMs: round(maxLag) },
    delivery: { latencyMs: summarize(deliveryLatency), missing: sentAt.size },
    cost,
    errors: Object.fromEntries(errors),
  };
}
