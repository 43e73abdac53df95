/** What a benchmark ran on: machine, runtime and library versions, and CPU time per process. */

import { execSync } from 'node:child_process';
import { randomBytes, scryptSync } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';

// Read from node_modules, since some packages do not export their package.json.
const version = (pkg: string) =>
  (JSON.parse(readFileSync(new URL(`../node_modules/${pkg}/package.json`, import.meta.url), 'utf8')) as { version: string }).version;

export function machine() {
  let commit = 'unknown';
  try {
    commit = execSync('git rev-parse --short HEAD', { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {}
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    commit,
    versions: Object.fromEntries(
      ['@grpc/grpc-js', '@aws-sdk/client-dynamodb', 'dynalite', 'jsonwebtoken', 'serverless-offline', 'artillery'].map((p) => [
        p,
        version(p),
      ]),
    ),
  };
}

/** Fields of /proc/<pid>[/task/<thread>]/stat after the command name (state is [0], ppid [1], utime [11]); undefined off Linux or once gone. */
export function statFields(pid: number, thread?: number): string[] | undefined {
  try {
    const file = thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`;
    // "pid (comm) state …": a command may hold spaces and parentheses, so read after the last ')'.
    const stat = readFileSync(file, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

const ticksToSeconds = (a?: string, b?: string) => (Number(a) + Number(b)) / 100; // USER_HZ is 100 on Linux

/** CPU seconds (user + system) a process (or one of its threads) has used so far; Linux only, undefined elsewhere. */
export function cpuSeconds(pid: number, thread?: number): number | undefined {
  const fields = statFields(pid, thread);
  return fields && ticksToSeconds(fields[11], fields[12]);
}

/**
 * Seconds a process's threads (or one thread) have spent runnable but waiting
 * for a core, from the scheduler's own counters (schedstat's second field):
 * what CPU contention adds to latency. For a process, the sum over its live
 * threads. Linux only, undefined elsewhere.
 */
export function waitingSeconds(pid: number, thread?: number): number | undefined {
  let threads: string[];
  try {
    threads = thread === undefined ? readdirSync(`/proc/${pid}/task`) : [String(thread)];
  } catch {
    return undefined;
  }
  let ns = 0;
  for (const tid of threads) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[1]);
    } catch {
      // The thread ended between the listing and now.
    }
  }
  return ns / 1e9;
}

/** CPU seconds this process's exited (and reaped) children used, theirs included (cutime + cstime); Linux only. */
export function reapedChildrenCpuSeconds(): number | undefined {
  const fields = statFields(process.pid);
  return fields && ticksToSeconds(fields[13], fields[14]);
}

/** Mean time of one scrypt hash with the server's parameters (N = 2^logN, r 8, p 1), on this machine. */
export function kdfMs(logN: number): number {
  const N = 2 ** logN;
  const started = performance.now();
  for (let i = 0; i < 5; i++) scryptSync('demo', randomBytes(16), 32, { N, r: 8, p: 1, maxmem: 256 * N * 8 });
  return (performance.now() - started) / 5;
}
