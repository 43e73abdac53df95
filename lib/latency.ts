/**
 * How long a server took, as it saw it: per RPC the time from its handler
 * being called to its reply, and how late the event loop ran a timer (a call
 * waits about that long before its handler runs). Kept as cumulative counts
 * in fixed buckets, four per doubling from 0.25 ms: plain data that two
 * readings subtract into one window's distribution, the way the usage meters
 * do, so a load run can set the server's time beside what its clients saw.
 * A percentile read from buckets is the bucket's upper bound: at most 19 %
 * above the true value.
 */

/** Bucket upper bound in ms (as text, e.g. "1.19") → calls that took at most that long (and more than the bound below). */
export type LatencyCounts = Record<string, number>;

export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

const SMALLEST_MS = 0.25;
const PER_DOUBLING = 4;
const BUCKETS = 20 * PER_DOUBLING + 1; // up to 0.25 ms × 2^20 ≈ 262 s; the last one holds anything longer
const bound = (bucket: number) => Number((SMALLEST_MS * 2 ** (bucket / PER_DOUBLING)).toPrecision(3));
const BOUNDS = Array.from({ length: BUCKETS }, (_, i) => (i === BUCKETS - 1 ? Number.POSITIVE_INFINITY : bound(i)));

const bucketOf = (ms: number) =>
  ms <= SMALLEST_MS ? 0 : Math.min(BUCKETS - 1, Math.ceil(PER_DOUBLING * Math.log2(ms / SMALLEST_MS) - 1e-9));

const recorded = new Map<string, number[]>();

/** Counts one timing of `name` (an RPC's method, or `event loop delay`), in this process. */
export function recordMs(name: string, ms: number): void {
  let counts = recorded.get(name);
  if (!counts) {
    counts = new Array<number>(BUCKETS).fill(0);
    recorded.set(name, counts);
  }
  const bucket = bucketOf(ms);
  counts[bucket] = (counts[bucket] ?? 0) + 1;
}

/** Everything recorded in this process so far, non-empty buckets only. */
export function latencyCounts(): Record<string, LatencyCounts> {
  const out: Record<string, LatencyCounts> = {};
  for (const [name, counts] of recorded) {
    out[name] = {};
    counts.forEach((n, i) => {
      if (n > 0) (out[name] as LatencyCounts)[String(BOUNDS[i])] = n;
    });
  }
  return out;
}

/** Adds one reading's counts into another's (several replicas' readings). */
export function addLatency(into: Record<string, LatencyCounts>, more: Record<string, LatencyCounts>): Record<string, LatencyCounts> {
  for (const [name, counts] of Object.entries(more)) {
    const sum: LatencyCounts = into[name] ?? {};
    into[name] = sum;
    for (const [edge, n] of Object.entries(counts)) sum[edge] = (sum[edge] ?? 0) + n;
  }
  return into;
}

/** What was recorded between two readings: count, p50, p99 and max (bucket bounds, ms) per name that was recorded in it. */
export function latencySince(
  now: Record<string, LatencyCounts>,
  before: Record<string, LatencyCounts> = {},
): Record<string, LatencySummary> {
  const out: Record<string, LatencySummary> = {};
  for (const [name, counts] of Object.entries(now)) {
    const window = Object.entries(counts)
      .map(([edge, n]) => [Number(edge), n - (before[name]?.[edge] ?? 0)] as const)
      .filter(([, n]) => n > 0)
      .sort((a, b) => a[0] - b[0]);
    const count = window.reduce((sum, [, n]) => sum + n, 0);
    if (count === 0) continue;
    const at = (fraction: number) => {
      let seen = 0;
      for (const [edge, n] of window) {
        seen += n;
        if (seen >= fraction * count) return edge;
      }
      return Number.POSITIVE_INFINITY;
    };
    out[name] = { count, p50: at(0.5), p99: at(0.99), max: at(1) };
  }
  return out;
}

export interface LoopWatch {
  /** Tell it a call came in: it samples (again) until `idleMs` pass without one. */
  called(): void;
  stop(): void;
}

/**
 * Samples how late the event loop runs a timer, every `everyMs` (20 ms: a
 * finer timer alone kept 1.4 % of a core busy in an idle server, measured
 * here), as `event loop delay`, while calls come in: the delay is what a call
 * waits, and an idle server's 20-ms timer still cost 8 ms of CPU a second
 * here (0.8 % of a core, 40 % of an idle monolith's CPU), for figures no call
 * waited on. So the timer runs from a call until `idleMs` without one: at 2
 * calls a second it sleeps most of the time, from 1,000 on it never does.
 */
export function watchEventLoop(everyMs = 20, idleMs = 100): LoopWatch {
  let timer: NodeJS.Timeout | undefined;
  let last = 0;
  let lastCall = 0;
  const stop = () => {
    clearInterval(timer);
    timer = undefined;
  };
  return {
    called() {
      lastCall = performance.now();
      if (timer) return;
      last = lastCall;
      timer = setInterval(() => {
        const now = performance.now();
        recordMs('event loop delay', Math.max(0, now - last - everyMs));
        last = now;
        if (now - lastCall > idleMs) stop();
      }, everyMs);
      timer.unref();
    },
    stop,
  };
}
