import { alreadyCleaned, createCleanup } from '../internal/cleanup';
import type { BusContext } from '../internal/context';
import { deepFreeze } from '../internal/deep-freeze';
import { getOrCreate } from '../internal/get-or-create';
import { assertFunction, assertName, assertSignal } from '../internal/validate';
import type { BusSnapshot, Cleanup, StateListener, WatchOptions } from '../types';

interface Watcher {
  listener: StateListener<unknown>;
  active: boolean;
}

interface Entry {
  value: unknown;
  watchers: Set<Watcher>;
}

interface Change {
  key: string;
  entry: Entry;
  value: unknown;
  previous: unknown;
}

// Module-level, so looking an entry up allocates no factory closure (setState runs it every time).
const newEntry = (): Entry => ({ value: undefined, watchers: new Set() });

export function createSharedState(context: BusContext) {
  const { dispatcher, logger } = context;
  const entries = new Map<string, Entry>();

  function entryOf(key: string): Entry {
    return getOrCreate(entries, key, newEntry);
  }

  function releaseIfUnused(key: string, entry: Entry): void {
    if (entry.value === undefined && entry.watchers.size === 0) entries.delete(key);
  }

  function notify({ key, entry, value, previous }: Change): void {
    for (const watcher of entry.watchers) {
      if (watcher.active) dispatcher.call(watcher.listener, value, previous, 'watcher', key);
    }
  }

  return {
    getState(key: string): unknown {
      assertName(key, 'state key');
      return entries.get(key)?.value;
    },

    setState(key: string, valueOrUpdater: unknown): void {
      context.assertAlive('setState');
      assertName(key, 'state key');
      const entry = entryOf(key);
      const previous = entry.value;
      // The updater runs outside the bus's error isolation on purpose: if it throws, the caller sees it
      // and nothing changes.
      const next =
        typeof valueOrUpdater === 'function' ? (valueOrUpdater as (p: unknown) => unknown)(previous) : valueOrUpdater;
      if (Object.is(next, previous)) {
        releaseIfUnused(key, entry);
        return;
      }
      entry.value = deepFreeze(next);
      if (logger.enabled) logger.log('state', key, { previous, next });
      // The value is stored at once (getState sees it), listeners are told in FIFO order.
      dispatcher.schedule(notify, { key, entry, value: next, previous });
      releaseIfUnused(key, entry);
    },

    watchState(key: string, listener: StateListener<unknown>, watchOptions: WatchOptions = {}): Cleanup {
      context.assertAlive('watchState');
      assertName(key, 'state key');
      assertFunction(listener, 'listener');
      assertSignal(watchOptions.signal);
      if (watchOptions.signal?.aborted) return alreadyCleaned();

      const entry = entryOf(key);
      const watcher: Watcher = { listener, active: true };
      entry.watchers.add(watcher);
      const cleanup = createCleanup(() => {
        watcher.active = false;
        const current = entries.get(key);
        current?.watchers.delete(watcher);
        if (current) releaseIfUnused(key, current);
      }, watchOptions.signal);
      if (watchOptions.immediate) dispatcher.call(listener, entry.value, undefined, 'watcher', key);
      return cleanup;
    },

    inspect(): Pick<BusSnapshot, 'state'> {
      return {
        state: [...entries].map(([key, entry]) => ({ key, value: entry.value, watchers: entry.watchers.size })),
      };
    },

    clear(): void {
      for (const entry of entries.values()) for (const watcher of entry.watchers) watcher.active = false;
      entries.clear();
    },
  };
}

export type SharedState = ReturnType<typeof createSharedState>;
