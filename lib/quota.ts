/**
 * Per-user limits, counted in this process (a monolith, or one gateway
 * replica): how often someone may act (a token bucket each) and how much they
 * may hold open at once (a count each). Both remember at most `maxKeys` users,
 * forgetting the longest idle first, so memory stays bounded by configuration,
 * not by how many names a client makes up.
 */

/** A token bucket per key: `perSecond` sustained, up to `burst` at once. */
export function rateLimit(perSecond: number, burst: number, maxKeys = 100_000) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    /** Takes a token: 0 when allowed, else the milliseconds until one is there. */
    take(key: string, now = Date.now()): number {
      const bucket = buckets.get(key) ?? { tokens: burst, at: now };
      buckets.delete(key); // re-inserted below: the Map's order is the order of last use
      bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
      bucket.at = now;
      buckets.set(key, bucket);
      if (buckets.size > maxKeys) buckets.delete(buckets.keys().next().value as string);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.ceil(((1 - bucket.tokens) / perSecond) * 1000);
    },
  };
}

/** How many of something each key holds at once, at most `max`. */
export function holdLimit(max: number) {
  const held = new Map<string, number>();
  return {
    /** True (and counted) when the key holds fewer than `max`. */
    acquire(key: string): boolean {
      const count = held.get(key) ?? 0;
      if (count >= max) return false;
      held.set(key, count + 1);
      return true;
    },
    release(key: string): void {
      const count = (held.get(key) ?? 1) - 1;
      if (count <= 0) held.delete(key);
      else held.set(key, count);
    },
  };
}
