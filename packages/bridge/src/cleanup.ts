import type { Cleanup } from '@mfe-bus/core';

/** Wraps `run` as a core `Cleanup` (callable, and disposable with `using`). */
export function toCleanup(run: () => void): Cleanup {
  const cleanup = (() => run()) as Cleanup;
  if (typeof Symbol.dispose === 'symbol') cleanup[Symbol.dispose] = cleanup;
  return cleanup;
}
