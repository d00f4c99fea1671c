import { alreadyCleaned, createCleanup, type Owned } from '../internal/cleanup';
import type { BusContext } from '../internal/context';
import { deepFreeze } from '../internal/deep-freeze';
import { assertFunction, assertName, assertSignal } from '../internal/validate';
import type { BusSnapshot, Cleanup, Source, StateListener, StateMeta, WatchOptions } from '../types';

interface Watcher {
  /** Bus-wide order: a change is told to the watchers that existed when it was written. */
  id: number;
  listener: StateListener<unknown>;
  active: boolean;
  source: Source;
}

interface Entry {
  value: unknown;
  watchers: Set<Watcher>;
  /** The last write's app and time. */
  meta: StateMeta;
}

interface Change {
  entry: Entry;
  value: unknown;
  previous: unknown;
  meta: StateMeta;
  lastWatcher: number;
}

export function createSharedState(context: BusContext) {
  const { dispatcher, observers, plugins, demands } = context;
  const entries = new Map<string, Entry>();
  let watcherId = 0;

  const newEntry = (key: string): Entry => ({
    value: undefined,
    watchers: new Set(),
    meta: { key, source: null, timestamp: 0 },
  });

  function releaseIfUnused(key: string, entry: Entry): void {
    if (entry.value === undefined && entry.watchers.size === 0 && entries.get(key) === entry) entries.delete(key);
  }

  function notify({ entry, value, previous, meta, lastWatcher }: Change): void {
    for (const watcher of entry.watchers) {
      if (watcher.active && watcher.id <= lastWatcher) {
        dispatcher.call(watcher.listener, value, previous, meta, 'watcher', meta.key, watcher.source);
      }
    }
  }

  function callImmediately({ watcher, entry }: { watcher: Watcher; entry: Entry }): void {
    if (!watcher.active) return;
    dispatcher.call(watcher.listener, entry.value, undefined, entry.meta, 'watcher', entry.meta.key, watcher.source);
  }

  return {
    getState(key: string): unknown {
      context.assertAlive('getState');
      assertName(key, 'state key');
      return entries.get(key)?.value;
    },

    setState(key: string, valueOrUpdater: unknown, source: Source): void {
      context.assertAlive('setState');
      assertName(key, 'state key');
      const existing = entries.get(key);
      const previous = existing?.value;
      // The updater, the plugins and the freeze run before anything is stored: if one of them throws, the
      // caller sees it and nothing changes.
      let next =
        typeof valueOrUpdater === 'function' ? (valueOrUpdater as (p: unknown) => unknown)(previous) : valueOrUpdater;
      if (plugins.list.length !== 0) {
        next = plugins.pipe('setState', key, source, next, (plugin, value) =>
          plugin.setState?.(key, value, previous, { source }),
        );
      }
      if (Object.is(next, previous)) return;
      deepFreeze(next);
      const entry = existing ?? newEntry(key);
      if (!existing) entries.set(key, entry);
      const meta: StateMeta = { key, source, timestamp: Date.now() };
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
        });
      }
      // The value is stored at once (getState sees it), watchers are told in FIFO order.
      dispatcher.schedule(notify, { entry, value: next, previous, meta, lastWatcher: watcherId });
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
      assertSignal(watchOptions?.signal);
      if (watchOptions?.signal?.aborted) return alreadyCleaned();

      // Work started on demand (a hydration) runs before the watcher exists: the watcher's first call,
      // immediate or not, already sees what it wrote, and only once.
      if (demands.size !== 0) demands.listenerAdded(key);
      let entry = entries.get(key);
      if (!entry) {
        entry = newEntry(key);
        entries.set(key, entry);
      }
      const watcher: Watcher = { id: ++watcherId, listener, active: true, source };
      const watched = entry;
      watched.watchers.add(watcher);
      const cleanup = createCleanup(
        () => {
          watcher.active = false;
          if (!watched.watchers.delete(watcher)) return;
          if (observers.active) observers.emit({ type: 'unwatch', timestamp: Date.now(), key, source });
          if (demands.size !== 0) demands.listenerRemoved(key);
          releaseIfUnused(key, watched);
        },
        watchOptions?.signal,
        owned,
      );
      if (observers.active) observers.emit({ type: 'watch', timestamp: Date.now(), key, source });
      if (watchOptions?.immediate) dispatcher.now(callImmediately, { watcher, entry: watched });
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
          watchers: entry.watchers.size,
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
