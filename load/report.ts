/**
 * The comparison of load runs: reads every run in data/load/runs/ and writes
 * summary.csv (one row per run and metric), summary.md (tables) and
 * report.html (the tables plus charts, inline SVG, viewable offline).
 *
 *   npm run load:report [-- --dir data/load]
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { AWS_PRICES } from '../bench/aws-cost.js';
import type { CostReport } from '../bench/cost.js';
import { escapeXml, lineChart, type Series } from './charts.js';
import { MAIN_RPC, type ScenarioKind } from './plan.js';
import { describeSettings, type LoadRun, type Row, readRuns, rowsOf, seriesName } from './results.js';

const CSV_COLUMNS: (keyof Row)[] = [
  'run',
  'target',
  'replicas',
  'scenario',
  'kind',
  'users',
  'passed',
  'metric',
  'count',
  'errors',
  'errorCodes',
  'perSecond',
  'peakPerSecond',
  'mean',
  'p50',
  'p95',
  'p99',
  'max',
  'lost',
  'gaps',
  'duplicates',
  'behindPlanSeconds',
  'servedBy',
];

export function toCsv(rows: Row[]): string {
  const cell = (value: unknown) => {
    const text =
      value === undefined
        ? ''
        : typeof value === 'object'
          ? Object.entries(value as Record<string, number>)
              .map(([code, n]) => `${code} ${n}`)
              .join(' / ')
          : String(value);
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `${[CSV_COLUMNS.join(','), ...rows.map((row) => CSV_COLUMNS.map((c) => cell(row[c])).join(','))].join('\n')}\n`;
}

interface Table {
  title: string;
  note: string;
  header: string[];
  body: (string | number)[][];
}

const targetOrder = (row: Row) => `${row.target === 'monolith' ? 0 : 1}${row.target}${String(row.replicas).padStart(2, '0')}`;
const byScenarioThenTarget = (a: Row, b: Row) => a.scenario.localeCompare(b.scenario) || targetOrder(a).localeCompare(targetOrder(b));
const runErrors = (rows: Row[], run: string) => rows.filter((r) => r.run === run).reduce((sum, r) => sum + r.errors, 0);
/** A run's failed calls, with their statuses: "154 (UNAVAILABLE 154)". */
function failedCalls(rows: Row[], run: string): string {
  const byCode = new Map<string, number>();
  for (const row of rows.filter((r) => r.run === run))
    for (const [code, n] of Object.entries(row.errorCodes)) byCode.set(code, (byCode.get(code) ?? 0) + n);
  const total = [...byCode.values()].reduce((a, b) => a + b, 0);
  return total === 0 ? '0' : `${total} (${[...byCode].map(([code, n]) => `${code} ${n}`).join(', ')})`;
}

const verdict = (row: Row) => (row.passed ? 'passed' : '**failed**');

const isSmoke = (row: Row) => row.scenario.startsWith('smoke');
/** Tables and charts show the rowsShown runs; the smoke runs only while there are no others. */
const shown = (rows: Row[]) => (rows.some((r) => !isSmoke(r)) ? rows.filter((r) => !isSmoke(r)) : rows);

