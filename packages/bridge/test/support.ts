import { type Bus, type BusRecord, createBus, type ErrorContext } from '@mfe-bus/core';
import { vi } from 'vitest';

/** A bus whose `onError` calls and `report` records are kept, for "dropped and reported" checks. */
export function testBus() {
  const errors: { error: unknown; context: ErrorContext }[] = [];
  const bus = createBus({ onError: (error, context) => errors.push({ error, context }) });
  const records: BusRecord[] = [];
  bus.observe((record) => records.push(record));
  const reports = () => records.filter((record) => record.type === 'report');
  return { bus, errors, reports };
}

/** Waits for a condition (never for a duration): polls until `check` stops throwing. */
export const until = (check: () => void) => vi.waitFor(check, { timeout: 5000, interval: 5 });

/** Everything `bus` holds, for "nothing left" checks. */
export const holdings = (bus: Bus) => {
  const { counts, apps } = bus.inspect();
  return { counts, apps };
};

export const NOTHING = {
  counts: { subscribers: 0, watchers: 0, providers: 0, pending: 0 },
  apps: [],
};

const pristine = Object.getOwnPropertyDescriptors(Object.prototype);

/** Object.prototype has exactly the properties it had when the tests started, unchanged. */
export function prototypeIsClean(): boolean {
  const now = Object.getOwnPropertyDescriptors(Object.prototype);
  const keys = Reflect.ownKeys(now);
  return (
    keys.length === Reflect.ownKeys(pristine).length &&
    keys.every((key) => {
      const [a, b] = [now[key as string], pristine[key as string]];
      return a?.value === b?.value && a?.get === b?.get && a?.set === b?.set;
    }) &&
    ({} as Record<string, unknown>).polluted === undefined
  );
}

/** Counts what is posted on `port` (a MessagePort or BroadcastChannel end). */
export function countPosts(port: { postMessage(message: unknown): void }) {
  const posted: unknown[] = [];
  const post = port.postMessage.bind(port);
  port.postMessage = (message: unknown) => {
    posted.push(message);
    post(message);
  };
  return posted;
}
