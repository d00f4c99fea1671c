import { createBus } from '@mfe-bus/core';
import { describe, expect, it, vi } from 'vitest';
import { mountWithBus } from '../test/mount';
import { usePublish } from './use-publish';

describe('usePublish', () => {
  it('publishes on the injected bus and registers nothing', () => {
    const bus = createBus();
    const handler = vi.fn();
    bus.subscribe('cart:updated', handler);
    const { result: publish, wrapper } = mountWithBus(bus, () => usePublish());
    publish('cart:updated', { count: 7 });
    expect(handler).toHaveBeenCalledWith({ count: 7 }, expect.objectContaining({ replayed: false }));
    wrapper.unmount();
    expect(bus.inspect().counts.subscribers).toBe(1);
  });
});
