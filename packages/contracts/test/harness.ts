import { type Bus, type BusRecord, createBus, type ErrorContext } from '@mfe-bus/core';
import { vi } from 'vitest';

/** A fresh bus whose `onError` calls and `observe` records the test can read. */
export function watchedBus(): { bus: Bus; errors: [unknown, ErrorContext][]; records: BusRecord[] } {
  const errors: [unknown, ErrorContext][] = [];
  const records: BusRecord[] = [];
  const bus = createBus({ replayWindowMs: 60_000, onError: (error, context) => errors.push([error, context]) });
  bus.observe((record) => records.push(record));
  return { bus, errors, records };
}

/** The `report` records of one kind (`violation`, `deprecation`). */
export const reportsOf = (records: BusRecord[], report: string) =>
  records.filter((record) => record.type === 'report' && record.report === report);

/** What `fn` throws (fails the test when it does not throw). */
export function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

export const handler = () => vi.fn<(payload: unknown) => void>();
