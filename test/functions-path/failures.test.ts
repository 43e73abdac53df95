/**
 * The functions path when a function fails: it throws, it stalls past the
 * gateway's timeout, or it cannot be reached. The client gets the contract's
 * status quickly, and the gateway keeps serving. The functions are real
 * (serverless-offline); their DynamoDB sits behind a fault-injecting proxy.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, test } from 'node:test';
import * as grpc from '@grpc/grpc-js';
import dynalite from 'dynalite';
import type { RunningServer } from '../../api/grpc-server.js';
import { readGatewayConfig } from '../../gateway/config.js';
import { createInvoker, type Warmed } from '../../gateway/lambda-invoker.js';
import { startGateway } from '../../gateway/server.js';
import { DEV_PREFIX, type FunctionsStack, freePort, startFunctionsStack } from '../../infrastructure/local/functions-stack.js';
import { type Clients, call, connect, statusOf } from '../support/clients.js';
import { TEST_PUBLIC_KEY, TEST_SIGNING_KEY } from '../support/env.js';
import { startFaultProxy } from '../support/fault-proxy.js';

const TIMEOUT_MS = 1_500;
const store = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
let proxy: Awaited<ReturnType<typeof startFaultProxy>>;
let stack: FunctionsStack;
let gateway: RunningServer;
let c: Clients;

before(async () => {
  await new Promise<void>((resolve) => store.listen(0, '127.0.0.1', () => resolve()));
  proxy = await startFaultProxy((store.address() as { port: number }).port);
  stack = await startFunctionsStack({
    replicas: 0,
    basePort: 0,
    dynamoEndpoint: proxy.endpoint,
    signingKey: TEST_SIGNING_KEY,
    env: { SCRYPT_LOG_N: '10', LOG_LEVEL: 'error' },
  });
  gateway = await startGateway(
    readGatewayConfig({
      PORT: '0',
      JWT_PUBLIC_KEY: TEST_PUBLIC_KEY,
      FUNCTIONS_ENDPOINT: stack.lambdaEndpoint,
      DYNAMODB_ENDPOINT: proxy.endpoint,
      TABLE_PREFIX: DEV_PREFIX,
      FUNCTION_TIMEOUT_MS: String(TIMEOUT_MS),
    }),
  );
  c = connect(gateway.address);
});
after(async () => {
  c.close();
  await gateway.stop();
  await stack.stop();
  await proxy.close();
  await new Promise<void>((resolve) => store.close(() => resolve()));
});

const addUser = (username: string) => call(c.login, c.login.AddUser, { username, password: 'demo' });

async function timed<T>(work: Promise<T>): Promise<{ status: grpc.status | 'OK'; ms: number }> {
  const started = performance.now();
  const status = await statusOf(work);
  return { status, ms: performance.now() - started };
}

test('a function that throws gives INTERNAL with a generic message', async () => {
  assert.deepEqual(await addUser('before'), { ok: true });
  proxy.set('garbage'); // the function's DynamoDB answers nonsense: it throws
  const error = await addUser('during-refuse').then(
    () => undefined,
    (e: grpc.ServiceError) => e,
  );
  assert.equal(error?.code, grpc.status.INTERNAL);
  assert.equal(error?.details, 'internal error', 'nothing about the cause leaks');
  proxy.set('pass');
  assert.deepEqual(await addUser('after-refuse'), { ok: true }, 'the gateway and the function recover');
});

test('a function whose storage is out gives UNAVAILABLE (retry), and recovers with it', async () => {
  proxy.set('refuse');
  const error = await addUser('during-outage').then(
    () => undefined,
    (e: grpc.ServiceError) => e,
  );
  assert.equal(error?.code, grpc.status.UNAVAILABLE);
  assert.match(error?.details ?? '', /storage is unavailable/);
  proxy.set('pass');
  assert.deepEqual(await addUser('during-outage'), { ok: true }, 'the same call, retried, succeeds');
});

test('a function that stalls gives DEADLINE_EXCEEDED at the gateway timeout', async () => {
  proxy.set('hang');
  const { status, ms } = await timed(addUser('during-hang'));
  assert.equal(status, grpc.status.DEADLINE_EXCEEDED);
  assert.ok(ms >= TIMEOUT_MS - 50 && ms < TIMEOUT_MS + 3_000, `answered after ${Math.round(ms)} ms`);
  proxy.set('pass');
  assert.deepEqual(await addUser('after-hang'), { ok: true });
});

/**
 * An invoker in front of a Lambda endpoint that takes calls and never answers,
 * so every invoke stays in flight: one per function (concurrency 1), the rest wait.
 */
