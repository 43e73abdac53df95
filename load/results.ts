/**
 * Reading load runs back from data/load/runs/ and turning each into rows:
 * one per run and metric (each RPC, and delivery), the shape of the CSV and
 * of the tables and charts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CostReport } from '../bench/cost.js';
import type { ScenarioKind } from './plan.js';
import type { ArtilleryReport } from './run-artillery.js';
import type { ServerWindow } from './timeline.js';

export interface RunMeta {
  name: string;
  target: { label: string; replicas: number; address: string; topology: string };
  /** Environment variables the servers read that the run set (targets started here; runs since it was recorded). */
  settings?: Record<string, string>;
  scenario: { id: string; kind: ScenarioKind; users: number; smoke: boolean };
  startedAt: string;
  passed: boolean;
  checks: string[];
  machine: { cpu: string; cores: number; memoryGiB: number; os: string; node: string; commit: string; versions: Record<string, string> };
  kdf: { N: number; msPerHash: number };
  /** Artillery's arrival phases (seconds each). */
  phases?: { duration: number }[];
  /** Where a chat run's work went, per message, over the whole run (targets started by the runner). */
  cost?: CostReport;
  /** The same from the chat's start, logins left out; runs since it was measured. */
  chatCost?: CostReport;
  /** How long after the arrival phase's end (plus a second) the chat began: logins still queued then; runs since the chat waits for them. */
  chatBehindPlanSeconds?: number;
  /** The servers' clocks and busy cores per 10-s window, beside Artillery's periods (targets started here; runs since it was measured). */
  timeline?: ServerWindow[];
}

/** `FUNCTION_BATCH=64 LOGIN_BATCH=8`, or `the defaults`. */
export const describeSettings = (settings: Record<string, string>): string =>
  Object.keys(settings).length > 0
    ? Object.entries(settings)
        .map(([name, value]) => `${name}=${value}`)
        .join(' ')
    : 'the defaults';

export interface LoadRun {
  meta: RunMeta;
  report: ArtilleryReport;
}

export interface Row {
  run: string;
  target: string;
  replicas: number;
  scenario: string;
  kind: ScenarioKind;
  users: number;
  passed: boolean;
  /** An RPC name, or `delivery` (send → arrival at each subscriber). */
  metric: string;
  count: number;
  errors: number;
  /** Failed calls by status. */
  errorCodes: Record<string, number>;
  /** Mean per second over the run, and in its busiest 10-second period. */
  perSecond: number;
  peakPerSecond: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Delivery rows: acknowledged messages never delivered back to their sender, holes, repeats. */
  lost?: number;
  gaps?: number;
  duplicates?: number;
  /** Delivery rows: how late the chat began, waiting for logins (RunMeta.chatBehindPlanSeconds). */
  behindPlanSeconds?: number;
  /** Replies per server (`x-served-by`), e.g. "gateway-0 340 / gateway-1 330". */
  servedBy: string;
  /** Login storms' `wait` row: attempts turned away and tried again, and the soonest everyone can be in (the arrival window, or users × hash time ÷ cores if longer). */
  retried?: number;
  boundSeconds?: number;
}

/** Artillery's intermediate reports cover 10-second periods. */
const PERIOD_SECONDS = 10;
const round = (value: number) => Math.round(value * 10) / 10;

export function readRuns(dir: string): LoadRun[] {
  const runsDir = path.join(dir, 'runs');
  if (!existsSync(runsDir)) return [];
  return readdirSync(runsDir)
    .filter((file) => file.endsWith('.meta.json'))
    .sort()
    .flatMap((file) => {
      const reportFile = path.join(runsDir, file.replace(/\.meta\.json$/, '.report.json'));
      if (!existsSync(reportFile)) return [];
      const meta = JSON.parse(readFileSync(path.join(runsDir, file), 'utf8')) as RunMeta;
      return [{ meta, report: JSON.parse(readFileSync(reportFile, 'utf8')) as ArtilleryReport }];
    });
}

export function rowsOf({ meta, report }: LoadRun): Row[] {
  const { counters, summaries, firstMetricAt, lastMetricAt } = report.aggregate;
  const seconds = Math.max((lastMetricAt - firstMetricAt) / 1000, 1);
  const failures = (method: string) =>
    Object.entries(counters)
      .filter(([name]) => name.startsWith(`grpc.errors.${method}.`))
      .map(([name, n]) => [name.slice(`grpc.errors.${method}.`.length), n] as const);
  const servedBy = Object.entries(counters)
    .filter(([name]) => name.startsWith('grpc.served_by.'))
    .map(([name, n]) => `${name.slice('grpc.served_by.'.length)} ${n}`)
    .join(' / ');
  const methods = new Set<string>();
  for (const name of Object.keys(summaries)) if (name.startsWith('grpc.response_time.')) methods.add(name.split('.')[2] as string);
  for (const name of Object.keys(counters)) if (name.startsWith('grpc.errors.')) methods.add(name.split('.')[2] as string);
  const row = (metric: string, summaryName: string, failed: (readonly [string, number])[]): Row => {
    const s = summaries[summaryName];
    const peak = Math.max(0, ...report.intermediate.map((p) => p.summaries[summaryName]?.count ?? 0));
    return {
      run: meta.name,
      target: meta.target.label,
      replicas: meta.target.replicas,
      scenario: meta.scenario.id,
      kind: meta.scenario.kind,
      users: meta.scenario.users,
      passed: meta.passed,
      metric,
      count: s?.count ?? 0,
      errors: failed.reduce((sum, [, n]) => sum + n, 0),
      errorCodes: Object.fromEntries(failed),
      perSecond: round((s?.count ?? 0) / seconds),
      peakPerSecond: round(peak / PERIOD_SECONDS),
      mean: round(s?.mean ?? 0),
      p50: s?.p50 ?? 0,
      p95: s?.p95 ?? 0,
      p99: s?.p99 ?? 0,
      max: s?.max ?? 0,
      servedBy,
    };
  };
  const rows = [...methods].sort().map((method) => row(method, `grpc.response_time.${method}`, failures(method)));
  if (meta.scenario.kind === 'login' && summaries['login.wait']) {
    const retried = Object.entries(counters)
      .filter(([name]) => name.startsWith('grpc.retried.'))
      .reduce((sum, [, n]) => sum + n, 0);
    // Nobody is in before the last one arrives, nor before the cores have hashed every password once.
    const arrivalSeconds = (meta.phases ?? []).reduce((sum, p) => sum + p.duration, 0);
    const boundSeconds = round(Math.max(arrivalSeconds, (meta.scenario.users * meta.kdf.msPerHash) / meta.machine.cores / 1000));
    rows.push({ ...row('wait', 'login.wait', []), retried, boundSeconds }, row('all in', 'login.all_in_after', []));
  }
  if (meta.scenario.kind === 'chat')
    rows.push({
      ...row('delivery', 'grpc.delivery_time', []),
      lost: counters['grpc.delivery.lost'] ?? 0,
      gaps: counters['grpc.delivery.gaps'] ?? 0,
      duplicates: counters['grpc.delivery.duplicates'] ?? 0,
      behindPlanSeconds: meta.chatBehindPlanSeconds,
    });
  return rows;
}

/** A target as the charts and tables group it: "monolith ×1", "functions ×3". */
export const seriesName = (row: Pick<Row, 'target' | 'replicas'>) => `${row.target} ×${row.replicas}`;
