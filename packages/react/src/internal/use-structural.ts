import { stableKey } from '@mfe-bus/core';
import { useMemo } from 'react';

/** The key core uses to tell params apart; params core would reject keep their identity as the key. */
function keyOf(value: unknown): unknown {
  try {
    return stableKey(value);
  } catch {
    return value;
  }
}

/**
 * Keeps one identity for request params that core considers equal, so `{ id: 1 }` written as a new
 * literal on every render does not re-run effects (and refetch). Equality is core's own `stableKey`.
 */
export function useStructural<T>(value: T): T {
  const key = keyOf(value);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the value on purpose
  return useMemo(() => value, [key]);
}
