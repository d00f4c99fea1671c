import type { Bus } from '@mfe-bus/core';
import { invalid } from './invalid';

const names = new WeakMap<Bus, Set<string>>();

/**
 * Reserves a bridge's name (its `meta.via`) on `bus`: two bridges of one name could not tell what each carried,
 * so one of them would not forward the other's traffic. Returns what releases it.
 */
export function claimName(bus: Bus, via: string): () => void {
  const taken = names.get(bus) ?? new Set();
  names.set(bus, taken);
  if (taken.has(via)) invalid(`"${via}" is already on this bus: give this bridge its own app`);
  taken.add(via);
  return () => taken.delete(via);
}
