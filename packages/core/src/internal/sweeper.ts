/** Sweeps run at most this often, so a busy bus does not pay for a timer per expiry. */
export const SWEEP_INTERVAL_MS = 1000;

export interface Sweeper {
  /** Makes sure a sweep runs at `expiry` (`Date.now()` time) or, if one ran lately, soon after. */
  schedule(expiry: number): void;
  stop(): void;
}

/**
 * One timer that drops what expired (replayed events, cached results) even when nobody touches the bus
 * again. `sweep(now)` returns when the next entry expires (Infinity: nothing left, and no timer stays).
 * The timer is unref'd, so it never keeps a Node process (a server rendering pages) alive.
 */
export function createSweeper(sweep: (now: number) => number): Sweeper {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dueAt = Number.POSITIVE_INFINITY;
  let lastSweep = Number.NEGATIVE_INFINITY;

  function run(): void {
    timer = undefined;
    dueAt = Number.POSITIVE_INFINITY;
    lastSweep = Date.now();
    const next = sweep(lastSweep);
    if (next < Number.POSITIVE_INFINITY) arm(next);
  }

  function arm(expiry: number): void {
    const at = Math.max(expiry, lastSweep + SWEEP_INTERVAL_MS);
    if (at >= dueAt) return;
    clearTimeout(timer);
    dueAt = at;
    timer = setTimeout(run, Math.max(0, at - Date.now()));
    (timer as { unref?: () => void }).unref?.();
  }

  return {
    schedule: arm,
    stop() {
      clearTimeout(timer);
      timer = undefined;
      dueAt = Number.POSITIVE_INFINITY;
    },
  };
}