function tables(rows: Row[]): Table[] {
  const rowsShown = shown(rows).sort(byScenarioThenTarget);
  const of = (kind: string, metric: string) => rowsShown.filter((r) => r.kind === kind && r.metric === metric);
  const delivery = (run: string) => rowsShown.find((r) => r.run === run && r.metric === 'delivery');
  return [
    {
      title: 'Login storms',
      note: 'every user arrives within 10 s and logs in, trying again when turned away, until in; "all in" is when the last one got in (from the first arrival), against the soonest possible (the arrival window, or users × hash time ÷ cores if longer); waits in s, calls in ms',
      header: ['users', 'target', 'in', 'failed', 'retried', 'all in (s)', 'soonest (s)', 'wait p50', 'wait p99', 'Login p50 ms', 'checks'],
      body: of('login', 'Login').map((r) => {
        const wait = rowsShown.find((w) => w.run === r.run && w.metric === 'wait');
        const allIn = rowsShown.find((w) => w.run === r.run && w.metric === 'all in');
        const seconds = (ms?: number) => (ms === undefined ? '-' : Math.round(ms / 100) / 10);
        return [
          r.users,
          seriesName(r),
          wait?.count ?? r.count,
          failedCalls(rowsShown, r.run),
          wait?.retried ?? '-',
          seconds(allIn?.max),
          wait?.boundSeconds ?? '-',
          seconds(wait?.p50),
          seconds(wait?.p99),
          r.p50,
          verdict(r),
        ];
      }),
    },
    {
      title: 'Chat',
      note: 'log in, join a room, follow it, two minutes at 0.2 messages per user per second (13–15: everyone in one room, no one following it, as the original tester ran); failed calls are all calls of the run (logins included); the chat begins a second after the arrival phase, or once every login has settled if later ("began late": by how much; - for runs from before the chat waited)',
      header: [
        'users',
        'target',
        'sends ok',
        'failed calls',
        'sends/s (peak)',
        'send p50',
        'send p99',
        'delivered',
        'delivery p50',
        'delivery p99',
        'lost',
        'began late (s)',
        'checks',
      ],
      body: of('chat', 'SendMessage').map((r) => {
        const d = delivery(r.run);
        return [
          r.users,
          seriesName(r),
          r.count,
          failedCalls(rowsShown, r.run),
          r.peakPerSecond,
          r.p50,
          r.p99,
          d?.count ?? 0,
          d?.p50 ?? '-',
          d?.p99 ?? '-',
          d?.lost ?? '-',
          d?.behindPlanSeconds ?? '-',
          verdict(r),
        ];
      }),
    },
    {
      title: 'Routing',
      note: 'which server answered (x-served-by), per target',
      header: ['users', 'target', 'calls ok', 'failed', 'p99', 'replies by server', 'checks'],
      body: of('routing', 'ListRooms').map((r) => [
        r.users,
        seriesName(r),
        r.count,
        failedCalls(rowsShown, r.run),
        r.p99,
        r.servedBy,
        verdict(r),
      ]),
    },
  ].filter((t) => t.body.length > 0);
}

/** Where the runs were made: one clause per machine, since figures compare only within one. */
function machineLine(runs: LoadRun[]): string {
  if (runs.length === 0) return 'No runs yet: `npm run load`.';
  const byMachine = new Map<string, LoadRun[]>();
  for (const run of runs) {
    const m = run.meta.machine;
    const machine = `${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}`;
    byMachine.set(machine, [...(byMachine.get(machine) ?? []), run]);
  }
  const clauses = [...byMachine].map(([machine, group]) => {
    const { kdf, machine: m } = (group.at(-1) as LoadRun).meta;
    const commits = [...new Set(group.map((r) => r.meta.machine.commit))].join(', ');
    return `${group.length} runs on ${machine} (scrypt N=2^${Math.log2(kdf.N)} at ${kdf.msPerHash} ms per hash: ≤ ${Math.floor((m.cores * 1000) / kdf.msPerHash)} logins/s; commits ${commits})`;
  });
  return `${clauses.join('; ')}. The load generator (Artillery) ran on the same machine as its target.`;
}

/** Runs given settings beyond the defaults, so that their figures are not read as the defaults'. */
function settingsLine(runs: LoadRun[]): string | undefined {
  const tuned = runs.filter((r) => Object.keys(r.meta.settings ?? {}).length > 0);
  if (tuned.length === 0) return undefined;
  const each = tuned.map(
    (r) => `${r.meta.target.label} ×${r.meta.target.replicas}, ${r.meta.scenario.id}: ${describeSettings(r.meta.settings ?? {})}`,
  );
  return `Settings other than the defaults: ${each.join('; ')}.`;
}

/**
 * Per chat run measured here: CPU per message by part, storage requests and
 * units per message, and the AWS estimate, during the chat where measured
 * (older runs: over the whole run), beside the whole run's server CPU.
 */
/** A record's parts added up (waits of all server parts, invokes of all functions, a window's cores or storage requests). */
const total = (record: Record<string, number>) => Math.round(Object.values(record).reduce((a, b) => a + b, 0) * 1000) / 1000;

const LOAD = 'load generator';
/** A record by part without the load generator's: the servers' parts. */
const serversOnly = (record: Record<string, number>) => Object.fromEntries(Object.entries(record).filter(([part]) => part !== LOAD));