async function silentInvoker(limits: { queue: number; maxWaitMs: number }) {
  const silent = http.createServer(() => undefined);
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const invoker = createInvoker({
    endpoint: `http://127.0.0.1:${(silent.address() as { port: number }).port}`,
    region: 'us-east-1',
    functionPrefix: 'x-',
    timeoutMs: TIMEOUT_MS,
    concurrency: 1,
    batch: 16,
    ...limits,
  });
  return {
    invoker,
    close() {
      invoker.close();
      silent.closeAllConnections();
      silent.close();
    },
  };
}

/** What became of a call (its error's class) and how long that took. */
async function outcome(work: Promise<unknown>): Promise<{ status: string; ms: number }> {
  const started = performance.now();
  const status = await work.then(
    () => 'answered',
    (error: Error) => error.constructor.name,
  );
  return { status, ms: performance.now() - started };
}

test('past its queue the gateway sheds at once with UNAVAILABLE, while the queued calls wait their turn', async () => {
  const { invoker, close } = await silentInvoker({ queue: 2, maxWaitMs: 60_000 });
  try {
    const settled: string[] = [];
    const calls = Array.from({ length: 6 }, () =>
      invoker.invoke('chat', 'SendMessage', undefined, {}).catch((error: Error) => settled.push(error.constructor.name)),
    );
    await Promise.all(calls);
    // One in flight and two queued time out; the other three were refused before any of them.
    assert.deepEqual(settled, [...Array(3).fill('UnavailableError'), ...Array(3).fill('DeadlineExceededError')]);
  } finally {
    close();
  }
});

test('while its oldest waiting call has waited past the bound, the gateway sheds new calls at once', async () => {
  const { invoker, close } = await silentInvoker({ queue: 100, maxWaitMs: 300 });
  try {
    // One in flight, two waiting: room in the queue, and its oldest call is fresh.
    const early = [0, 1, 2].map(() => outcome(invoker.invoke('chat', 'SendMessage', undefined, {})));
    await new Promise((resolve) => setTimeout(resolve, 500));
    const late = await outcome(invoker.invoke('chat', 'SendMessage', undefined, {}));
    assert.equal(late.status, 'UnavailableError');
    assert.ok(late.ms < 100, `refused after ${Math.round(late.ms)} ms`);
    // Another function's queue is its own: its first call is let in (and then times out like the rest).
    const other = outcome(invoker.invoke('login', 'Login', undefined, {}));
    assert.deepEqual(
      (await Promise.all([...early, other])).map((o) => o.status),
      Array(4).fill('DeadlineExceededError'),
    );
  } finally {
    close();
  }
});

test('unreachable functions give UNAVAILABLE, and the gateway stays up', async () => {
  const nowhere = await startGateway(
    readGatewayConfig({
      PORT: '0',
      JWT_PUBLIC_KEY: TEST_PUBLIC_KEY,
      FUNCTIONS_ENDPOINT: `http://127.0.0.1:${await freePort()}`,
      DYNAMODB_ENDPOINT: proxy.endpoint,
      TABLE_PREFIX: DEV_PREFIX,
    }),
  );
  const lost = connect(nowhere.address);
  for (let i = 0; i < 3; i++) {
    const { status, ms } = await timed(call(lost.login, lost.login.Login, { username: 'before', password: 'demo' }));
    assert.equal(status, grpc.status.UNAVAILABLE);
    assert.ok(ms < 5_000);
  }
  lost.close();
  await nowhere.stop();
  assert.equal(
    typeof ((await call(c.login, c.login.Login, { username: 'before', password: 'demo' })) as { credential: string }).credential,
    'string',
  );
});

