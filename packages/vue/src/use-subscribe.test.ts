import { createBus, type EventMeta } from '@mfe-bus/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { effectScope } from 'vue';
import { inApp, mountWithBus } from '../test/mount';
import { useSubscribe } from './use-subscribe';

afterEach(() => vi.restoreAllMocks());

describe('useSubscribe', () => {
  it('late mount receives replayed events, then live ones, in order', () => {
    const bus = createBus();
    bus.publish('cart:updated', { count: 1 });
    const seen: [number, boolean][] = [];
    mountWithBus(bus, () => useSubscribe('cart:updated', (p, meta) => seen.push([p.count, meta.replayed])));
    bus.publish('cart:updated', { count: 2 });
    expect(seen).toEqual([
      [1, true],
      [2, false],
    ]);
  });

  it('passes options through (replay: false) and supports patterns', () => {
    const bus = createBus();
    bus.publish('cart:updated', { count: 1 });
    const topics: string[] = [];
    mountWithBus(bus, () =>
      useSubscribe('cart:*', (_p, meta: EventMeta) => topics.push(meta.topic), { replay: false }),
    );
    bus.publish('cart:cleared', { reason: 'checkout' });
    expect(topics).toEqual(['cart:cleared']);
  });

  it('unmount leaves no subscriber and no more calls', () => {
    const bus = createBus();
    const handler = vi.fn();
    const { wrapper } = mountWithBus(bus, () => {
      useSubscribe('cart:updated', handler);
      useSubscribe('*', handler);
    });
    expect(bus.inspect().counts.subscribers).toBe(2);
    wrapper.unmount();
    expect(bus.inspect().counts.subscribers).toBe(0);
    bus.publish('cart:updated', { count: 1 });
    expect(handler).not.toHaveBeenCalled();
  });

  it('effectScope().stop() unsubscribes', () => {
    const bus = createBus();
    const scope = effectScope();
    inApp(bus, () => scope.run(() => useSubscribe('cart:updated', () => {})));
    expect(bus.inspect().counts.subscribers).toBe(1);
    scope.stop();
    expect(bus.inspect().counts.subscribers).toBe(0);
  });

  it('outside a scope it warns and the returned handle unsubscribes', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const bus = createBus();
    const stop = inApp(bus, () => useSubscribe('cart:updated', () => {}));
    expect(warn).toHaveBeenCalledOnce();
    expect(bus.inspect().counts.subscribers).toBe(1);
    stop();
    expect(bus.inspect().counts.subscribers).toBe(0);
  });
});
