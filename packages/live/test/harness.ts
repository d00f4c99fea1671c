import { type Bus, type BusRecord, createBus, type ErrorContext } from '@mfe-bus/core';
import { vi } from 'vitest';
import type { LiveStatus } from '../src/types';

/** A bus whose onError and observe records the tests read. */
export function testBus(): { bus: Bus; errors: [unknown, ErrorContext][]; records: BusRecord[] } {
  const errors: [unknown, ErrorContext][] = [];
  const bus = createBus({ replayWindowMs: 0, onError: (error, context) => errors.push([error, context]) });
  const records: BusRecord[] = [];
  bus.observe((record) => records.push(record));
  return { bus, errors, records };
}

/** Lets queued promises (token requests, lock grants, channel messages) run, without moving the clock. */
export const flush = () => vi.advanceTimersByTimeAsync(0);

export const statusOf = (bus: Bus, id = 'test') => bus.getState<LiveStatus>(`live:${id}:status`);
