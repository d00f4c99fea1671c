import type { Source } from '@mfe-bus/core';

/** How an app is shown; `null` is a call made on the bus itself, not through a scope. */
export const appName = (source: Source): string => source ?? '(bus)';

/** Local wall-clock time with milliseconds: 14:03:27.120. */
const CLOCK: Intl.DateTimeFormatOptions = {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  fractionalSecondDigits: 3,
  hour12: false,
};
export const clock = (timestamp: number): string => new Date(timestamp).toLocaleTimeString('en-GB', CLOCK);

export const duration = (ms: number): string => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`);

/** JSON text of a value (values here are JSON-able; `undefined` is shown as such). */
export const json = (value: unknown, indent?: number): string =>
  value === undefined ? 'undefined' : JSON.stringify(value, null, indent);

/** One line of JSON, cut at `max` characters. */
export function preview(value: unknown, max = 60): string {
  const text = json(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export const plural = (count: number, word: string, words = `${word}s`): string =>
  `${count} ${count === 1 ? word : words}`;
