import type { Bus } from '@mfe-bus/core';

const reads = new WeakMap<Bus, Map<string, Promise<void>>>();

/**
 * Resolves once `key`'s stored value is in the bus. Only asynchronous storages (IndexedDB) need it: until
 * then `bus.getState(key)` is `undefined` (or what the page set meanwhile, which wins). With a synchronous
 * storage, or a key nobody persists, it is resolved already.
 */
export function hydrated(bus: Bus, key: string): Promise<void> {
  return reads.get(bus)?.get(key) ?? Promise.resolve();
}

export function hydrating(bus: Bus, key: string, read: Promise<void>): void {
  const keys = reads.get(bus) ?? new Map<string, Promise<void>>();
  reads.set(bus, keys.set(key, read));
}
