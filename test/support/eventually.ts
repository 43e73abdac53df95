/** Retries `attempt` every 100 ms until `done` holds or `ms` pass (bounded); resolves with its last value. */
export async function eventually<T>(attempt: () => Promise<T>, done: (value: T) => boolean, ms = 5_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await attempt();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Items pushed by a stream, awaited by count within a bound (what a test's subscriber collects). */
export function arrivals<T>() {
  const items: T[] = [];
  const waiters: (() => void)[] = [];
  return {
    items,
    push(item: T): void {
      items.push(item);
      for (const wake of waiters.splice(0)) wake();
    },
    /** Resolves with the first `count` items once they are here; rejects after `timeoutMs`. */
    async waitFor(count: number, timeoutMs = 5_000): Promise<T[]> {
      const deadline = Date.now() + timeoutMs;
      while (items.length < count) {
        if (Date.now() > deadline) throw new Error(`got ${items.length} of ${count} messages`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
      return items.slice(0, count);
    },
  };
}
