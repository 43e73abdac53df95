/**
 * A counting semaphore with a bounded, abortable FIFO of waiters: how much of
 * one kind of work runs at once (hashes in the login logic), and how much may
 * wait before new work is turned away. (The gateway's invokes wait in a queue
 * of their own, gateway/lambda-invoker.ts, since waiting calls leave together.)
 */
export interface Limiter {
  /**
   * Resolves true once a slot is held (call `release` after), false at once
   * when `maxWaiting` callers already wait; rejects if `signal` aborts first.
   */
  acquire(signal?: AbortSignal): Promise<boolean>;
  release(): void;
  /** Callers waiting for a slot. */
  waiting(): number;
}

export function limiter(slots: number, maxWaiting = Number.POSITIVE_INFINITY): Limiter {
  let free = slots;
  const queue: (() => void)[] = [];
  return {
    async acquire(signal) {
      if (free > 0) {
        free--;
        return true;
      }
      if (queue.length >= maxWaiting) return false;
      signal?.throwIfAborted();
      return new Promise<boolean>((resolve, reject) => {
        const wake = () => {
          signal?.removeEventListener('abort', onAbort);
          resolve(true);
        };
        const onAbort = () => {
          queue.splice(queue.indexOf(wake), 1);
          reject(signal?.reason);
        };
        queue.push(wake);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
    release() {
      const next = queue.shift();
      if (next) next();
      else free++;
    },
    waiting: () => queue.length,
  };
}