/** An invoker in front of the real functions, one invoke in flight per function. */
const stackInvoker = (batching: { batch: number; batchOf?: Record<string, number> }) =>
  createInvoker({
    endpoint: stack.lambdaEndpoint,
    region: 'us-east-1',
    functionPrefix: DEV_PREFIX,
    timeoutMs: 10_000,
    concurrency: 1,
    queue: 100,
    maxWaitMs: 10_000,
    ...batching,
  });

test('a gateway warms each function at start, then again only while it is idle: one invoke each, none beside real calls', async () => {
  const invoker = stackInvoker({ batch: 16 });
  try {
    const invokes = (fn: string) => invoker.usage()[fn]?.invokes ?? 0;
    const firstRound = await new Promise<Record<string, unknown>>((resolve) => invoker.keepWarm(['login', 'chat'], 600, resolve));
    // The real functions take an empty batch: each answered, in some milliseconds (its cold start).
    for (const fn of ['login', 'chat']) {
      const { ms } = firstRound[fn] as { ms?: number };
      assert.ok(typeof ms === 'number' && ms >= 0, JSON.stringify(firstRound));
    }
    assert.deepEqual([invokes('login'), invokes('chat')], [1, 1]);
    // chat is called every 100 ms for 2 s; login stays idle.
    let calls = 0;
    for (const started = performance.now(); performance.now() - started < 2_000; calls++) {
      await invoker.invoke('chat', 'GetHistory', undefined, { room_name: '' }).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(invokes('chat'), 1 + calls, 'no warm-up beside real calls');
    assert.ok(invokes('login') >= 2, `login warmed again while idle: ${invokes('login')} invokes`);
  } finally {
    invoker.close();
  }
});

test("replicas' warm-ups after the first go at the same moments and hold their instances: as many warm instances as replicas", async () => {
  const replicas = [1, 2, 3].map(() => stackInvoker({ batch: 16 }));
  try {
    // The instance each replica's warm-up found, per later round (a multiple of 500 ms on the wall clock), until a
    // round all three took part in (a replica whose first warm-up is still out sits a round out), for up to 5 s.
    // The replicas start 170 ms apart, as replicas do; the hold covers timers that fire apart (tested in lambda.test.ts).
    const found = replicas.map(() => new Map<number, Warmed | undefined>());
    const round = await new Promise<number | undefined>((resolve) => {
      setTimeout(() => resolve(undefined), 5_000).unref();
      for (const [i, invoker] of replicas.entries())
        setTimeout(() => {
          invoker.keepWarm(['chat'], 500, (warmed, at) => {
            if (at === undefined) return;
            found[i]?.set(at, warmed.chat);
            if (found.every((rounds) => rounds.has(at))) resolve(at);
          });
        }, i * 170);
    });
    assert.ok(round !== undefined, 'no round all three replicas warmed in');
    const instances = found.map((rounds) => {
      const warmed = rounds.get(round);
      return warmed && 'instance' in warmed ? warmed.instance : JSON.stringify(warmed);
    });
    assert.equal(new Set(instances).size, 3, `one instance each: ${instances.join(' ')}`);
  } finally {
    for (const invoker of replicas) invoker.close();
  }
});

test('logins leave in smaller batches than other calls: each login in a batch waits for all of its hashes', async () => {
  const invoker = stackInvoker({ batch: 64, batchOf: { login: 4 } });
  try {
    // 17 calls to each function at once: one leaves alone, the 16 that waited follow in batches.
    const calls = (fn: string, operation: string, request: (i: number) => unknown) =>
      Array.from({ length: 17 }, (_, i) => invoker.invoke(fn, operation, undefined, request(i)).catch(() => undefined));
    await Promise.all([
      ...calls('login', 'Login', (i) => ({ username: `nobody${i}`, password: 'wrong' })),
      ...calls('chat', 'GetHistory', () => ({ room_name: '' })),
    ]);
    const invokes = (fn: string) => invoker.usage()[fn]?.invokes ?? 0;
    assert.deepEqual({ login: invokes('login'), chat: invokes('chat') }, { login: 1 + 16 / 4, chat: 1 + 1 });
  } finally {
    invoker.close();
  }
});
