/**
 * Where a run's work went, over the benchmark's measured window: CPU time by
 * part (per process, and per thread where one process holds two parts), the
 * time each server part's threads waited for a core (the scheduler's counters),
 * storage requests and request units per message, Lambda invokes and billed
 * time per message, and what a million such messages would cost on AWS.
 *
 * Servers report their totals on SIGUSR2 (a `usage` log line, see
 * api/lifecycle.ts); a gateway's include what each function's envelope said
 * its invoke cost, which is how the functions' CPU is told apart from
 * serverless-offline's, which runs them.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { cpuSeconds, waitingSeconds } from '../client/machine.js';
import type { ChildServer } from '../infrastructure/local/processes.js';
import { addLatency, type LatencyCounts, type LatencySummary, latencySince } from '../lib/latency.js';
import {
  addInvokes,
  addStorage,
  type InvokeUsage,
  invokesSince,
  noInvokes,
  noStorage,
  type ServerUsage,
  type StorageUsage,
  storageSince,
  totalRequests,
} from '../lib/usage.js';
import { costOfMillion, type MillionMessagesUsd } from './aws-cost.js';

export interface CostReport {
  /** CPU ms per message by part (`gateways`, `function host`, `functions`, `store`, `load generator`, …). */
  cpuMsPerMessage: Record<string, number>;
  /** Every part but the load generator. */
  serverMsPerMessage: number;
  /** ms per message each server part's threads spent runnable but waiting for a core: what contention adds. */
  cpuWaitMsPerMessage: Record<string, number>;
  storagePerMessage: { requests: Record<string, number>; total: number; readUnits: number; writeUnits: number };
  invokesPerMessage: Record<string, number>;
  awsUsdPerMillionMessages: MillionMessagesUsd;
  /**
   * What the servers' own clocks said over the window (ms; bucket bounds, lib/latency.ts): each RPC's
   * handler time, call to reply, and the event loop's delay, all replicas together. Beside what the
   * clients saw, it tells the server's share of a latency from the network's and the load generator's.
   */
  serverLatencyMs: Record<string, LatencySummary>;
}

/** Reads every part's totals so far; a window's cost is what two readings differ by (costBetween). */
export interface Meter {
  read(): Promise<Reading>;
}

/** A server's totals, asked for with SIGUSR2 and read from its log. */
export async function usageOf(server: ChildServer): Promise<ServerUsage> {
  const from = server.log().length;
  server.child.kill('SIGUSR2');
  for (let waited = 0; waited < 5_000; waited += 10) {
    const line = server
      .log()
      .slice(from)
      .split('\n')
      .find((l) => l.includes('"msg":"usage"'));
    if (line?.endsWith('}')) return JSON.parse(line) as ServerUsage;
    await sleep(10);
  }
  throw new Error('the server did not report its usage within 5 s');
}

const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;
const perMessage = (record: Record<string, number>, messages: number) =>
  Object.fromEntries(Object.entries(record).map(([key, n]) => [key, round(n / messages)]));

export interface Reading {
  /** CPU seconds so far, by part. */
  cpu: Record<string, number>;
  /** Seconds spent waiting for a core so far, by server part (its live threads'). */
  waiting: Record<string, number>;
  storage: StorageUsage;
  functions: Record<string, InvokeUsage>;
  latency: Record<string, LatencyCounts>;
}

/** What each part added between two readings of its running totals, times `scale` (1000: seconds to ms). */
export function partsBetween(now: Record<string, number>, before: Record<string, number>, scale = 1): Record<string, number> {
  return Object.fromEntries(Object.entries(now).map(([part, total]) => [part, (total - (before[part] ?? 0)) * scale]));
}