function costTable(runs: LoadRun[]): Table[] {
  const measured = runs.filter((r) => r.meta.cost).sort((a, b) => a.meta.name.localeCompare(b.meta.name));
  if (measured.length === 0) return [];
  return [
    {
      title: 'Where the time goes',
      note: `per message sent, during the chat (from its start: logins left out; runs marked * over the whole run, measured before this was); CPU in ms by part, the load generator (Artillery, on the same cores) apart; "waited for a core": ms the servers' threads were runnable but not running (the scheduler's counters), what contention adds to latency; "whole run": the server CPU with the logins; AWS: $ per million such messages at ${AWS_PRICES.region} on-demand prices as of ${AWS_PRICES.asOf} (Lambda and DynamoDB only)`,
      header: [
        'run',
        'server CPU ms',
        'by part',
        'waited for a core ms',
        'load generator',
        'storage requests',
        'RRU / WRU',
        'Lambda invokes',
        'AWS $/M',
        'whole run',
      ],
      body: measured.map(({ meta }) => {
        const c = meta.chatCost ?? (meta.cost as CostReport);
        const parts = Object.entries(serversOnly(c.cpuMsPerMessage));
        return [
          `${meta.target.label} ×${meta.target.replicas}, ${meta.scenario.id}: ${meta.scenario.users} users${meta.chatCost ? '' : ' *'}`,
          c.serverMsPerMessage,
          parts.map(([part, ms]) => `${part} ${ms}`).join(', '),
          // Older runs were measured before waits were.
          c.cpuWaitMsPerMessage ? total(c.cpuWaitMsPerMessage) : '—',
          c.cpuMsPerMessage[LOAD] ?? '—',
          c.storagePerMessage.total,
          `${c.storagePerMessage.readUnits} / ${c.storagePerMessage.writeUnits}`,
          total(c.invokesPerMessage),
          c.awsUsdPerMillionMessages.total,
          (meta.cost as CostReport).serverMsPerMessage,
        ];
      }),
    },
  ];
}

/** A latency as "p50 / p99", or a dash where it was not measured. */
const pair = (s?: { p50: number; p99: number }) => (s ? `${s.p50} / ${s.p99}` : '—');

/**
 * Per chat run measured here: SendMessage as the clients saw it (Artillery)
 * beside the servers' own clocks over the chat, so a slow send can be told
 * to be the server's, or queueing on the way and in the load generator.
 */
function latencyTable(runs: LoadRun[]): Table[] {
  const measured = runs.filter((r) => r.meta.chatCost?.serverLatencyMs).sort((a, b) => a.meta.name.localeCompare(b.meta.name));
  if (measured.length === 0) return [];
  return [
    {
      title: "The servers' own clocks",
      note: "ms during the chat, p50 / p99; clients: SendMessage as Artillery timed it (call to reply, on the same cores); handler: from the server calling its SendMessage handler to the reply being handed to gRPC, all replicas together; the monolith's writer: how long a message waited for a flush, and how long a flush's BatchWriteItem calls took (a send waits for both); event loop delay: how late a 20-ms timer ran (about how long a call waited before its handler ran); the load generator's loop delay: the same in Artillery's worker over the whole run (how long a reply that had arrived could wait before it was timed; runs since it was measured); server figures are the upper bounds of their buckets (at most 19 % high)",
      header: [
        'run',
        'clients',
        'handler',
        'queued for a write',
        'write',
        'event loop delay',
        'event loop delay max',
        "load generator's loop delay",
      ],
      body: measured.map((run) => {
        const at = run.meta.chatCost?.serverLatencyMs ?? {};
        const seen = rowsOf(run).find((r) => r.metric === 'SendMessage');
        return [
          `${run.meta.target.label} ×${run.meta.target.replicas}, ${run.meta.scenario.id}: ${run.meta.scenario.users} users`,
          seen ? `${seen.p50} / ${seen.p99}` : '—',
          pair(at.SendMessage),
          pair(at['message queued']),
          pair(at['message write (flush)']),
          pair(at['event loop delay']),
          at['event loop delay']?.max ?? '—',
          pair(run.report.aggregate.summaries['engine.loop_delay']),
        ];
      }),
    },
  ];
}

/**
 * Per chat run with a timeline, window by window (HTML only: a 5,000-user run has 30 of them): what the clients
 * saw in each Artillery period beside the servers' clocks and busy cores over the same 10 s.
 */
