/**
 * What a load run is aimed at: the monolith or the functions stack started
 * here (their stores on disk under the runner's directory, so seeded accounts
 * survive between runs), or a server already running (a compose stack).
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { cpuSeconds } from '../client/machine.js';
import { startFunctionsStack } from '../infrastructure/local/functions-stack.js';
import { ROOT, spawnMonolith } from '../infrastructure/local/processes.js';

export interface LoadTarget {
  /** monolith, functions, or the name given to a running target. */
  label: string;
  replicas: number;
  /** What Artillery connects to: host:port, or replicas as a comma list. */
  address: string;
  /** How it is built, for the run's metadata. */
  topology: string;
  /** Its processes on this machine (none for a running target). */
  pids: number[];
  stop(): Promise<void>;
}

export interface TargetOptions {
  replicas: number;
  storeDir: string;
  scryptLogN: number;
}

export async function startTarget(kind: 'monolith' | 'functions', options: TargetOptions): Promise<LoadTarget> {
  const jwtSecret = randomBytes(32).toString('hex');
  const env = { SCRYPT_LOG_N: String(options.scryptLogN), LOG_LEVEL: 'warn' };
  if (kind === 'monolith') {
    const server = await spawnMonolith({ ...env, DATA_DIR: path.join(options.storeDir, 'monolith'), JWT_SECRET: jwtSecret });
    return {
      label: 'monolith',
      replicas: 1,
      address: server.address,
      topology: 'monolith (one process: gRPC, functions in-process, writer thread, embedded dynalite on disk)',
      pids: [server.child.pid as number],
      stop: () => server.stop(),
    };
  }
  // Build first, so serverless-offline runs the current code (and a fresh clone has something to run).
  const build = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`building the functions failed:\n${build.stdout}${build.stderr}`);
  const stack = await startFunctionsStack({
    replicas: options.replicas,
    basePort: 0,
    dataDir: path.join(options.storeDir, 'functions'),
    jwtSecret,
    env,
  });
  return {
    label: 'functions',
    replicas: options.replicas,
    address: stack.gateways.map((g) => g.address).join(','),
    topology: `${options.replicas} gateway replica(s) → serverless-offline (Lambda Invoke) → embedded dynalite on disk`,
    pids: [stack.offline, ...stack.gateways].map((s) => s.child.pid as number),
    stop: () => stack.stop(),
  };
}

export function runningTarget(address: string, label: string, replicas: number): LoadTarget {
  return { label, replicas, address, topology: `running target at ${address}`, pids: [], stop: async () => {} };
}

/**
 * Waits until the target's processes are idle (below 0.1 core over a second),
 * so work queued by one run (logins past their deadline still hashing) does
 * not slow the next. A target not started here gets a fixed pause.
 */
export async function waitUntilIdle(target: LoadTarget, maxSeconds = 300): Promise<void> {
  if (target.pids.length === 0) return sleep(5_000);
  const busy = () => target.pids.reduce((sum, pid) => sum + (cpuSeconds(pid) ?? 0), 0);
  for (let waited = 0; waited < maxSeconds; waited++) {
    const before = busy();
    await sleep(1_000);
    const cores = busy() - before;
    if (cores < 0.1) return;
    if (waited % 10 === 0) console.error(`  waiting for the target to go idle (${cores.toFixed(2)} cores busy)`);
  }
}
