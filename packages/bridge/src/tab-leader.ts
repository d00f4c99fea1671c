import { type Cleanup, toCleanup } from '@mfe-bus/core';

/**
 * Runs `work` while this page holds the Web Lock `lockName`: one tab at a time, the next waiting one when it
 * closes. `signal` aborts when this page stops leading (the returned cleanup). Without Web Locks, `work` runs
 * at once: every tab leads.
 */
export function lead(lockName: string, work: (signal: AbortSignal) => void): Cleanup {
  const controller = new AbortController();
  const { signal } = controller;
  const locks = globalThis.navigator?.locks;
  if (!locks) work(signal);
  else {
    locks
      .request(lockName, { signal }, () => {
        work(signal);
        // Held until this page stops leading.
        return new Promise((resolve) => signal.addEventListener('abort', resolve));
      })
      .catch((error: unknown) => {
        // Stopped while waiting for the lock: the request rejects with the signal's reason.
        if (!signal.aborted) throw error;
      });
  }
  return toCleanup(() => controller.abort());
}
