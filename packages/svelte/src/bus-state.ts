import type { StateUpdater, StateValue } from '@mfe-bus/core';
import { readable, type Writable } from 'svelte/store';
import { type BusStoreOptions, busFromContext } from './context';

/**
 * A writable store over one shared state key. It watches the bus only while it has subscribers (`$store`
 * in a component subscribes on mount and unsubscribes on destroy); `set`/`update` call `setState`.
 */
export function busState<Value = unknown, Key extends string = string>(
  key: Key,
  options: BusStoreOptions = {},
): Writable<StateValue<Key, Value> | undefined> {
  type V = StateValue<Key, Value>;
  const bus = busFromContext(options);
  // `immediate` hands the current value to the first subscriber synchronously, as the store contract wants.
  const { subscribe } = readable<V | undefined>(undefined, (set) =>
    bus.watchState<Value, Key>(key, set, { immediate: true }),
  );
  return {
    subscribe,
    set: (value) => bus.setState<Value, Key>(key, value as V),
    update: (updater) => bus.setState<Value, Key>(key, updater as StateUpdater<V>),
  };
}
