import type { Cleanup } from '@mfe-bus/core';

/** Wraps `undo` as the core's `Cleanup`: runs once, also with `using` (Symbol.dispose). */
export function toCleanup(undo: () => void): Cleanup {
  let done = false;
  const cleanup = (() => {
    if (done) return;
    done = true;
    undo();
  }) as Cleanup;
  if (typeof Symbol.dispose === 'symbol') cleanup[Symbol.dispose] = cleanup;
  return cleanup;
}
