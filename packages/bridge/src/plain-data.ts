import type { Source } from '@mfe-bus/core';

export const isName = (value: unknown): value is string => typeof value === 'string' && value !== '';

export const isSource = (value: unknown): value is Source => value === null || isName(value);

export const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

/** An id for a bridge instance or a tab: it only tells peers apart, it is no secret. */
export const randomId = () => Math.random().toString(36).slice(2);