function timelineTables(runs: LoadRun[]): Table[] {
  return runs
    .filter((run) => run.meta.scenario.kind === 'chat' && (run.meta.timeline?.length ?? 0) > 0)
    .map((run) => {
      const timeline = run.meta.timeline ?? [];
      const first = timeline[0]?.period ?? 0;
      const periods = new Map(run.report.intermediate.map((p) => [Number(p.period), p]));
      return {
        title: `Over time: ${run.meta.name}`,
        note: "per 10 s, from the run's first; clients: SendMessage as Artillery timed it in the same period; handler, queued, write, event loop delay: the servers' clocks (ms, p50 / p99; upper bounds of their buckets); the load generator's loop delay: Artillery's worker's, in the same period; storage requests per send: all the servers' storage requests in the window (live feed included) over the sends Artillery timed in it; chat invokes (functions path): how many ended in the window; per call, as the gateways timed it (p50 / p99), how long it waited for an invoke and how long the invoke it rode in took, round trip; per invoke, the function's own time and CPU (means); busy cores: CPU seconds per second, the servers' parts together and the load generator",
        header: [
          's',
          'sends/s',
          'clients',
          'handler',
          'queued for a write',
          'write',
          'event loop delay',
          "load generator's loop delay",
          'storage requests per send',
          'chat invokes',
          'call: waiting',
          'call: invoke',
          'invoke: in the function / CPU',
          'busy cores: servers',
          'load generator',
        ],
        body: timeline.map((w) => {
          const period = periods.get(w.period)?.summaries;
          const clients = period?.['grpc.response_time.SendMessage'];
          return [
            (w.period - first) / 1000,
            clients ? Math.round(clients.count / 10) : 0,
            pair(clients),
            pair(w.latency.SendMessage),
            pair(w.latency['message queued']),
            pair(w.latency['message write (flush)']),
            pair(w.latency['event loop delay']),
            pair(period?.['engine.loop_delay']),
            w.storage && clients ? Math.round((100 * total(w.storage)) / clients.count) / 100 : '—',
            w.invokes?.chat?.count ?? '—',
            pair(w.latency['chat call: waiting']),
            pair(w.latency['chat call: invoke']),
            w.invokes?.chat ? `${w.invokes.chat.meanMs} / ${w.invokes.chat.meanCpuMs}` : '—',
            Math.round(total(serversOnly(w.cores)) * 100) / 100,
            w.cores[LOAD] ?? '—',
          ];
        }),
      };
    });
}

const allTables = (runs: LoadRun[], rows: Row[]) => [...tables(rows), ...costTable(runs), ...latencyTable(runs)];

export function toMarkdown(runs: LoadRun[], rows: Row[]): string {
  const settings = settingsLine(runs);
  const out = ['# Load runs', '', machineLine(runs), '', ...(settings ? [settings, ''] : [])];
  for (const t of allTables(runs, rows)) {
    out.push(`## ${t.title}`, '', `_${t.note}_`, '', `| ${t.header.join(' | ')} |`, `|${t.header.map(() => '---').join('|')}|`);
    for (const line of t.body) out.push(`| ${line.join(' | ')} |`);
    out.push('');
  }
  return `${out.join('\n')}\n`;
}

/** One point per series (target × replicas) and user count. */
function seriesOf(rows: Row[], pick: (row: Row) => number | undefined): Series[] {
  const groups = new Map<string, [number, number][]>();
  for (const row of rows) {
    const y = pick(row);
    if (y === undefined || Number.isNaN(y)) continue;
    const name = seriesName(row);
    groups.set(name, [...(groups.get(name) ?? []), [row.users, y]]);
  }
  return [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([name, points]) => ({ name, points }));
}

