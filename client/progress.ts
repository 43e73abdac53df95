/**
 * A one-line progress bar on stderr (redrawn in place on a terminal, a line
 * every few seconds otherwise, so CI logs stay short).
 */
export function progressBar(label: string, total: number) {
  const started = Date.now();
  const tty = process.stderr.isTTY;
  let lastLine = 0;
  const render = (done: number, detail: string) => {
    const width = 30;
    const filled = Math.round((done / Math.max(total, 1)) * width);
    const seconds = (Date.now() - started) / 1000;
    const rate = done / Math.max(seconds, 0.001);
    const eta = rate > 0 ? Math.round((total - done) / rate) : 0;
    return `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${detail} · ${rate.toFixed(1)}/s · eta ${eta}s`;
  };
  return {
    update(done: number, detail = '') {
      if (tty) process.stderr.write(`\r${render(done, detail)}\x1b[K`);
      else if (Date.now() - lastLine > 5_000) {
        lastLine = Date.now();
        process.stderr.write(`${render(done, detail)}\n`);
      }
    },
    finish(done: number, detail = '') {
      process.stderr.write(`${tty ? '\r' : ''}${render(done, detail)}\x1b[K\n`);
      return (Date.now() - started) / 1000;
    },
  };
}

/**
 * Runs `work` over `items`, at most `concurrency` at once, with a progress bar
 * whose line ends with `detail()`; returns the seconds it took.
 */
export async function pool<T>(
  label: string,
  items: T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
  detail: () => string = () => '',
): Promise<number> {
  const bar = progressBar(label, items.length);
  let next = 0;
  let done = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        await work(items[next++] as T);
        bar.update(++done, detail());
      }
    }),
  );
  return bar.finish(done, detail());
}
