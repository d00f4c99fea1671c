import { createCleanup } from '../internal/cleanup';
import type { BusRecord } from '../records';
import type { Cleanup } from '../types';

/** The listeners of `bus.observe`. `active` is the one check the hot paths make: no observer, no record built. */
export interface Observers {
  /** A plain field (not a getter), kept up to date on add and remove: the hot paths read it on every call. */
  active: boolean;
  emit(record: BusRecord): void;
  add(listener: (record: BusRecord) => void): Cleanup;
  clear(): void;
}

export function createObservers(fail: (error: unknown) => void): Observers {
  // Replaced, never mutated, so an emit keeps its list while a listener adds or removes one.
  let listeners: readonly ((record: BusRecord) => void)[] = [];
  function remove(listener: (record: BusRecord) => void): void {
    listeners = listeners.filter((item) => item !== listener);
    observers.active = listeners.length !== 0;
  }

  const observers: Observers = {
    active: false,
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
      observers.active = true;
      return createCleanup(remove, listener);
    },
    clear() {
      listeners = [];
      observers.active = false;
    },
  };
  return observers;
}
