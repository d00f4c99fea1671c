import { getOrCreate } from '../internal/get-or-create';
import { isFlatValue } from '../internal/stable-key';

/**
 * One step of the index: the entry whose params end here, and the next steps by property name, then value.
 * A node keeps how its parent reaches it, so an emptied branch can be pruned.
 */
export interface ParamsNode<Entry> {
  entry: Entry | undefined;
  next: Map<string, Map<unknown, ParamsNode<Entry>>> | undefined;
  parent: ParamsNode<Entry> | undefined;
  name: string;
  value: unknown;
}

/**
 * The sorted names of flat params: a plain object of strings, finite numbers, booleans and nulls. No params
 * at all are not filed: their params key is a constant string, found at once.
 */
function flatNames(params: unknown): string[] | undefined {
  if (typeof params !== 'object' || params === null || Object.getPrototypeOf(params) !== Object.prototype) {
    return undefined;
  }
  const names = Object.keys(params);
  for (const name of names) if (!isFlatValue((params as Record<string, unknown>)[name])) return undefined;
  return names.sort();
}

const newNode = <Entry>(parent: ParamsNode<Entry> | undefined, name: string, value: unknown): ParamsNode<Entry> => ({
  entry: undefined,
  next: undefined,
  parent,
  name,
  value,
});

/**
 * Cache entries by request key and flat params, walked by property name and value: finding `{ id: 1 }`
 * builds no params key string, whose writing and hashing took as long as the `await` of a cache hit.
 * Equal flat params (values compared as `Map` keys do, so `0` and `-0` alike, as their params key has it)
 * reach one node. Only hits use it: params it cannot walk (nested, out of key order, anything but flat) are
 * looked up by their params key, which stays the cache's own key.
 */
export function createParamsIndex<Entry>() {
  const roots = new Map<string, ParamsNode<Entry>>();

  return {
    /** Files `entry` under `key` and `params`; its node, or undefined for params that are not flat. */
    add(key: string, params: unknown, entry: Entry): ParamsNode<Entry> | undefined {
      const names = flatNames(params);
      if (!names) return undefined;
      let node = getOrCreate(roots, key, () => newNode<Entry>(undefined, '', undefined));
      for (const name of names) {
        const value = (params as Record<string, unknown>)[name];
        node.next ??= new Map();
        const byValue = getOrCreate(node.next, name, () => new Map<unknown, ParamsNode<Entry>>());
        let child = byValue.get(value);
        if (!child) {
          child = newNode(node, name, value);
          byValue.set(value, child);
        }
        node = child;
      }
      node.entry = entry;
      return node;
    },

    /** Takes `entry` out of `node` (if it is still there), then every node that leads nowhere any more. */
    remove(key: string, node: ParamsNode<Entry>, entry: Entry): void {
      if (node.entry !== entry) return;
      node.entry = undefined;
      let current = node;
      while (current.entry === undefined && !current.next?.size) {
        const { parent } = current;
        if (!parent) {
          if (roots.get(key) === current) roots.delete(key);
          return;
        }
        const byValue = parent.next?.get(current.name);
        byValue?.delete(current.value);
        if (byValue?.size === 0) parent.next?.delete(current.name);
        current = parent;
      }
    },

    /** The entry for `key` and these flat params, in sorted key order; undefined for anything else. */
    find(key: string, params: unknown): Entry | undefined {
      let node = roots.get(key);
      if (node === undefined) return undefined;
      if (typeof params !== 'object' || params === null || Object.getPrototypeOf(params) !== Object.prototype) {
        return undefined;
      }
      let previous = '';
      for (const name in params) {
        if (name < previous) return undefined;
        previous = name;
        node = node.next?.get(name)?.get((params as Record<string, unknown>)[name]);
        if (node === undefined) return undefined;
      }
      return node.entry;
    },

    /** Forgets every entry of `key`, or of every key. */
    clear(key?: string): void {
      if (key === undefined) roots.clear();
      else roots.delete(key);
    },
  };
}