/** What the work between two readings cost, per message sent between them. */
export function costBetween(start: Reading, end: Reading, messages: number): CostReport {
  const n = Math.max(messages, 1);
  // CPU ms spent in the window, by part; like everything else here, divided by the messages below.
  const cpuMs = partsBetween(end.cpu, start.cpu, 1000);
  const storage = storageSince(end.storage, start.storage);
  const functions = Object.entries(invokesSince(end.functions, start.functions));
  const invokes = Object.fromEntries(functions.map(([fn, usage]) => [fn, usage.invokes]));
  const lambdaMs = functions.reduce((sum, [, usage]) => sum + usage.billedMs, 0);
  const readUnits = storage.readUnits / n;
  const writeUnits = storage.writeUnits / n;
  const totalInvokes = Object.values(invokes).reduce((a, b) => a + b, 0);
  return {
    cpuMsPerMessage: perMessage(cpuMs, n),
    serverMsPerMessage: round(Object.entries(cpuMs).reduce((sum, [part, ms]) => (part === 'load generator' ? sum : sum + ms), 0) / n),
    cpuWaitMsPerMessage: perMessage(partsBetween(end.waiting, start.waiting, 1000), n),
    storagePerMessage: {
      requests: perMessage(storage.requests, n),
      total: round(totalRequests(storage) / n),
      readUnits: round(readUnits),
      writeUnits: round(writeUnits),
    },
    invokesPerMessage: perMessage(invokes, n),
    awsUsdPerMillionMessages: costOfMillion({ invokes: totalInvokes / n, lambdaMs: lambdaMs / n, readUnits, writeUnits }),
    serverLatencyMs: latencySince(end.latency, start.latency),
  };
}

const cpu = (pid: number, thread?: number) => cpuSeconds(pid, thread) ?? 0;
const waiting = (pid: number, thread?: number) => waitingSeconds(pid, thread) ?? 0;

/** This process's CPU seconds so far, less one of its threads (the embedded store's, when it runs here): the benchmark's own load. */
export const thisProcessLess = (thread?: number) => (): number => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1e6 - (thread === undefined ? 0 : cpu(process.pid, thread));
};

/**
 * The monolith: one process (its main thread with gRPC and the logic, the
 * writer thread if it has one, the store thread), and the load generator's CPU seconds
 * when given (the benchmark's own process, or the load runner's Artillery).
 */
export function monolithMeter(server: ChildServer, loadGenerator?: () => number): Meter {
  const pid = server.child.pid as number;
  return {
    async read() {
      const usage = await usageOf(server);
      const { writer: writerThread, store: storeThread } = usage.threads ?? {};
      // One figure (CPU or waits) for the process, split into its writer thread, its store thread and the rest.
      const byPart = (read: (pid: number, thread?: number) => number) => {
        const writer = writerThread === undefined ? 0 : read(pid, writerThread);
        const store = storeThread === undefined ? 0 : read(pid, storeThread);
        return {
          'monolith (gRPC, logic)': read(pid) - writer - store,
          ...(writerThread !== undefined && { 'writer thread': writer }),
          store,
        };
      };
      return {
        cpu: { ...byPart(cpu), ...(loadGenerator ? { 'load generator': loadGenerator() } : {}) },
        waiting: byPart(waiting),
        storage: usage.storage,
        functions: {},
        latency: usage.latency ?? {},
      };
    },
  };
}

/**
 * The functions path: the gateways, serverless-offline (the function host;
 * the functions' own threads are told apart by what each invoke reported),
 * the embedded store's thread (in this process), and the load generator's
 * CPU seconds when given.
 */
export function functionsMeter(gateways: ChildServer[], offline: ChildServer, storeThreadId?: number, loadGenerator?: () => number): Meter {
  const offlinePid = offline.child.pid as number;
  return {
    async read() {
      const usages = await Promise.all(gateways.map(usageOf));
      const storage = noStorage();
      const functions: Record<string, InvokeUsage> = {};
      const latency: Record<string, LatencyCounts> = {};
      for (const usage of usages) {
        addStorage(storage, usage.storage);
        addLatency(latency, usage.latency ?? {});
        for (const [fn, used] of Object.entries(usage.functions ?? {})) {
          functions[fn] ??= noInvokes();
          addInvokes(functions[fn], used);
        }
      }
      const functionsCpu = Object.values(functions).reduce((sum, f) => sum + f.cpuMs / 1000, 0);
      for (const f of Object.values(functions)) addStorage(storage, f.storage);
      return {
        cpu: {
          gateways: gateways.reduce((sum, g) => sum + cpu(g.child.pid as number), 0),
          'function host (serverless-offline)': cpu(offlinePid) - functionsCpu,
          functions: functionsCpu,
          store: storeThreadId === undefined ? 0 : cpu(process.pid, storeThreadId),
          ...(loadGenerator ? { 'load generator': loadGenerator() } : {}),
        },
        // The functions run on the host's threads: their waits cannot be told apart from its own.
        waiting: {
          gateways: gateways.reduce((sum, g) => sum + waiting(g.child.pid as number), 0),
          'function host and functions': waiting(offlinePid),
          store: storeThreadId === undefined ? 0 : waiting(process.pid, storeThreadId),
        },
        storage,
        functions,
        latency,
      };
    },
  };
}
