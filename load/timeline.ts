/**
 * The servers' clocks window by window during a load run: a meter reading at
 * every wall-clock 10-s boundary, where Artillery cuts its periods, so each
 * window sits beside the period Artillery reports for the same 10 s. A run's
 * totals hide when its time went (a backlog at the chat's start, a stall
 * later); these show it, and whether it was the servers' or the clients'.
 */
import { type Meter, partsBetween, type Reading } from '../bench/cost.js';
import { type LatencySummary, latencySince } from '../lib/latency.js';
import { invokesSince, storageSince } from '../lib/usage.js';

export const PERIOD_MS = 10_000;

export interface ServerWindow {
  /** Its start, ms since the epoch, on a 10-s boundary: the Artillery period it matches (its `period`). */
  period: number;
  /** Cores busy, by part (CPU seconds ÷ the window's seconds), the load generator included. */
  cores: Record<string, number>;
  /** The servers' clocks over the window (see lib/latency.ts). */
  latency: Record<string, LatencySummary>;
  /** Storage requests in the window, by operation (runs since it was measured). */
  storage?: Record<string, number>;
  /** Invokes answered in the window, by function, with their mean duration and CPU (functions path; runs since it was measured). */
  invokes?: Record<string, { count: number; meanMs: number; meanCpuMs: number }>;
}

const round = (value: number) => Math.round(value * 100) / 100;

function windowBetween(start: { at: number; reading: Reading }, end: { at: number; reading: Reading }): ServerWindow {
  const seconds = Math.max((end.at - start.at) / 1000, 0.001);
  return {
    period: start.at,
    cores: Object.fromEntries(
      Object.entries(partsBetween(end.reading.cpu, start.reading.cpu, 1 / seconds)).map(([part, n]) => [part, round(n)]),
    ),
    latency: latencySince(end.reading.latency, start.reading.latency),
    storage: storageSince(end.reading.storage, start.reading.storage).requests,
    invokes: invokesBetween(end.reading.functions, start.reading.functions),
  };
}

/** The invokes answered between two readings, by function (none where a function had none). */
function invokesBetween(now: Reading['functions'], before: Reading['functions']): ServerWindow['invokes'] {
  const answered = Object.entries(invokesSince(now, before)).filter(([, usage]) => usage.invokes > 0);
  const mean = (total: number, count: number) => round(total / count);
  return Object.fromEntries(
    answered.map(([fn, { invokes, billedMs, cpuMs }]) => [
      fn,
      { count: invokes, meanMs: mean(billedMs, invokes), meanCpuMs: mean(cpuMs, invokes) },
    ]),
  );
}

/** Reads `meter` at every `periodMs` boundary until stopped; `stop` returns the windows between readings. */
export function watchServers(meter: Meter | undefined, periodMs = PERIOD_MS) {
  const windows: ServerWindow[] = [];
  let last: { at: number; reading: Reading } | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = !meter;
  const schedule = () => {
    if (!stopped) timer = setTimeout(tick, periodMs - (Date.now() % periodMs));
  };
  async function tick() {
    const at = Math.round(Date.now() / periodMs) * periodMs;
    const reading = await meter?.read().catch(() => undefined);
    if (stopped) return;
    if (reading && last) windows.push(windowBetween(last, { at, reading }));
    last = reading && { at, reading };
    schedule();
  }
  schedule();
  return {
    stop(): ServerWindow[] {
      stopped = true;
      clearTimeout(timer);
      return windows;
    },
  };
}
