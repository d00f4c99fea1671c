import type { RetryOptions } from './types';

/**
 * How long to wait before attempt `attempt` (1 for the first retry): doubling from `minDelayMs` up to
 * `maxDelayMs`, then a random point in its upper half, so a server restart is not met by every client at
 * once and no wait is shorter than half the schedule.
 */
export function backoffDelay(attempt: number, { minDelayMs = 500, maxDelayMs = 30_000 }: RetryOptions): number {
  const delay = Math.min(maxDelayMs, minDelayMs * 2 ** (attempt - 1));
  return delay / 2 + (Math.random() * delay) / 2;
}
