import { vi } from 'vitest';

/** Every model starts at this time; a multiple of 10 like every step, see the request model's timings. */
export const START_TIME = 1_000_000;

/**
 * Fakes timers and `Date` for one command sequence. `setImmediate` and microtasks stay real, so
 * `flushMicrotasks` can let promise chains of any length settle without moving the clock.
 */
export function installModelClock(): void {
  vi.useFakeTimers({ now: START_TIME, toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
}

export function removeModelClock(): void {
  vi.useRealTimers();
}

export function flushMicrotasks(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
