import type { Cleanup } from '@mfe-bus/core';

/** A core-style cleanup: runs `undo` once, however often it is called; also works with `using`. */
export function cleanupOf(undo: () => void): Cleanup {
  let done = false;
  const cleanup = (() => {
    if (!done) {
      done = true;
      undo();
    }
  }) as Cleanup;
  if (typeof Symbol.dispose === 'symbol') cleanup[Symbol.dispose] = cleanup;
  return cleanup;
}