function charts(rows: Row[]): string[] {
  const rowsShown = shown(rows);
  const login = rowsShown.filter((r) => r.kind === 'login' && r.metric === 'Login');
  const send = rowsShown.filter((r) => r.kind === 'chat' && r.metric === 'SendMessage');
  const delivery = rowsShown.filter((r) => r.kind === 'chat' && r.metric === 'delivery');
  const errorShare = (kind: ScenarioKind) =>
    seriesOf(
      rowsShown.filter((r) => r.kind === kind && r.metric === MAIN_RPC[kind]),
      (r) => {
        const runRows = rowsShown.filter((x) => x.run === r.run && x.metric !== 'delivery');
        const calls = runRows.reduce((sum, x) => sum + x.count + x.errors, 0);
        return calls === 0 ? undefined : (100 * runErrors(rowsShown, r.run)) / calls;
      },
    );
  return [
    lineChart({ title: 'Login storm: p50 latency', yLabel: 'ms (log)', logY: true, series: seriesOf(login, (r) => r.p50) }),
    lineChart({ title: 'Login storm: p99 latency', yLabel: 'ms (log)', logY: true, series: seriesOf(login, (r) => r.p99) }),
    lineChart({ title: 'Login storm: logins per second', yLabel: 'logins/s', series: seriesOf(login, (r) => r.perSecond) }),
    lineChart({ title: 'Login storm: failed calls', yLabel: '% of calls', series: errorShare('login') }),
    lineChart({ title: 'Chat: SendMessage p50', yLabel: 'ms (log)', logY: true, series: seriesOf(send, (r) => r.p50) }),
    lineChart({ title: 'Chat: SendMessage p99', yLabel: 'ms (log)', logY: true, series: seriesOf(send, (r) => r.p99) }),
    lineChart({ title: 'Chat: sends per second (busiest 10 s)', yLabel: 'sends/s', series: seriesOf(send, (r) => r.peakPerSecond) }),
    lineChart({
      title: 'Chat: delivery p99 (send → subscriber)',
      yLabel: 'ms (log)',
      logY: true,
      series: seriesOf(delivery, (r) => r.p99),
    }),
    lineChart({ title: 'Chat: failed calls', yLabel: '% of calls', series: errorShare('chat') }),
  ];
}

/** Table text as HTML: escaped, with the markdown bold of failed checks kept. */
const html = (text: string | number) => escapeXml(String(text)).replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>');

export function toHtml(runs: LoadRun[], rows: Row[]): string {
  const settings = settingsLine(runs);
  const sections = [...allTables(runs, rows), ...timelineTables(runs)].map(
    (t) =>
      `<h2>${html(t.title)}</h2><p><em>${html(t.note)}</em></p><table><tr>${t.header.map((h) => `<th>${html(h)}</th>`).join('')}</tr>${t.body
        .map((line) => `<tr>${line.map((c) => `<td>${html(c)}</td>`).join('')}</tr>`)
        .join('')}</table>`,
  );
  const runList = runs.map(
    (r) =>
      `<li><a href="runs/${r.meta.name}.report.json">${html(r.meta.name)}</a> (${r.meta.startedAt}, ${r.meta.passed ? 'passed' : 'failed'})</li>`,
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Load runs</title>
<style>
body { font-family: sans-serif; margin: 2em; color: #222; }
.charts { display: flex; flex-wrap: wrap; gap: 12px; }
table { border-collapse: collapse; margin-bottom: 1.5em; }
th, td { border: 1px solid #ccc; padding: 3px 8px; text-align: right; }
th { background: #f4f4f4; }
</style></head><body>
<h1>Load runs</h1>
<p>${html(machineLine(runs))}</p>${settings ? `<p>${html(settings)}</p>` : ''}
<div class="charts">${charts(rows).join('\n')}</div>
${sections.join('\n')}
<h2>Runs</h2><ul>${runList.join('')}</ul>
<p>CSV: <a href="summary.csv">summary.csv</a>. Regenerate with <code>npm run load:report</code>.</p>
</body></html>
`;
}

/** Writes summary.csv, summary.md and report.html into `dir`; returns their paths. */
export function writeReports(dir: string): string[] {
  const runs = readRuns(dir);
  const rows = runs.flatMap(rowsOf);
  const files: [string, string][] = [
    ['summary.csv', toCsv(rows)],
    ['summary.md', toMarkdown(runs, rows)],
    ['report.html', toHtml(runs, rows)],
  ];
  return files.map(([name, content]) => {
    writeFileSync(path.join(dir, name), content);
    return path.join(dir, name);
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { dir: { type: 'string', default: 'data/load' } } });
  const written = writeReports(path.resolve(values.dir));
  console.log(`${readRuns(path.resolve(values.dir)).length} runs → ${written.join(', ')}`);
}
