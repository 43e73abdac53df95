/**
 * A bounded map whose entries expire: the caches of rooms, memberships and
 * checked sessions. When full, the oldest entry makes room.
 */
export function ttlCache<V>(max: number) {
  const entries = new Map<string, { value: V; until: number }>();
  const live = (key: string) => {
    const hit = entries.get(key);
    return hit && hit.until > Date.now() ? hit : undefined;
  };
  return {
    /** The live entry as `{ value }`, so that a cached `undefined` still counts as a hit. */
    lookup: (key: string): { value: V } | undefined => live(key),
    get: (key: string): V | undefined => live(key)?.value,
    /** Keeps `value` for `ttlMs`; a ttl of 0 or less keeps nothing. */
    set(key: string, value: V, ttlMs: number): void {
      if (ttlMs <= 0) return;
      if (entries.size >= max && !entries.has(key)) entries.delete(entries.keys().next().value as string);
      entries.set(key, { value, until: Date.now() + ttlMs });
    },
    delete(key: string): void {
      entries.delete(key);
    },
    deleteWhere(match: (value: V) => boolean): void {
      for (const [key, entry] of entries) if (match(entry.value)) entries.delete(key);
    },
  };
}
