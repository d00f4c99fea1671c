import { createBus } from '@mfe-bus/core';
import { get } from 'svelte/store';
import { describe, expect, it } from 'vitest';
import { busState } from './bus-state';

describe('busState', () => {
  it('calls a subscriber at once and synchronously with the current value, then on each change', () => {
    const bus = createBus();
    bus.setState('count', 1);
    const store = busState('count', { bus });
    const seen: (number | undefined)[] = [];
    const unsubscribe = store.subscribe((value) => seen.push(value));
    expect(seen).toEqual([1]);
    bus.setState('count', 2);
    expect(seen).toEqual([1, 2]);
    unsubscribe();
  });

  it('watches the bus only while it has subscribers', () => {
    const bus = createBus();
    const store = busState('count', { bus });
    expect(bus.inspect().counts.watchers).toBe(0);
    const first = store.subscribe(() => {});
    const second = store.subscribe(() => {});
    expect(bus.inspect().counts.watchers).toBe(1);
    first();
    expect(bus.inspect().counts.watchers).toBe(1);
    second();
    expect(bus.inspect().counts.watchers).toBe(0);
  });

  it('a late subscriber (or a re-subscription) gets the current state, even if it changed meanwhile', () => {
    const bus = createBus();
    const store = busState('count', { bus });
    store.subscribe(() => {})();
    bus.setState('count', 5);
    const seen: (number | undefined)[] = [];
    const unsubscribe = store.subscribe((value) => seen.push(value));
    expect(seen).toEqual([5]);
    unsubscribe();
    expect(get(store)).toBe(5);
  });

  it('set and update write through setState; the value is the frozen stored one', () => {
    const bus = createBus();
    const count = busState('count', { bus });
    count.set(1);
    count.update((n) => (n ?? 0) + 10);
    expect(bus.getState('count')).toBe(11);
    const user = busState('user', { bus });
    user.set({ id: 'u1', name: 'Ada' });
    expect(get(user)).toBe(bus.getState('user'));
    expect(Object.isFrozen(get(user))).toBe(true);
    expect(bus.inspect().counts.watchers).toBe(0);
  });
});
