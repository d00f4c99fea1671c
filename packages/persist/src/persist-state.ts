import { type Bus, type Cleanup, type StateValue, toCleanup } from '@mfe-bus/core';
import { hydrating } from './hydrated';
import { claim, release } from './owner';
import { report } from './report';
import { isThenable, storageOf } from './storage';
import { decode, encode } from './stored-record';
import type { PersistOptions, PersistStorage } from './types';
import { writeQueue } from './write-queue';

/** `adopted` before anything was: never equal to a value of the bus. */
const NOTHING = Symbol('nothing');

const preferCurrent = (stored: unknown, current: unknown) => (current === undefined ? stored : current);

/**
 * Keeps state `key` in a storage under `mfe-bus:<key>`: hydrates it at once (before any watcher registered
 * later runs), writes changes back (debounced), and follows other tabs' writes. What goes wrong (blocked
 * storage, quota, an unreadable value) is reported once per kind and never stops the bus. Returns what stops
 * persisting (a waiting write is flushed).
 */
export function persistState<Value = unknown, Key extends string = string>(
  bus: Bus,
  key: Key,
  options: PersistOptions<StateValue<Key, Value>> = {},
): Cleanup {
  const { storage: choice = 'local', version = 1, select, debounceMs = 250, app = null } = options;
  const merge = (options.merge ?? preferCurrent) as (stored: unknown, current: unknown) => unknown;
  const name = `mfe-bus:${key}`;
  const told = new Set<string>();
  const tell = (error: unknown, kind: string) => {
    if (!told.has(kind)) report(bus, error, { report: kind, name: key, source: app });
    told.add(kind);
  };

  const refusal = claim(bus, key, app);
  if (refusal) {
    tell(new Error(refusal), 'persist-refused');
    return toCleanup(() => {});
  }
  let storage: PersistStorage;
  try {
    storage = storageOf(choice);
  } catch (error) {
    tell(error, 'storage-unavailable');
    return toCleanup(() => release(bus, key));
  }

  const writer = app === null ? bus : bus.scope(app);
  /** What this module last put into the bus, which its own watcher must not write back. */
  let adopted: unknown = NOTHING;
  let adopting = false;

  const failed = (error: unknown) =>
    tell(error, (error as Error | null)?.name === 'QuotaExceededError' ? 'quota-exceeded' : 'storage-unavailable');
  /** Runs a storage call (synchronous or not); a failure keeps the value in memory and is reported. */
  const call = (run: () => unknown) => {
    try {
      Promise.resolve(run()).catch(failed);
    } catch (error) {
      failed(error);
    }
  };
  /**
   * The JSON of what the storage holds for the key. Writing or adopting the same again is skipped: tabs that
   * also share the key another way (a tab bridge) would otherwise echo each other's writes for ever.
   */
  let storedJson: string | undefined;
  const save = () => {
    const value = bus.getState(key);
    const kept = value === undefined || !select ? value : select(value as StateValue<Key, Value>);
    const json = JSON.stringify(kept);
    if (json === storedJson) return;
    storedJson = json;
    call(() => (kept === undefined ? storage.removeItem(name) : storage.setItem(name, encode(kept, version))));
  };

  /** Puts what `text` holds into the bus: at hydration merged with what memory holds, from another tab as is. */
  function adopt(text: string | null, hydration: boolean): void {
    let rewrite = false;
    try {
      const decoded = decode(text, options);
      if (!decoded && hydration) {
        // Nothing stored, or expired (removed): the storage follows what memory holds.
        if (text !== null) call(() => storage.removeItem(name));
        if (bus.getState(key) !== undefined) save();
        return;
      }
      const stored = decoded?.value;
      const json = JSON.stringify(stored);
      if (!hydration && json === storedJson) return;
      // Migrated, the storage holds the old shape: written back at once, so migrations never run twice.
      storedJson = decoded?.rewrite ? undefined : json;
      const next = hydration ? merge(stored, bus.getState(key)) : stored;
      // Migrated, or memory won: what the bus holds now is what to keep.
      rewrite = hydration && (decoded?.rewrite === true || !Object.is(next, stored));
      adopting = true;
      writer.setState<unknown, string>(key, () => next);
      adopted = bus.getState(key);
    } catch (error) {
      // Unreadable, or refused by the key's contract: dropped, never a crash.
      if (hydration) call(() => storage.removeItem(name));
      tell(error, 'invalid-stored-value');
      return;
    } finally {
      adopting = false;
    }
    if (rewrite) save();
  }

  let text: ReturnType<PersistStorage['getItem']> = null;
  try {
    text = storage.getItem(name);
  } catch (error) {
    failed(error);
  }
  if (isThenable(text)) {
    hydrating(
      bus,
      key,
      Promise.resolve(text).then((read) => adopt(read, true), failed),
    );
  } else adopt(text, true);

  const queue = writeQueue(save, debounceMs);
  const unwatch = writer.watchState(key, (value) => {
    if (!adopting && !Object.is(value, adopted)) queue.schedule();
  });
  const onStorage = (event: StorageEvent) => {
    if (event.key === name && event.storageArea === storage) adopt(event.newValue, false);
  };
  globalThis.addEventListener?.('storage', onStorage);

  return toCleanup(() => {
    queue.stop();
    unwatch();
    globalThis.removeEventListener?.('storage', onStorage);
    release(bus, key);
  });
}
