/**
 * What work cost, in the units AWS bills (storage requests and request units,
 * invokes and their duration) and in CPU time on this machine. Plain data,
 * added up where the work is done and reported to whoever measures: a Lambda
 * invoke returns its own with its reply, a server prints its totals on SIGUSR2.
 */
import { readFileSync, readlinkSync } from 'node:fs';
import type { LatencyCounts } from './latency.js';

export interface StorageUsage {
  /** Requests by operation (`Query`, `PutItem`, …). */
  requests: Record<string, number>;
  /** Read and write request units, as the store answered them (ReturnConsumedCapacity). */
  readUnits: number;
  writeUnits: number;
}

/** One function's invokes, as the gateways that made them saw them. */
export interface InvokeUsage {
  invokes: number;
  /** Sum of each invoke's duration rounded up to the millisecond, as Lambda bills it. */
  billedMs: number;
  /** CPU time of the function's own thread (Linux; 0 elsewhere). */
  cpuMs: number;
  storage: StorageUsage;
}

/** A server's totals since it started (`kill -USR2 <pid>` prints them as a `usage` log line). */
export interface ServerUsage {
  /** Storage requests this process made itself (all its threads). */
  storage: StorageUsage;
  /** Functions invoked through this process (a gateway), by function. */
  functions?: Record<string, InvokeUsage>;
  /** Kernel thread ids of its busy worker threads (`store`, `writer`), whose CPU time /proc gives apart. */
  threads?: Record<string, number>;
  /** Its RPCs' handler times and its event loop's delay so far (lib/latency.ts). */
  latency?: Record<string, LatencyCounts>;
}

/** What one invoke cost: sent back with its reply. */
export interface InvokeCost {
  ms: number;
  cpuMs: number;
  storage: StorageUsage;
}

export const noStorage = (): StorageUsage => ({ requests: {}, readUnits: 0, writeUnits: 0 });
export const noInvokes = (): InvokeUsage => ({ invokes: 0, billedMs: 0, cpuMs: 0, storage: noStorage() });

export function addStorage(into: StorageUsage, more: StorageUsage, sign = 1): StorageUsage {
  for (const [operation, n] of Object.entries(more.requests)) into.requests[operation] = (into.requests[operation] ?? 0) + sign * n;
  into.readUnits += sign * more.readUnits;
  into.writeUnits += sign * more.writeUnits;
  return into;
}

/** `now` minus `before`, for usage counted over a window (operations not used in it left out). */
export function storageSince(now: StorageUsage, before: StorageUsage): StorageUsage {
  const window = addStorage(addStorage(noStorage(), now), before, -1);
  window.requests = Object.fromEntries(Object.entries(window.requests).filter(([, n]) => n !== 0));
  return window;
}

export const totalRequests = (usage: StorageUsage): number => Object.values(usage.requests).reduce((a, b) => a + b, 0);

/** Adds one function's totals to another's (several gateways' views of one function). */
export function addInvokes(into: InvokeUsage, more: InvokeUsage): void {
  into.invokes += more.invokes;
  into.billedMs += more.billedMs;
  into.cpuMs += more.cpuMs;
  addStorage(into.storage, more.storage);
}

/** Each function's invokes between two readings of its totals (a function new since `before` counted from nothing). */
export function invokesSince(now: Record<string, InvokeUsage>, before: Record<string, InvokeUsage>): Record<string, InvokeUsage> {
  return Object.fromEntries(
    Object.entries(now).map(([fn, usage]) => {
      const start = before[fn] ?? noInvokes();
      const window = {
        invokes: usage.invokes - start.invokes,
        billedMs: usage.billedMs - start.billedMs,
        cpuMs: usage.cpuMs - start.cpuMs,
        storage: storageSince(usage.storage, start.storage),
      };
      return [fn, window];
    }),
  );
}

/** Adds one answered invoke, billed as Lambda bills it: its duration rounded up to the millisecond. */
export const addInvoke = (into: InvokeUsage, cost: InvokeCost): void =>
  addInvokes(into, { invokes: 1, billedMs: Math.ceil(cost.ms), cpuMs: cost.cpuMs, storage: cost.storage });

/** CPU time the calling thread has used, in ms (nanosecond-exact from schedstat); 0 where /proc is not Linux's. */
export function threadCpuMs(): number {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return 0;
  }
}

/** The calling thread's id in the kernel, for another process to read its CPU time; undefined off Linux. */
export function threadId(): number | undefined {
  try {
    return Number(readlinkSync('/proc/thread-self').split('/task/')[1]);
  } catch {
    return undefined;
  }
}
