import type { Cleanup } from '../types';

// Absent in older browsers, where `using` does not exist either.
const DISPOSE: typeof Symbol.dispose | undefined = Symbol.dispose;

/** The cleanups of one scope's registrations, so `dispose()` can run them all. */
export type Owned = Set<() => void>;

/**
 * A cleanup that runs `undo(target)` at most once, also works with `using` (Symbol.dispose) and, given a
 * signal, runs when the signal aborts. Given `owned`, it stays listed there until it runs. Once it ran it
 * lets go of everything (a component may hold its cleanup long after unsubscribing). `undo` is shared by
 * every registration of a kind, so a registration allocates this one closure. Check `signal.aborted` first.
 */
export function createCleanup<T>(undo: (target: T) => void, target: T, signal?: AbortSignal, owned?: Owned): Cleanup {
  let held: T | undefined = target;
  let pending: ((target: T) => void) | undefined = undo;
  // What a cleanup detaches itself from, kept apart: most registrations have neither a signal nor a scope,
  // and a closure over three variables instead of five is 16 B less per registration (64-bit Node).
  let links: { signal: AbortSignal | undefined; owned: Owned | undefined; cleanup: Cleanup } | undefined;
  const cleanup = (() => {
    const run = pending;
    if (!run) return;
    const done = held as T;
    pending = held = undefined;
    if (links) {
      links.signal?.removeEventListener('abort', links.cleanup);
      links.owned?.delete(links.cleanup);
      links = undefined;
    }
    run(done);
  }) as Cleanup;
  if (signal || owned) {
    links = { signal, owned, cleanup };
    signal?.addEventListener('abort', cleanup, { once: true });
    owned?.add(cleanup);
  }
  if (DISPOSE) cleanup[DISPOSE] = cleanup;
  return cleanup;
}

const noop = () => {};
const callIt = (run: () => void) => run();

/**
 * `undo` as a cleanup of the core's kind: callable any number of times, runs `undo` once, works with `using`.
 * For capability packages, so what they hand out behaves as the core's own registrations do.
 */
export const toCleanup = (undo: () => void): Cleanup => createCleanup(callIt, undo);

/** The cleanup handed out for a registration whose signal was already aborted: nothing to undo. */
export const alreadyCleaned = (): Cleanup => createCleanup(noop, undefined);

/** Runs `cleanup` when `signal` aborts; returns a function that detaches it again. */
export function onAbort(signal: AbortSignal | undefined, cleanup: () => void): () => void {
  if (!signal) return noop;
  signal.addEventListener('abort', cleanup, { once: true });
  return () => signal.removeEventListener('abort', cleanup);
}
