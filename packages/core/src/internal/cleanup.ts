import type { Cleanup } from '../types';

/** Wraps `undo` so it runs at most once and also works with `using` (Symbol.dispose). */
export function createCleanup(undo: () => void): Cleanup {
  let done = false;
  const cleanup = (() => {
    if (done) return;
    done = true;
    undo();
  }) as Cleanup;
  if (typeof Symbol.dispose === 'symbol') cleanup[Symbol.dispose] = cleanup;
  return cleanup;
}

/** The cleanup handed out for a registration whose signal was already aborted: nothing to undo. */
export const alreadyCleaned = (): Cleanup => createCleanup(() => {});

const noop = () => {};

/** Runs `cleanup` when `signal` aborts; returns a function that detaches it again. */
export function onAbort(signal: AbortSignal | undefined, cleanup: () => void): () => void {
  if (!signal) return noop;
  signal.addEventListener('abort', cleanup, { once: true });
  return () => signal.removeEventListener('abort', cleanup);
}
