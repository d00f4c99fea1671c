import { createCleanup } from '../internal/cleanup';
import type { BusRecord } from '../records';
import type { Cleanup } from '../types';

/** The listeners of `bus.observe`. `active` is the one check the hot paths make: no observer, no record built. */
export interface Observers {
  readonly active: boolean;
  emit(record: BusRecord): void;
  add(listener: (record: BusRecord) => void): Cleanup;
  clear(): void;
}

export function createObservers(fail: (error: unknown) => void): Observers {
  // Replaced, never mutated, so an emit keeps its list while a listener adds or removes one.
  let listeners: readonly ((record: BusRecord) => void)[] = [];
  return {
    get active() {
      return listeners.length !== 0;
    },
    emit(record) {
      for (const listener of listeners) {
        try {
          listener(record);
        } catch (error) {
          fail(error);
        }
      }
    },
    add(listener) {
      listeners = [...listeners, listener];
      return createCleanup(() => {
        listeners = listeners.filter((item) => item !== listener);
      });
    },
    clear() {
      listeners = [];
    },
  };
}
