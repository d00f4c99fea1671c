import { createBus } from '@mfe-bus/core';
import { describe, expect, it, vi } from 'vitest';
import { busEvent } from './bus-event';

describe('busEvent', () => {
  it('gives the first subscriber the latest replayed payload in one synchronous call', () => {
    const bus = createBus();
    bus.publish('cart:updated', { count: 1 });
    bus.publish('cart:updated', { count: 2 });
    const run = vi.fn();
    const unsubscribe = busEvent('cart:updated', { bus }).subscribe(run);
    expect(run.mock.calls).toEqual([[{ count: 2 }]]);
    bus.publish('cart:updated', { count: 3 });
    expect(run).toHaveBeenLastCalledWith({ count: 3 });
    unsubscribe();
  });

  it('holds undefined until an event arrives; replay: false ignores older events', () => {
    const bus = createBus();
    bus.publish('cart:updated', { count: 1 });
    const seen: unknown[] = [];
    const unsubscribe = busEvent('cart:updated', { bus, replay: false }).subscribe((p) => seen.push(p));
    expect(seen).toEqual([undefined]);
    bus.publish('cart:updated', { count: 2 });
    expect(seen).toEqual([undefined, { count: 2 }]);
    unsubscribe();
  });

  it('follows patterns', () => {
    const bus = createBus();
    const seen: unknown[] = [];
    const unsubscribe = busEvent('cart:*', { bus }).subscribe((p) => seen.push(p));
    bus.publish('cart:cleared', { reason: 'checkout' });
    expect(seen).toEqual([undefined, { reason: 'checkout' }]);
    unsubscribe();
  });

  it('subscribes to the bus once while it has subscribers; a later subscriber gets the latest payload', () => {
    const bus = createBus({ replayWindowMs: 0 });
    const store = busEvent('cart:updated', { bus });
    const first = store.subscribe(() => {});
    bus.publish('cart:updated', { count: 1 });
    const late = vi.fn();
    const second = store.subscribe(late);
    expect(late).toHaveBeenCalledWith({ count: 1 });
    expect(bus.inspect().counts.subscribers).toBe(1);
    first();
    second();
    expect(bus.inspect().counts.subscribers).toBe(0);
  });

  it('forgets payloads the bus no longer replays once every subscriber has left', () => {
    const bus = createBus({ replayWindowMs: 0 });
    const store = busEvent('cart:updated', { bus });
    const first = store.subscribe(() => {});
    bus.publish('cart:updated', { count: 1 });
    first();
    const run = vi.fn();
    store.subscribe(run)();
    expect(run.mock.calls).toEqual([[undefined]]);
  });
});
