import { createBus } from '@mfe-bus/core';
import { flushSync, tick } from 'svelte';
import { fromStore } from 'svelte/store';
import { describe, expect, it } from 'vitest';
import { busEvent } from './bus-event';
import { busState } from './bus-state';

describe('Svelte 5 runes outside components (.svelte.ts)', () => {
  it('fromStore + $effect subscribe while the effect root lives, and clean up with it', async () => {
    const bus = createBus();
    bus.setState('count', 1);
    const seen: unknown[] = [];
    const destroy = $effect.root(() => {
      const count = fromStore(busState('count', { bus }));
      const cart = fromStore(busEvent('cart:updated', { bus }));
      $effect(() => {
        seen.push([count.current, cart.current?.count]);
      });
    });
    flushSync();
    expect(seen).toEqual([[1, undefined]]);
    expect(bus.inspect().counts).toMatchObject({ watchers: 1, subscribers: 1 });
    bus.setState('count', 2);
    flushSync();
    bus.publish('cart:updated', { count: 7 });
    flushSync();
    expect(seen).toEqual([
      [1, undefined],
      [2, undefined],
      [2, 7],
    ]);
    destroy();
    // fromStore lets go of its subscription a microtask after the last effect reading it is gone.
    await tick();
    expect(bus.inspect().counts).toMatchObject({ watchers: 0, subscribers: 0 });
  });

  it('outside any effect, fromStore(...).current reads the current value without staying subscribed', () => {
    const bus = createBus();
    bus.setState('count', 3);
    const count = fromStore(busState('count', { bus }));
    expect(count.current).toBe(3);
    count.current = 4;
    expect(bus.getState('count')).toBe(4);
    expect(bus.inspect().counts.watchers).toBe(0);
  });
});
