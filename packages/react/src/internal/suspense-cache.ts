import { type BusApi, type RequestOptions, stableKey } from '@mfe-bus/core';

/** How long a settled answer stays for suspended renders to come back to it before nobody holds it. */
const RETRY_GRACE_MS = 1_000;

export interface SuspenseEntry {
  readonly promise: Promise<unknown>;
  /** Mounted components showing this answer; the entry is dropped once none are left. */
  users: number;
}

interface Slot extends SuspenseEntry {
  id: string;
}

const byBus = new WeakMap<BusApi, Map<string, Slot>>();

/**
 * The one promise per bus, key and params (equal as core compares them) that suspending renders share,
 * so React's retry after the promise settles finds the same promise instead of asking again. The request
 * itself (dedupe, cache, timeout) is the core's `request()`.
 */
export function suspenseEntry(bus: BusApi, key: string, params: unknown, options: RequestOptions): SuspenseEntry {
  let slots = byBus.get(bus);
  if (!slots) {
    slots = new Map();
    byBus.set(bus, slots);
  }
  let id: string;
  try {
    id = JSON.stringify([key, stableKey(params)]);
  } catch (error) {
    // Params core cannot key (a cycle, a function): the request would reject with the same error.
    return { promise: Promise.reject(error), users: 0 };
  }
  const found = slots.get(id);
  if (found) return found;
  const slot: Slot = { id, users: 0, promise: bus.request(key, params, options) };
  slots.set(id, slot);
  const releaseLater = () => releaseWhenUnused(bus, slot);
  slot.promise.then(releaseLater, releaseLater);
  return slot;
}

/** Drops `entry` after a grace period unless a mounted component holds it by then. */
export function releaseWhenUnused(bus: BusApi, entry: SuspenseEntry): void {
  setTimeout(() => {
    if (entry.users > 0) return;
    const slots = byBus.get(bus);
    const { id } = entry as Slot;
    if (slots?.get(id) === entry) slots.delete(id);
  }, RETRY_GRACE_MS);
}
