import { getOrCreate } from '../internal/get-or-create';

interface CachedResult {
  value: unknown;
  params: unknown;
  expiresAt: number;
}

/** Provider results per key and serialised params, each kept until its own expiry. */
export function createResultCache() {
  const byKey = new Map<string, Map<string, CachedResult>>();

  function pruneExpired(key: string, forKey: Map<string, CachedResult>, now: number): void {
    for (const [paramsKey, entry] of forKey) if (entry.expiresAt <= now) forKey.delete(paramsKey);
    if (forKey.size === 0) byKey.delete(key);
  }

  return {
    get(key: string, paramsKey: string): CachedResult | undefined {
      const entry = byKey.get(key)?.get(paramsKey);
      if (!entry) return undefined;
      if (entry.expiresAt > Date.now()) return entry;
      this.drop(key, paramsKey);
      return undefined;
    },

    set(key: string, paramsKey: string, params: unknown, value: unknown, ttlMs: number): void {
      const now = Date.now();
      const forKey = byKey.get(key);
      // Sweeping on write keeps the cache bounded by the live entries without a timer.
      if (forKey) pruneExpired(key, forKey, now);
      getOrCreate(byKey, key, () => new Map<string, CachedResult>()).set(paramsKey, {
        value,
        params,
        expiresAt: now + ttlMs,
      });
    },

    /** Drops one entry, every entry of a key, or (no arguments) everything. */
    drop(key?: string, paramsKey?: string): void {
      if (key === undefined) {
        byKey.clear();
        return;
      }
      const forKey = byKey.get(key);
      if (!forKey) return;
      if (paramsKey === undefined) forKey.clear();
      else forKey.delete(paramsKey);
      if (forKey.size === 0) byKey.delete(key);
    },

    entries(): { key: string; params: unknown; expiresInMs: number }[] {
      const now = Date.now();
      for (const [key, forKey] of byKey) pruneExpired(key, forKey, now);
      return [...byKey].flatMap(([key, forKey]) =>
        [...forKey.values()].map((entry) => ({ key, params: entry.params, expiresInMs: entry.expiresAt - now })),
      );
    },
  };
}
