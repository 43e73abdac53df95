/**
 * Calls a function's operation through Lambda Invoke (serverless-offline's
 * endpoint, LocalStack's, or AWS) and turns every outcome into the same thing
 * the monolith's in-process call gives: the reply, or a domain error.
 *
 * - envelope `{ ok: false, error }` → that domain error (same gRPC status as the monolith)
 * - the function threw (FunctionError) → a plain error → INTERNAL
 * - no answer within `timeoutMs` of the call (waiting included) → DEADLINE_EXCEEDED; unreachable → UNAVAILABLE
 * - more than `queue` calls already waiting for that function, or the oldest of them waiting longer
 *   than `maxWaitMs` → UNAVAILABLE at once
 *
 * What each answered invoke cost (its envelope's `cost`) is added up per function.
 *
 * At most `concurrency` invokes per function are in flight from one gateway.
 * A call that finds a free slot leaves at once, alone; the others wait, and
 * when an invoke ends up to `batch` of them (fewer for a function in `batchOf`)
 * leave together as one invoke (`{ calls }`, see functions/lambda/envelope.ts),
 * each answered on its own, when the last of them is done. An
 * invoke costs far more than most calls it carries (on serverless-offline ~7
 * ms of CPU; on AWS a request and a billed millisecond at least), so under
 * load the cost per call falls as the load rises, and one warm instance per
 * function carries what several would. Past `queue` waiting calls the gateway
 * sheds load: a fast, honest UNAVAILABLE the client can retry with backoff,
 * not a wait that turns into DEADLINE_EXCEEDED seconds later. A count alone
 * does not bound the wait when invokes slow down (a function whose calls take
 * 600 ms instead of 20 under contention: 256 calls in batches of 16 are then
 * 10 s of waiting), so the gateway also sheds while the oldest waiting call has
 * waited longer than `maxWaitMs`: the queue is not draining in time, and a new
 * call would only wait behind it (as CoDel judges a queue by its delay). Like reserved
 * concurrency on AWS, the bound also limits how many instances a burst can
 * start: each new instance is a cold start, and on serverless-offline, which
 * starts one per concurrent invoke, a burst of cold starts on two cores
 * otherwise feeds on itself until every call times out.
 */
import { InvokeCommand, type InvokeCommandOutput, LambdaClient } from '@aws-sdk/client-lambda';
import type { CallResult, InvokeEvent, InvokeResult } from '../functions/lambda/envelope.js';
import type { Caller } from '../functions/operation.js';
import { DeadlineExceededError, fromWire, UnavailableError } from '../lib/errors.js';
import { recordMs } from '../lib/latency.js';
import { log } from '../lib/log.js';
import { addInvoke, type InvokeUsage, noInvokes } from '../lib/usage.js';

/** How long a warm-up holds its instance: long enough for every replica's warm-up of the same round to overlap. */
const WARM_HOLD_MS = 250;
/** A lane with no call sent for this long is idle: a warm-up's hold then delays no steady traffic. (Calls only: its own warm-ups do not keep a lane out of the next round.) */
const IDLE_MS = 1_000;

/** A warm-up's outcome: its time and the instance that took it (an id the instance made when it loaded), or why it failed. */
export type Warmed = { ms: number; instance: string } | { error: string };

export interface InvokerConfig {
  /** Lambda API endpoint; undefined means AWS. */
  endpoint?: string;
  region: string;
  /** Deployed function name = prefix + function (`chat-dev-` + `login`). */
  functionPrefix: string;
  timeoutMs: number;
  /** Most invokes in flight per function. */
  concurrency: number;
  /** Most calls waiting per function; more are refused at once. */
  queue: number;
  /** While the oldest waiting call has waited longer than this, new calls are refused at once. */
  maxWaitMs: number;
  /** Most waiting calls one invoke carries (1: every call is an invoke of its own). */
  batch: number;
  /** Smaller limits for some functions (login: every call in a batch waits for all of the batch's hashes). */
  batchOf?: Readonly<Record<string, number>>;
}

interface Call {
  event: InvokeEvent;
  resolve(reply: unknown): void;
  reject(error: Error): void;
  timer?: NodeJS.Timeout;
  settled: boolean;
  /** performance.now() when it started waiting. */
  since: number;
}

