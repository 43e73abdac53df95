/**
 * Storage as the monolith's health shows it. Every DynamoDB call reports
 * whether storage answered; a probe (one read of a key that does not exist)
 * runs every `probeMs` as well, so an outage is seen without traffic and its
 * end is seen without a client having to try. While storage is out, health
 * says NOT_SERVING and calls answer UNAVAILABLE; when it answers again, health
 * says SERVING. An embedded store out for longer than `exitAfterMs` will not
 * come back by itself (LevelDB stays failed until reopened, e.g. after a full
 * disk): `onStuck` is told, and the monolith exits for its supervisor to restart it.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { log } from '../lib/log.js';

export interface StorageHealthOptions {
  probe(): Promise<unknown>;
  probeMs: number;
  onChange(up: boolean): void;
  /** Out this long: told once (undefined: never). */
  exitAfterMs?: number;
  onStuck?(): void;
}

export function watchStorage(options: StorageHealthOptions) {
  let up = true;
  let downSince = 0;
  let stopped = false;

  function report(answered: boolean): void {
    if (answered === up) return;
    up = answered;
    downSince = answered ? 0 : Date.now();
    log[answered ? 'info' : 'error'](answered ? 'storage answers again' : 'storage is unavailable', {});
    options.onChange(answered);
  }

  (async () => {
    while (!stopped) {
      await sleep(options.probeMs, undefined, { ref: false });
      if (stopped) return;
      await options.probe().then(
        () => report(true),
        () => report(false),
      );
      if (!up && options.exitAfterMs !== undefined && Date.now() - downSince > options.exitAfterMs) {
        stopped = true;
        options.onStuck?.();
      }
    }
  })();

  return {
    report,
    stop() {
      stopped = true;
    },
  };
}
