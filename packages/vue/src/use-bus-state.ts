import type { StateValue } from '@mfe-bus/core';
import { customRef, type Ref } from 'vue';
import { stopWithScope } from './scope';
import { useBus } from './use-bus';

/** A writable ref over one shared state key, plus `stop()` for use outside a scope. */
export type BusStateRef<Value> = Ref<Value | undefined> & {
  /** Stops watching the bus (called for you when the scope is disposed). */
  stop(): void;
};

/**
 * A ref that reads the shared value of `key` (and re-renders when it changes) and writes with
 * `setState`: `count.value++` updates every app on the page. Values are frozen: assign new ones.
 */
export function useBusState<Value = unknown, Key extends string = string>(
  key: Key,
): BusStateRef<StateValue<Key, Value>> {
  type V = StateValue<Key, Value>;
  const bus = useBus();
  let unwatch = () => {};
  const state = customRef<V | undefined>((track, trigger) => {
    unwatch = bus.watchState<Value, Key>(key, trigger);
    return {
      get() {
        track();
        return bus.getState<Value, Key>(key);
      },
      set(value) {
        bus.setState<Value, Key>(key, value as V);
      },
    };
  });
  return Object.assign(state, { stop: stopWithScope(() => unwatch(), 'useBusState') });
}
