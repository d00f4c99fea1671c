import type { Bus, RequestOptions } from '@mfe-bus/core';
import { deepEqual } from './deep-equal';

/** How long a settled answer stays for suspended renders to come back to it before nobody holds it. */
const RETRY_GRACE_MS = 1_000;

export interface SuspenseEntry {
  readonly promise: Promise<unknown>;
  /** Mounted components showing this answer; the entry is dropped once none are left. */
  users: number;
}

interface Slot extends SuspenseEntry {
  params: unknown;
}

const byBus = new WeakMap<Bus, Map<string, Slot[]>>();

/**
 * The one promise per bus, key and params (by value) that suspending renders share, so React's retry
 * after the promise settles finds the same promise instead of asking again. The request itself (dedupe,
 * cache, timeout) is the core's `request()`.
 */
export function suspenseEntry(bus: Bus, key: string, params: unknown, options: RequestOptions): SuspenseEntry {
  let forBus = byBus.get(bus);
  if (!forBus) {
    forBus = new Map();
    byBus.set(bus, forBus);
  }
  const slots = forBus.get(key) ?? [];
  const found = slots.find((slot) => deepEqual(slot.params, params));
  if (found) return found;
  const slot: Slot = { params, users: 0, promise: bus.request(key, params, options) };
  slots.push(slot);
  forBus.set(key, slots);
  const releaseLater = () => releaseWhenUnused(bus, key, slot);
  slot.promise.then(releaseLater, releaseLater);
  return slot;
}

/** Drops `entry` after a grace period unless a mounted component holds it by then. */
export function releaseWhenUnused(bus: Bus, key: string, entry: SuspenseEntry): void {
  setTimeout(() => {
    if (entry.users > 0) return;
    const slots = byBus.get(bus)?.get(key);
    const index = slots?.indexOf(entry as Slot) ?? -1;
    if (!slots || index === -1) return;
    slots.splice(index, 1);
    if (slots.length === 0) byBus.get(bus)?.delete(key);
  }, RETRY_GRACE_MS);
}
