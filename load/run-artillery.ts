/**
 * Runs an Artillery scenario against a target and returns its report, for the
 * load tests and the runner. Artillery is the pinned local install
 * (node_modules/artillery), with the grpc engine from load/artillery-engine-grpc.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cpuSeconds, reapedChildrenCpuSeconds } from '../client/machine.js';
import { ROOT } from '../infrastructure/local/processes.js';

export interface ArtillerySummary {
  min: number;
  max: number;
  count: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
}

export interface ArtilleryPeriod {
  /** An intermediate period's start, ms since the epoch on a 10-s boundary (as text). */
  period?: string;
  counters: Record<string, number>;
  summaries: Record<string, ArtillerySummary>;
  firstMetricAt: number;
  lastMetricAt: number;
}

export interface ArtilleryReport {
  aggregate: ArtilleryPeriod;
  intermediate: ArtilleryPeriod[];
}

export interface ArtilleryOptions {
  /** Artillery `--overrides` (merged into the script; arrays replace). */
  overrides?: object;
  /** Artillery `--variables`. */
  variables?: object;
  /** Where the JSON report goes (kept); else a temporary file. */
  reportFile?: string;
  /** Artillery's output as it comes. */
  onOutput?: (text: string) => void;
  /** Told Artillery's process id once it is started. */
  onSpawn?: (pid: number) => void;
  /** Aborting it stops Artillery (SIGTERM); the run then ends with a non-zero exit code. */
  signal?: AbortSignal;
}

export interface ArtilleryRun {
  exitCode: number;
  report?: ArtilleryReport;
  output: string;
}

export async function runArtillery(scenario: string, target: string, options: ArtilleryOptions = {}): Promise<ArtilleryRun> {
  const dir = mkdtempSync(path.join(tmpdir(), 'artillery-'));
  const reportFile = options.reportFile ?? path.join(dir, 'report.json');
  const flags = [
    ...(options.overrides ? ['--overrides', JSON.stringify(options.overrides)] : []),
    ...(options.variables ? ['--variables', JSON.stringify(options.variables)] : []),
  ];
  try {
    const child = spawn(
      process.execPath,
      [path.join(ROOT, 'node_modules', 'artillery', 'bin', 'run'), 'run', '--target', target, '--output', reportFile, ...flags, scenario],
      {
        cwd: ROOT,
        env: { ...process.env, ARTILLERY_DISABLE_TELEMETRY: 'true' },
        stdio: ['ignore', 'pipe', 'pipe'],
        signal: options.signal,
      },
    );
    child.on('error', () => undefined); // an abort: its exit, which follows, ends the run
    if (child.pid !== undefined) options.onSpawn?.(child.pid);
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      options.onOutput?.(chunk.toString());
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    const exitCode = await new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
    let report: ArtilleryReport | undefined;
    try {
      report = JSON.parse(readFileSync(reportFile, 'utf8'));
    } catch {
      report = undefined;
    }
    return { exitCode, report, output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Artillery's CPU seconds so far (its worker threads included), for the load
 * runner's meter: 0 before it is spawned, read from its process while it runs,
 * and once it has exited, from what it added to this process's reaped
 * children's total (nothing else this process starts exits during a run).
 */
export function artilleryCpu(): { spawned: (pid: number) => void; seconds: () => number } {
  let pid: number | undefined;
  let reapedBefore = 0;
  return {
    spawned(started) {
      pid = started;
      reapedBefore = reapedChildrenCpuSeconds() ?? 0;
    },
    seconds: () => (pid === undefined ? 0 : (cpuSeconds(pid) ?? (reapedChildrenCpuSeconds() ?? 0) - reapedBefore)),
  };
}
