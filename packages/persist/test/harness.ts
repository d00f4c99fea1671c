import { type Bus, type BusRecord, createBus, type ErrorContext } from '@mfe-bus/core';
import type { PersistStorage } from '../src/types';

/** A bus whose onError and observe records the tests read. */
export function testBus(): { bus: Bus; errors: [unknown, ErrorContext][]; reports: () => string[] } {
  const errors: [unknown, ErrorContext][] = [];
  const bus = createBus({ onError: (error, context) => errors.push([error, context]) });
  const records: BusRecord[] = [];
  bus.observe((record) => records.push(record));
  const reports = () => records.flatMap((record) => (record.type === 'report' ? [record.report] : []));
  return { bus, errors, reports };
}

/** What `mfe-bus:<key>` holds in `storage`, parsed. */
export const storedIn = (storage: Storage, key: string): unknown =>
  JSON.parse(storage.getItem(`mfe-bus:${key}`) ?? 'null');

export const record = (value: unknown, v = 1, at = Date.now()) => JSON.stringify({ v, at, value });

/** A storage full to the brim: every write throws the browser's QuotaExceededError. */
export function fullStorage(contents: Record<string, string> = {}): PersistStorage & { writes: number } {
  const items = new Map(Object.entries(contents));
  return {
    writes: 0,
    getItem: (name) => items.get(name) ?? null,
    setItem() {
      this.writes++;
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    },
    removeItem: (name) => void items.delete(name),
  };
}
