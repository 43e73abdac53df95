/**
 * What a load run is aimed at: the monolith or the functions stack started
 * here (their stores on disk under the runner's directory, so seeded accounts
 * survive between runs), or a server already running (a compose stack).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { functionsMeter, type Meter, monolithMeter } from '../bench/cost.js';
import { cpuSeconds } from '../client/machine.js';
import { generateSigningKey } from '../functions/login/keys.js';
import { composeProject, docker } from '../infrastructure/local/compose.js';
import { startFunctionsStack } from '../infrastructure/local/functions-stack.js';
import { type ChildServer, ROOT, spawnMonolith } from '../infrastructure/local/processes.js';
import { readMessageWriter, readMonolithStore } from '../monolith/config.js';

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
  /** Container images it runs, name → id and creation time (compose targets). */
  images?: Record<string, string>;
  /** Where a run's work goes (targets started here as processes), the load generator's CPU seconds included. */
  meter?: (loadGenerator: () => number) => Meter;
  /** What its processes logged lately, each line named by its process (targets started here). */
  recentLogs?: () => string;
  stop(): Promise<void>;
}

/**
 * The last lines of each server's output, prefixed with its name: what a failed
 * run keeps (without serverless-offline's line per invoke, which would crowd out the rest).
 */
function recentLines(servers: Record<string, ChildServer>, lines = 300): string {
  return Object.entries(servers)
    .flatMap(([name, server]) =>
      server
        .log()
        .split('\n')
        .filter((line) => line && !/RequestId: \S+\s+Duration:/.test(line))
        .slice(-lines)
        .map((line) => `${name} | ${line}`),
    )
    .join('\n');
}

export interface TargetOptions {
  replicas: number;
  storeDir: string;
  scryptLogN: number;
  /** The functions path's store in LevelDB (as seeded) rather than in memory (README, "The store of the load runs"). */
  storeOnDisk?: boolean;
}

/** The monolith's store as this environment configures it (DYNAMODB_EMBEDDED, DYNAMODB_ENDPOINT). */
function monolithStore(): string {
  const embedded = readMonolithStore();
  if (!embedded) return 'DynamoDB at DYNAMODB_ENDPOINT or AWS';
  return `embedded dynalite ${embedded.persist ? 'on disk' : 'in memory'}`;
}

/** @param seeding started to be seeded: the functions path's store is on disk, where what is seeded is kept */
export async function startTarget(kind: 'monolith' | 'functions', options: TargetOptions, seeding = false): Promise<LoadTarget> {
  const signingKey = generateSigningKey().privateKeyPem;
  const env = { SCRYPT_LOG_N: String(options.scryptLogN), LOG_LEVEL: 'warn' };
  if (kind === 'monolith') {
    const server = await spawnMonolith({ ...env, DATA_DIR: path.join(options.storeDir, 'monolith'), JWT_PRIVATE_KEY: signingKey });
    return {
      label: 'monolith',
      replicas: 1,
      address: server.address,
      topology: `monolith (one process: gRPC, functions in-process, message writer on ${readMessageWriter() === 'main' ? 'the main' : 'its own'} thread, ${monolithStore()})`,
      pids: [server.child.pid as number],
      meter: (loadGenerator) => monolithMeter(server, loadGenerator),
      recentLogs: () => recentLines({ monolith: server }),
      stop: () => server.stop(),
    };
  }
  // Build first, so serverless-offline runs the current code (and a fresh clone has something to run).
  const build = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`building the functions failed:\n${build.stdout}${build.stderr}`);
  const inMemory = !seeding && !options.storeOnDisk;
  const stack = await startFunctionsStack({
    replicas: options.replicas,
    basePort: 0,
    dataDir: path.join(options.storeDir, 'functions'),
    copyIntoMemory: inMemory,
    signingKey,
    env,
  });
  return {
    label: 'functions',
    replicas: options.replicas,
    address: stack.gateways.map((g) => g.address).join(','),
    topology: `${options.replicas} gateway replica(s) → serverless-offline (Lambda Invoke) → embedded dynalite ${inMemory ? 'in memory (a copy of the seeded store; see README)' : 'on disk'}`,
    pids: [stack.offline, ...stack.gateways].map((s) => s.child.pid as number),
    meter: (loadGenerator) => functionsMeter(stack.gateways, stack.offline, stack.storeThreadId, loadGenerator),
    recentLogs: () =>
      recentLines({ 'serverless-offline': stack.offline, ...Object.fromEntries(stack.gateways.map((g, i) => [`gateway-${i}`, g])) }),
    stop: () => stack.stop(),
  };
}

