import { afterEach, describe, expect, it, vi } from 'vitest';
import { backoffDelay } from './backoff';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('backoffDelay', () => {
  it('doubles from minDelayMs up to maxDelayMs, jittered within the upper half of each step', () => {
    const retry = { minDelayMs: 100, maxDelayMs: 1000 };
    vi.spyOn(Math, 'random').mockReturnValue(0);
    expect([1, 2, 3, 4, 5, 6].map((attempt) => backoffDelay(attempt, retry))).toEqual([50, 100, 200, 400, 500, 500]);
    vi.spyOn(Math, 'random').mockReturnValue(0.999_999);
    expect([1, 2, 3, 4, 5, 6].map((attempt) => Math.round(backoffDelay(attempt, retry)))).toEqual([
      100, 200, 400, 800, 1000, 1000,
    ]);
  });

  it('defaults to 500 ms doubling up to 30 s', () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    expect(backoffDelay(1, {})).toBe(250);
    expect(backoffDelay(20, {})).toBe(15_000);
  });
});
