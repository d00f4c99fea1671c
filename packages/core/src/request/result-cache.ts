import { getOrCreate } from '../internal/get-or-create';
import { toJsonable } from '../internal/jsonable';
import { createSweeper } from '../internal/sweeper';

interface CachedResult {
  value: unknown;
  params: unknown;
  expiresAt: number;
  /** The call that produced it: an older call that settles later does not overwrite a newer result. */
  callId: number;
}

/**
 * Provider results per key and serialised params, each kept until its own expiry. Expired entries are
 * dropped by a sweep even when their key is never requested again.
 */
export function createResultCache() {
  const byKey = new Map<string, Map<string, CachedResult>>();

  const sweeper = createSweeper((now) => {
    let next = Number.POSITIVE_INFINITY;
    for (const [key, forKey] of byKey) {
      for (const [paramsKey, entry] of forKey) {
        if (entry.expiresAt <= now) forKey.delete(paramsKey);
        else next = Math.min(next, entry.expiresAt);
      }
      if (forKey.size === 0) byKey.delete(key);
    }
    return next;
  });

  function drop(key: string, paramsKey?: string): void {
    const forKey = byKey.get(key);
    if (!forKey) return;
    if (paramsKey === undefined) forKey.clear();
    else forKey.delete(paramsKey);
    if (forKey.size === 0) byKey.delete(key);
  }

  return {
    get(key: string, paramsKey: string): CachedResult | undefined {
      const entry = byKey.get(key)?.get(paramsKey);
      if (!entry) return undefined;
      if (entry.expiresAt > Date.now()) return entry;
      drop(key, paramsKey);
      return undefined;
    },

    set(key: string, paramsKey: string, params: unknown, value: unknown, ttlMs: number, callId: number): void {
      const forKey = getOrCreate(byKey, key, () => new Map<string, CachedResult>());
      if ((forKey.get(paramsKey)?.callId ?? 0) > callId) return;
      const expiresAt = Date.now() + ttlMs;
      forKey.set(paramsKey, { value, params, expiresAt, callId });
      sweeper.schedule(expiresAt);
    },

    /** Drops one entry, or every entry of a key. */
    drop,

    clear(): void {
      byKey.clear();
      sweeper.stop();
    },

    entries(): { key: string; params: unknown; expiresInMs: number }[] {
      const now = Date.now();
      const out: { key: string; params: unknown; expiresInMs: number }[] = [];
      for (const [key, forKey] of byKey) {
        for (const [paramsKey, entry] of forKey) {
          if (entry.expiresAt <= now) drop(key, paramsKey);
          else out.push({ key, params: toJsonable(entry.params), expiresInMs: entry.expiresAt - now });
        }
      }
      return out;
    },
  };
}