/**
 * A compose stack brought up here: `compose-monolith` (docker-compose.monolith.yml) or `compose`
 * (docker-compose.yml with `--scale gateway=N`). With `standIn`, CI's override replaces LocalStack
 * by its stand-in and leaves Envoy out, and the load balances over the replicas' published ports;
 * without, Envoy on 127.0.0.1:50051 is the one address. Torn down (volumes too) when done.
 */
export async function startComposeTarget(
  kind: 'compose-monolith' | 'compose',
  options: TargetOptions & { standIn: boolean },
): Promise<LoadTarget> {
  const env = { SCRYPT_LOG_N: String(options.scryptLogN), LOG_LEVEL: 'warn' };
  if (kind === 'compose-monolith') {
    const project = composeProject('chat-load-monolith', ['docker-compose.monolith.yml'], env);
    await project.compose(['up', '--build', '--detach', '--wait']);
    return composeTarget(project, {
      label: 'compose-monolith',
      replicas: 1,
      address: await project.published('monolith', 50051),
      topology: 'monolith container (docker-compose.monolith.yml: gRPC, functions in-process, embedded dynalite on a named volume)',
    });
  }
  const files = options.standIn ? ['docker-compose.yml', 'docker-compose.ci.yml'] : ['docker-compose.yml'];
  const project = composeProject('chat-load-services', files, env);
  await project.compose(['up', '--build', '--detach', '--wait', '--scale', `gateway=${options.replicas}`]);
  const replicas = Array.from({ length: options.replicas }, (_, i) => project.published('gateway', 50051, i + 1));
  return composeTarget(project, {
    label: options.standIn ? 'compose-standin' : 'compose',
    replicas: options.replicas,
    address: options.standIn ? (await Promise.all(replicas)).join(',') : '127.0.0.1:50051',
    topology: options.standIn
      ? `${options.replicas} gateway container(s), clients balancing over them (no Envoy) → LocalStack stand-in (serverless-offline + dynalite in one container)`
      : `Envoy → ${options.replicas} gateway container(s) → LocalStack 4.14.0 (Lambda + DynamoDB)`,
  });
}

async function composeTarget(
  project: ReturnType<typeof composeProject>,
  target: Pick<LoadTarget, 'label' | 'replicas' | 'address' | 'topology'>,
): Promise<LoadTarget> {
  const ids = (await project.compose(['ps', '-q'])).split('\n').filter(Boolean);
  const images: Record<string, string> = {};
  for (const id of ids) {
    const [image, imageId] = (await docker(['inspect', '-f', '{{.Config.Image}} {{.Image}}', id])).trim().split(' ');
    const created = (await docker(['image', 'inspect', '-f', '{{.Created}}', imageId as string])).trim();
    images[image as string] = `${(imageId as string).slice(7, 19)} ${created}`;
  }
  return { ...target, pids: await project.pids(), images, stop: () => project.down() };
}

export function runningTarget(address: string, label: string, replicas: number): LoadTarget {
  return { label, replicas, address, topology: `running target at ${address}`, pids: [], stop: async () => {} };
}

/**
 * Waits until the target's processes are idle (below 0.1 core over a second),
 * so work queued by one run (logins past their deadline still hashing) does
 * not slow the next. A target not started here gets a fixed pause. Ends
 * early when `signal` is aborted.
 */
export async function waitUntilIdle(target: LoadTarget, signal?: AbortSignal, maxSeconds = 300): Promise<void> {
  if (target.pids.length === 0) return sleep(5_000, undefined, { signal }).catch(() => undefined);
  const busy = () => target.pids.reduce((sum, pid) => sum + (cpuSeconds(pid) ?? 0), 0);
  for (let waited = 0; waited < maxSeconds && !signal?.aborted; waited++) {
    const before = busy();
    await sleep(1_000);
    const cores = busy() - before;
    if (cores < 0.1) return;
    if (waited % 10 === 0) console.error(`  waiting for the target to go idle (${cores.toFixed(2)} cores busy)`);
  }
}
