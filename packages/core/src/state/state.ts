import { alreadyCleaned, createCleanup, type Owned } from '../internal/cleanup';
import type { BusContext } from '../internal/context';
import { deepFreeze } from '../internal/deep-freeze';
import { assertFunction, assertName, assertSignal } from '../internal/validate';
import type { BusSnapshot, Cleanup, SetStateOptions, Source, StateListener, StateMeta, WatchOptions } from '../types';

interface Watcher {
  listener: StateListener<unknown>;
  active: boolean;
  source: Source;
  key: string;
  entry: Entry;
}

interface Entry {
  value: unknown;
  /** The last write's app and time. */
  meta: StateMeta;
  watchers: Watcher[];
  /**
   * The watchers a write tells, copied once after they change; never mutated, so a change is told to the
   * watchers that existed when it was written, whatever they do meanwhile.
   */
  told: Watcher[] | undefined;
}

interface Change {
  value: unknown;
  previous: unknown;
  meta: StateMeta;
}

export function createSharedState(context: BusContext) {
  const { dispatcher, observers, plugins, demands } = context;
  const entries = new Map<string, Entry>();

  const newEntry = (key: string): Entry => ({
    value: undefined,
    meta: { key, source: null, timestamp: 0, optimistic: false, via: undefined },
    watchers: [],
    told: undefined,
  });

  function releaseIfUnused(key: string, entry: Entry): void {
    if (entry.value === undefined && entry.watchers.length === 0 && entries.get(key) === entry) entries.delete(key);
  }

  function notify(watchers: Watcher[], { value, previous, meta }: Change): void {
    for (const watcher of watchers) {
      if (watcher.active) dispatcher.call(watcher.listener, value, previous, meta, 'watcher', meta.key, watcher.source);
    }
  }

  function callImmediately(watcher: Watcher, entry: Entry): void {
    if (!watcher.active) return;
    dispatcher.call(watcher.listener, entry.value, undefined, entry.meta, 'watcher', entry.meta.key, watcher.source);
  }

  function unwatch(watcher: Watcher): void {
    watcher.active = false;
    const { entry, key, source } = watcher;
    const { watchers } = entry;
    const index = watchers.lastIndexOf(watcher);
    if (index === watchers.length - 1) watchers.pop();
    else watchers.splice(index, 1);
    entry.told = undefined;
    if (observers.active) observers.emit({ type: 'unwatch', timestamp: Date.now(), key, source });
    if (demands.size !== 0) demands.listenerRemoved(key);
    releaseIfUnused(key, entry);
  }

  return {
    getState(key: string): unknown {
      context.assertAlive('getState');
      const entry = entries.get(key);
      if (entry) return entry.value;
      assertName(key, 'state key');
      return undefined;
    },

    setState(key: string, valueOrUpdater: unknown, setOptions: SetStateOptions | undefined, source: Source): void {
      context.assertAlive('setState');
      let entry = entries.get(key);
      if (!entry) assertName(key, 'state key');
      const previous = entry?.value;
      // The updater, the plugins and the freeze run before anything is stored: if one of them throws, the
      // caller sees it and nothing changes.
      let next =
        typeof valueOrUpdater === 'function' ? (valueOrUpdater as (p: unknown) => unknown)(previous) : valueOrUpdater;
      if (plugins.list.length !== 0) {
        next = plugins.pipe('setState', key, source, next, (plugin, value) =>
          plugin.setState?.(key, value, previous, { source, via: setOptions?.via }),
        );
      }
      if (Object.is(next, previous)) return;
      deepFreeze(next);
      if (!entry) {
        entry = newEntry(key);
        entries.set(key, entry);
      }
      const meta: StateMeta = {
        key,
        source,
        timestamp: Date.now(),
        optimistic: setOptions?.optimistic === true,
        via: setOptions?.via,
      };
      entry.value = next;
      entry.meta = meta;
      if (observers.active) {
        observers.emit({
          type: 'state',
          timestamp: meta.timestamp,
          key,
          previous: plugins.shown('state', key, previous),
          next: plugins.shown('state', key, next),
          source,
          optimistic: meta.optimistic,
          via: meta.via,
        });
      }
      // The value is stored at once (getState sees it), watchers are told in FIFO order.
      entry.told ??= entry.watchers.slice();
      const { told } = entry;
      if (told.length !== 0) dispatcher.schedule(notify, told, { value: next, previous, meta });
      releaseIfUnused(key, entry);
    },

    watchState(
      key: string,
      listener: StateListener<unknown>,
      watchOptions: WatchOptions | undefined,
      source: Source,
      owned?: Owned,
    ): Cleanup {
      context.assertAlive('watchState');
      assertName(key, 'state key');
      assertFunction(listener, 'listener');
      const signal = watchOptions?.signal;
      assertSignal(signal);
      if (signal?.aborted) return alreadyCleaned();

      // Work started on demand (a hydration) runs before the watcher exists: the watcher's first call,
      // immediate or not, already sees what it wrote, and only once.
      if (demands.size !== 0) demands.listenerAdded(key);
      let entry = entries.get(key);
      if (!entry) {
        entry = newEntry(key);
        entries.set(key, entry);
      }
      const watcher: Watcher = { listener, active: true, source, key, entry };
      entry.watchers.push(watcher);
      entry.told = undefined;
      const cleanup = createCleanup(unwatch, watcher, signal, owned);
      if (observers.active) observers.emit({ type: 'watch', timestamp: Date.now(), key, source });
      if (watchOptions?.immediate) dispatcher.now(callImmediately, watcher, entry);
      return cleanup;
    },

    /** One entry per watcher: its key (for `onDemand`). */
    *listeners(): Iterable<string> {
      for (const [key, entry] of entries) for (const _ of entry.watchers) yield key;
    },

    countApps(count: (app: Source) => void): void {
      for (const entry of entries.values()) for (const watcher of entry.watchers) count(watcher.source);
    },

    inspect(): Pick<BusSnapshot, 'state'> {
      return {
        state: [...entries].map(([key, entry]) => ({
          key,
          value: plugins.shown('state', key, entry.value),
          watchers: entry.watchers.length,
          source: entry.meta.source,
          updatedAt: entry.meta.timestamp || null,
        })),
      };
    },

    clear(): void {
      for (const entry of entries.values()) for (const watcher of entry.watchers) watcher.active = false;
      entries.clear();
    },
  };
}

export type SharedState = ReturnType<typeof createSharedState>;