/** One function's invokes in flight, the calls waiting for one, and when the last invoke with calls (not a warm-up) started. */
interface Lane {
  inFlight: number;
  waiting: Call[];
  lastCall: number;
}

export function createInvoker(config: InvokerConfig) {
  const client = new LambdaClient({
    region: config.region,
    endpoint: config.endpoint,
    maxAttempts: 1, // retries belong to the caller, who knows whether the call is idempotent
    cacheMiddleware: true, // as the DynamoDB client's (functions/storage/dynamo.ts)
    ...(config.endpoint ? { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
  });
  const decoder = new TextDecoder();
  const lanes = new Map<string, Lane>();
  const usage: Record<string, InvokeUsage> = {};
  const laneOf = (fn: string): Lane => {
    const lane = lanes.get(fn) ?? { inFlight: 0, waiting: [], lastCall: Number.NEGATIVE_INFINITY };
    lanes.set(fn, lane);
    return lane;
  };

  const settle = (call: Call, outcome: { reply: unknown } | { error: Error }) => {
    if (call.settled) return;
    call.settled = true;
    clearTimeout(call.timer);
    if ('error' in outcome) call.reject(outcome.error);
    else call.resolve(outcome.reply);
  };
  const answer = (call: Call, result: CallResult) => settle(call, result.ok ? { reply: result.reply } : { error: fromWire(result.error) });

  const deadline = (fn: string) => new DeadlineExceededError(`${fn} did not answer within ${config.timeoutMs} ms`);

  /** What an invoke that got no envelope means for each of its calls. */
  function failure(fn: string, error: Error): Error {
    if (error.name === 'AbortError' || error.name === 'TimeoutError') return deadline(fn);
    log.warn('invoke failed', { function: `${config.functionPrefix}${fn}`, error: error.name, detail: error.message });
    return new UnavailableError(`${fn} is unavailable`);
  }

  /** The invoke's answer for each of its calls, in order (none: a warm-up, held `holdMs`); throws for an invoke that failed whole. */
  async function send(fn: string, calls: Call[], holdMs = 0): Promise<{ results: CallResult[]; instance?: string }> {
    const name = `${config.functionPrefix}${fn}`;
    const event = calls.length === 1 ? calls[0]?.event : { calls: calls.map((call) => call.event), ...(holdMs > 0 && { holdMs }) };
    let response: InvokeCommandOutput;
    try {
      response = await client.send(new InvokeCommand({ FunctionName: name, Payload: Buffer.from(JSON.stringify(event)) }), {
        abortSignal: AbortSignal.timeout(config.timeoutMs),
      });
    } catch (error) {
      throw failure(fn, error as Error);
    }
    if (response.FunctionError) {
      log.error('function failed', { function: name, calls: calls.length, error: response.FunctionError });
      throw new Error(`${fn} failed`);
    }
    const result = JSON.parse(decoder.decode(response.Payload)) as InvokeResult;
    if (result.cost) {
      usage[fn] ??= noInvokes();
      addInvoke(usage[fn], result.cost);
    }
    // A batch refused whole (malformed, or a function too old for batches) answers every call the same.
    return 'results' in result ? result : { results: calls.map(() => result) };
  }

  /** Invokes `fn` with `calls` (none: a warm-up, held `holdMs`): what failed the invoke whole, if anything, else which instance a warm-up found. */
  async function start(fn: string, lane: Lane, calls: Call[], holdMs?: number): Promise<{ error?: Error; instance?: string }> {
    const started = performance.now();
    lane.inFlight++;
    if (calls.length > 0) lane.lastCall = started;
    try {
      const { results, instance } = await send(fn, calls, holdMs);
      // Per call, as the gateway saw it: the wait for a free slot and the invoke it rode in (the hop and the function).
      const invokeMs = performance.now() - started;
      for (const call of calls) {
        recordMs(`${fn} call: waiting`, started - call.since);
        recordMs(`${fn} call: invoke`, invokeMs);
      }
      for (const [i, call] of calls.entries())
        answer(call, results[i] ?? { ok: false, error: { kind: 'INTERNAL', message: `${fn} left a call unanswered` } });
      return { instance };
    } catch (error) {
      for (const call of calls) settle(call, { error: error as Error });
      return { error: error as Error };
    } finally {
      lane.inFlight--;
      const next = lane.waiting.splice(0, Math.min(config.batch, config.batchOf?.[fn] ?? config.batch));
      if (next.length > 0) void start(fn, lane, next);
    }
  }

  function invoke(fn: string, operation: string, caller: Caller | undefined, request: unknown): Promise<unknown> {
    const lane = laneOf(fn);
    return new Promise((resolve, reject) => {
      const now = performance.now();
      const call: Call = { event: { operation, caller, request }, resolve, reject, settled: false, since: now };
      if (lane.inFlight < config.concurrency) return void start(fn, lane, [call]);
      if (lane.waiting.length >= config.queue)
        return reject(new UnavailableError(`${fn} is busy (${config.queue} calls waiting); retry with backoff`));
      const oldest = lane.waiting[0];
      if (oldest && now - oldest.since > config.maxWaitMs)
        return reject(new UnavailableError(`${fn} is busy (calls waiting over ${config.maxWaitMs} ms); retry with backoff`));
      lane.waiting.push(call);
      // The deadline counts from the call, not the invoke: time spent waiting is the caller's time too.
      call.timer = setTimeout(() => {
        const at = lane.waiting.indexOf(call);
        if (at >= 0) lane.waiting.splice(at, 1);
        settle(call, { error: deadline(fn) });
      }, config.timeoutMs);
    });
  }

  let stopWarming = () => {};

  /** One warm-up invoke of `fn` (an empty batch, through its lane like any call): how long it took and which instance took it, or why it failed. */
  async function warm(fn: string, holdMs?: number): Promise<Warmed> {
    const started = performance.now();
    const { error, instance = '' } = await start(fn, laneOf(fn), [], holdMs);
    return error ? { error: error.message } : { ms: Math.round(performance.now() - started), instance };
  }

  /**
   * Warms each function now, then every `everyMs` of the wall clock (at its multiples) while this gateway's
   * lane to it is idle: an instance left idle is reaped (serverless-offline after 60 s; AWS after minutes),
   * and the next caller would wait for a cold start. Each replica uses one instance per function at
   * concurrency 1, so N replicas need N warm instances, but warm-ups sent at different moments all land on
   * the same idle one. So the rounds are on the wall clock, the same moments on every replica, and each
   * warm-up holds its instance `WARM_HOLD_MS`: held together, they land on distinct instances, as many as
   * there are replicas (the way Lambda warmers keep N instances warm). An idle lane is one with no invoke
   * in flight and no call sent in the last second; a busy lane's instance is warm anyway. `onRound` gets each
   * round's warm-ups with the wall-clock multiple it was for (none for the first round, whose times are the
   * functions' cold starts).
   */
  function keepWarm(fns: readonly string[], everyMs: number, onRound: (warmed: Record<string, Warmed>, at?: number) => void) {
    const warmAll = async (which: readonly string[], holdMs?: number) =>
      Object.fromEntries(await Promise.all(which.map(async (fn) => [fn, await warm(fn, holdMs)] as const)));
    void warmAll(fns).then((warmed) => onRound(warmed));
    let timer: NodeJS.Timeout | undefined;
    const round = () => {
      const at = Math.round(Date.now() / everyMs) * everyMs;
      const idle = fns.filter((fn) => {
        const lane = laneOf(fn);
        return lane.inFlight === 0 && performance.now() - lane.lastCall >= IDLE_MS;
      });
      if (idle.length > 0) void warmAll(idle, WARM_HOLD_MS).then((warmed) => onRound(warmed, at));
      schedule();
    };
    const schedule = () => {
      timer = setTimeout(round, everyMs - (Date.now() % everyMs));
      timer.unref();
    };
    schedule();
    stopWarming = () => clearTimeout(timer);
  }

  return {
    invoke,
    keepWarm,
    usage: (): Record<string, InvokeUsage> => structuredClone(usage),
    close: () => {
      stopWarming();
      client.destroy();
    },
  };
}

export type Invoker = ReturnType<typeof createInvoker>;
