/**
 * Runs an Artillery scenario against a target and returns its report, for the
 * load tests and the runners. Artillery is the pinned local install
 * (node_modules/artillery), with the grpc engine from load/artillery-engine-grpc.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from '../infrastructure/local/processes.js';

export interface ArtilleryReport {
  aggregate: {
    counters: Record<string, number>;
    summaries: Record<string, { min: number; max: number; count: number; mean: number; p50: number; p95: number; p99: number }>;
  };
}

export interface ArtilleryRun {
  exitCode: number;
  report?: ArtilleryReport;
  output: string;
}

export async function runArtillery(scenario: string, target: string, env: Record<string, string> = {}): Promise<ArtilleryRun> {
  const dir = mkdtempSync(path.join(tmpdir(), 'artillery-'));
  const reportFile = path.join(dir, 'report.json');
  try {
    const child = spawn(
      process.execPath,
      [path.join(ROOT, 'node_modules', 'artillery', 'bin', 'run'), 'run', '--target', target, '--output', reportFile, scenario],
      { cwd: ROOT, env: { ...process.env, ARTILLERY_DISABLE_TELEMETRY: 'true', ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
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
