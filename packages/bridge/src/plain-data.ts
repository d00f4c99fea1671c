import type { Source } from '@mfe-bus/core';

export const isName = (value: unknown): value is string => typeof value === 'string' && value !== '';

export const isSource = (value: unknown): value is Source => value === null || isName(value);

export const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

let made = 0;

/**
 * An id for a bridge instance or a tab, no secret. Ids sort by creation time (the older bridge wins a tie of the
 * logical clock, see state-clock.ts), in one page by creation order, then a random part tells apart bridges
 * made in one millisecond in different pages.
 */
export const bridgeId = () =>
  Date.now().toString(36).padStart(9, '0') +
  (made++).toString(36).padStart(4, '0') +
  Math.random().toString(36).slice(2);
