import type { Cleanup } from '../types';

/** The cleanups of one scope's registrations, so `dispose()` can run them all. */
export type Owned = Set<() => void>;

/**
 * Wraps `undo` so it runs at most once, also works with `using` (Symbol.dispose) and, given a signal, runs
 * when the signal aborts (and stops listening to it once run). Given `owned`, it stays listed there until
 * it runs. Check `signal.aborted` before registering.
 */
export function createCleanup(undo: () => void, signal?: AbortSignal, owned?: Owned): Cleanup {
  let done = false;
  const cleanup = (() => {
    if (done) return;
    done = true;
    signal?.removeEventListener('abort', cleanup);
    owned?.delete(cleanup);
    undo();
  }) as Cleanup;
  signal?.addEventListener('abort', cleanup, { once: true });
  owned?.add(cleanup);
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
