import type { Cleanup } from '../types';

/**
 * Wraps `undo` so it runs at most once, also works with `using` (Symbol.dispose) and, given a signal, runs
 * when the signal aborts (and stops listening to it once run). Check `signal.aborted` before registering.
 */
export function createCleanup(undo: () => void, signal?: AbortSignal): Cleanup {
  let done = false;
  const cleanup = (() => {
    if (done) return;
    done = true;
    signal?.removeEventListener('abort', cleanup);
    undo();
  }) as Cleanup;
  signal?.addEventListener('abort', cleanup, { once: true });
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
