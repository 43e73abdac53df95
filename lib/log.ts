/**
 * Structured logs: one JSON object per line on stderr (stdout stays free for
 * programs' own output). LOG_FORMAT=pretty prints `level msg key=value` instead.
 * Never pass passwords, tokens or secrets as fields.
 */
type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

// Read at each call, not at import: whoever sets LOG_LEVEL (a test, a launcher) may do so after this module loads.
const threshold = () => ORDER[process.env.LOG_LEVEL as Level] ?? ORDER.info;

function write(level: Level, msg: string, fields: Record<string, unknown> = {}, always = false): void {
  if (!always && ORDER[level] < threshold()) return;
  const pretty = (process.env.LOG_FORMAT ?? (process.stderr.isTTY ? 'pretty' : 'json')) === 'pretty';
  if (pretty) {
    const extra = Object.entries(fields)
      .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
      .join(' ');
    process.stderr.write(`${new Date().toISOString()} ${level.padEnd(5)} ${msg}${extra ? ` ${extra}` : ''}\n`);
  } else {
    process.stderr.write(`${JSON.stringify({ ts: new Date().toISOString(), level, msg, ...fields })}\n`);
  }
}

export const log = {
  debug: (msg: string, fields?: Record<string, unknown>) => write('debug', msg, fields),
  info: (msg: string, fields?: Record<string, unknown>) => write('info', msg, fields),
  warn: (msg: string, fields?: Record<string, unknown>) => write('warn', msg, fields),
  error: (msg: string, fields?: Record<string, unknown>) => write('error', msg, fields),
  /** Readiness: printed at any LOG_LEVEL, since launchers and people wait for it. */
  ready: (msg: string, fields?: Record<string, unknown>) => write('info', msg, fields, true),
  /** An answer someone asked for (a usage report on SIGUSR2): printed at any LOG_LEVEL too. */
  answer: (msg: string, fields?: Record<string, unknown>) => write('info', msg, fields, true),
};

/** An error's name and message, without its stack or any field that might hold data. */
export function describeError(error: unknown): Record<string, unknown> {
  return error instanceof Error ? { error: error.name, detail: error.message } : { error: String(error) };
}
