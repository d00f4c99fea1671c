import type { StateUpdater, StateValue } from '@mfe-bus/core';
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { useBus } from './bus-context';

/** The stable setter of `useConnecticState`: a value, or an updater of the previous value. */
export type SetConnecticState<Value> = (valueOrUpdater: Value | StateUpdater<Value>) => void;

/**
 * `[value, setValue]` for a shared state key, read through `useSyncExternalStore` (no tearing, server
 * snapshot from the same bus). `setValue` keeps its identity for a given bus and key. With a `selector`
 * the component re-renders only when the selected value changes (`isEqual`, default `Object.is`).
 */
export function useConnecticState<Value = unknown, Key extends string = string>(
  key: Key,
): [StateValue<Key, Value> | undefined, SetConnecticState<StateValue<Key, Value>>];
export function useConnecticState<Selected, Value = unknown, Key extends string = string>(
  key: Key,
  selector: (value: StateValue<Key, Value> | undefined) => Selected,
  isEqual?: (a: Selected, b: Selected) => boolean,
): [Selected, SetConnecticState<StateValue<Key, Value>>];
export function useConnecticState(
  key: string,
  selector: (value: unknown) => unknown = identity,
  isEqual: (a: unknown, b: unknown) => boolean = Object.is,
): [unknown, SetConnecticState<unknown>] {
  const bus = useBus();
  const subscribe = useCallback((onChange: () => void) => bus.watchState(key, onChange), [bus, key]);
  // State values keep their identity until they change, so the selection is memoised on it: React gets
  // the same snapshot back until the selected value really differs.
  const getSnapshot = useMemo(() => {
    let memo: { state: unknown; selected: unknown } | undefined;
    return () => {
      const state = bus.getState(key);
      if (memo && Object.is(memo.state, state)) return memo.selected;
      const selected = selector(state);
      memo = { state, selected: memo && isEqual(memo.selected, selected) ? memo.selected : selected };
      return memo.selected;
    };
  }, [bus, key, selector, isEqual]);
  const value = useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
  const setValue = useCallback<SetConnecticState<unknown>>((next) => bus.setState(key, next), [bus, key]);
  return [value, setValue];
}

const identity = (value: unknown): unknown => value;

/** `useConnecticState` under the name the other bindings use (Vue's `useBusState`): the same function. */
export const useBusState = useConnecticState;
