import { getOrCreate } from '../internal/get-or-create';
import { isFlatValue, isPlainRecord, stableKey } from '../internal/stable-key';

/** Where an entry is filed: its params' one property and value. */
export interface Filed {
  readonly name: string;
  readonly value: unknown;
}

/**
 * Cache entries whose params are one flat property (`{ id: 1 }`, the usual request: a string, finite
 * number, boolean or null), by property name, then value: finding one writes no params key string, whose
 * writing and hashing took as long as the `await` of a cache hit. Values compare as `Map` keys do (`0` and
 * `-0` alike, as their params key has it). Only hits use it: anything it does not find (other params, a
 * miss) is looked up by the params key, which stays the cache's own key.
 */
export function createParamsIndex<Entry>() {
  const byKey = new Map<string, Map<string, Map<unknown, Entry>>>();

  return {
    /**
     * Files `entry` under `key` and `params`, whose params key is `paramsKey`; undefined when the params
     * are not one flat property, or no longer what their key was written from (a request waits for its
     * answer, and its caller may reuse the object meanwhile), or a getter or proxy throws while read.
     */
    add(key: string, params: unknown, paramsKey: string, entry: Entry): Filed | undefined {
      try {
        if (!isPlainRecord(params)) return undefined;
        const names = Object.keys(params);
        if (names.length !== 1) return undefined;
        const name = names[0] as string;
        const value = params[name];
        // Checked on a copy without a prototype (so "__proto__" is a key like any): the value read once.
        const copy: Record<string, unknown> = Object.create(null);
        copy[name] = value;
        if (!isFlatValue(value) || stableKey(copy) !== paramsKey) return undefined;
        getOrCreate(
          getOrCreate(byKey, key, () => new Map()),
          name,
          () => new Map(),
        ).set(value, entry);
        return { name, value };
      } catch {
        return undefined;
      }
    },

    /** Takes `entry` out of where it was filed (if it is still there), and the maps that then hold nothing. */
    remove(key: string, filed: Filed, entry: Entry): void {
      const byName = byKey.get(key);
      const byValue = byName?.get(filed.name);
      if (!byName || !byValue || byValue.get(filed.value) !== entry) return;
      byValue.delete(filed.value);
      if (byValue.size === 0) byName.delete(filed.name);
      if (byName.size === 0) byKey.delete(key);
    },

    /** The entry for `key` and params of this one flat property; undefined for anything else. */
    find(key: string, params: unknown): Entry | undefined {
      const byName = byKey.get(key);
      if (!byName || !isPlainRecord(params)) return undefined;
      let found: Entry | undefined;
      for (const name in params) {
        if (found !== undefined) return undefined; // a second property
        found = byName.get(name)?.get(params[name]);
        if (found === undefined) return undefined;
      }
      return found;
    },

    /** Forgets every entry of `key`, or of every key. */
    clear(key?: string): void {
      if (key === undefined) byKey.clear();
      else byKey.delete(key);
    },
  };
}
