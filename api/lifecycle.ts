/**
 * A server process's signals: on SIGINT or SIGTERM, stop gracefully and exit 0
 * (1 if stopping failed; a second signal exits at once); on SIGUSR2, print
 * what its work cost so far as one `usage` log line (what the benchmark reads).
 */
import { describeError, log } from '../lib/log.js';
import type { ServerUsage } from '../lib/usage.js';

export function usageOnSignal(usage: () => Promise<ServerUsage>): void {
  process.on('SIGUSR2', () => {
    usage().then(
      (totals) => log.answer('usage', { ...totals }),
      (error) => log.warn('usage unavailable', describeError(error)),
    );
  });
}

export function stopOnSignals(stop: () => Promise<void>, fields: Record<string, unknown> = {}): void {
  let signals = 0;
  const shutdown = (signal: string) => {
    if (++signals > 1) process.exit(130);
    log.info('shutting down', { signal, ...fields });
    stop().then(
      () => {
        log.info('stopped', fields);
        process.exit(0);
      },
      (error) => {
        log.error('shutdown failed', describeError(error));
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}
