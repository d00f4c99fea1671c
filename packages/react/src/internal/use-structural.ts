import { useState } from 'react';
import { deepEqual } from './deep-equal';

/**
 * Returns the first of a run of structurally equal values, so `{ id: 1 }` written as a new literal on
 * every render keeps one identity (and effects depending on it do not re-run). Uses a render-phase
 * state update rather than a ref write, so a render React discards leaves nothing behind.
 */
export function useStructural<T>(value: T): T {
  const [kept, setKept] = useState(() => value);
  if (kept === value || deepEqual(kept, value)) return kept;
  setKept(() => value);
  return value;
}
