import { expect } from 'vitest';
import { NOTHING_REGISTERED } from '../support/counts';
import { isDeepFrozen } from '../support/deep-frozen';
import type { StateModel } from './state-model';
import type { StateReal } from './state-real';
import { STATE_KEYS, type StateEntry } from './vocabulary';

/** After every command: same calls in the same order, same values (by identity), same counts. */
export function expectStateAgreement(model: StateModel, real: StateReal): void {
  const expected = model.takeLog();
  expect(withoutImmediateMeta(real.takeLog(), expected), 'watcher calls, deliveries, errors').toEqual(expected);
  const snapshot = real.bus.inspect();
  for (const key of STATE_KEYS) {
    const value = model.valueOf(key);
    expect(real.bus.getState(key), `getState(${key})`).toBe(value);
    expect(isDeepFrozen(real.bus.getState(key)), `getState(${key}) is deep-frozen`).toBe(true);
    const entry = snapshot.state.find((candidate) => candidate.key === key);
    const watchers = model.watchersOf(key);
    if (value === undefined && watchers === 0) expect(entry, `inspect().state of never-set ${key}`).toBeUndefined();
    else expect(entry?.watchers, `inspect().state watchers of ${key}`).toBe(watchers);
  }
  expect(snapshot.counts, 'inspect().counts').toEqual({
    ...NOTHING_REGISTERED,
    subscribers: model.activeSubscribers,
    watchers: model.activeWatchers,
  });
}

/** The spec does not say what meta the immediate call gets: where the model expects one, meta is not compared. */
function withoutImmediateMeta(real: StateEntry[], expected: StateEntry[]): StateEntry[] {
  return real.map((entry, index) => {
    const counterpart = expected[index];
    if (entry.type !== 'watcher' || counterpart?.type !== 'watcher' || !counterpart.immediate) return entry;
    const { watcher, value, previous } = entry;
    return { type: 'watcher', watcher, value, previous, immediate: true };
  });
}
