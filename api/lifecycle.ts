/**
 * A server process's end: on SIGINT or SIGTERM, stop gracefully and exit 0
 * (1 if stopping failed); a second signal exits at once.
 */
import { describeError, log } from '../lib/log.js';

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
