import { getOrCreate } from '../internal/get-or-create';
import { toJsonable } from '../internal/jsonable';
import { createParamsIndex, type Filed } from './params-index';

/** Timers overflow past 2^31 - 1 ms: a longer TTL (or Infinity) keeps the entry until it is dropped. */
const MAX_TIMER_MS = 2 ** 31 - 1;

interface CachedResult {
  value: unknown;
  params: unknown;
  paramsKey: string;
  /** Where the params index files it (params of one flat property only). */
  filed: Filed | undefined;
  expiresAt: number;
  /** The call that produced it: an older call that settles later does not overwrite a newer result. */
  callId: number;
  /**
   * What every hit returns, made on the first hit: awaiting a promise that is already resolved costs one
   * tick, making a new one each time costs an allocation more (a third of a cached round trip).
   */
  promise: Promise<unknown> | undefined;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/**
 * Provider results per key and serialised params. Each entry has its own timer that drops it when it
 * expires, so a cache hit reads no clock and an entry whose key is never requested again still goes.
 * Timers are unref'd: they never keep a Node process alive.
 */
export function createResultCache() {
  const byKey = new Map<string, Map<string, CachedResult>>();
  const index = createParamsIndex<CachedResult>();

  function forget(key: string, entry: CachedResult): void {
    clearTimeout(entry.timer);
    if (entry.filed) index.remove(key, entry.filed, entry);
  }

  function drop(key: string, paramsKey?: string): void {
    const forKey = byKey.get(key);
    if (!forKey) return;
    if (paramsKey === undefined) {
      for (const entry of forKey.values()) clearTimeout(entry.timer);
      forKey.clear();
      index.clear(key);
    } else {
      const entry = forKey.get(paramsKey);
      if (entry) forget(key, entry);
      forKey.delete(paramsKey);
    }
    if (forKey.size === 0) byKey.delete(key);
  }

  return {
    get: (key: string, paramsKey: string): CachedResult | undefined => byKey.get(key)?.get(paramsKey),

    /** A hit for params of one flat property, found without their params key; undefined: look it up by the key. */
    find: (key: string, params: unknown): CachedResult | undefined => index.find(key, params),

    set(key: string, paramsKey: string, params: unknown, value: unknown, ttlMs: number, callId: number): void {
      const forKey = getOrCreate(byKey, key, () => new Map<string, CachedResult>());
      const previous = forKey.get(paramsKey);
      if (previous && previous.callId > callId) return;
      if (previous) forget(key, previous);
      const timer = ttlMs < MAX_TIMER_MS ? setTimeout(() => drop(key, paramsKey), ttlMs) : undefined;
      (timer as { unref?: () => void } | undefined)?.unref?.();
      const entry: CachedResult = {
        value,
        params,
        paramsKey,
        filed: undefined,
        expiresAt: Date.now() + ttlMs,
        callId,
        timer,
        promise: undefined,
      };
      entry.filed = index.add(key, params, paramsKey, entry);
      forKey.set(paramsKey, entry);
    },

    /** Drops one entry, or every entry of a key. */
    drop,

    clear(): void {
      for (const key of [...byKey.keys()]) drop(key);
    },

    entries(): { key: string; params: unknown; expiresInMs: number }[] {
      const now = Date.now();
      const out: { key: string; params: unknown; expiresInMs: number }[] = [];
      for (const [key, forKey] of byKey) {
        for (const entry of forKey.values()) {
          out.push({ key, params: toJsonable(entry.params), expiresInMs: entry.expiresAt - now });
        }
      }
      return out;
    },
  };
}
