import { ZERO_COUNTS } from '@mfe-bus/test-utils';
import { renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { setupBus, spyOnBus } from '../test/bus-wrapper';
import { useProvide } from './use-provide';

describe('useProvide', () => {
  it('answers requests while mounted and unregisters on unmount', async () => {
    const { bus, wrapper } = setupBus();
    const { unmount } = renderHook(() => useProvide<number, { n: number }>('double', ({ n }) => n * 2), { wrapper });
    expect(bus.inspect().counts.providers).toBe(1);
    await expect(bus.request('double', { n: 4 })).resolves.toBe(8);
    unmount();
    expect(bus.inspect().counts).toEqual(ZERO_COUNTS);
  });

  it('always calls the latest handler, without registering again', async () => {
    const { bus, spy: provide, wrapper } = spyOnBus(setupBus().bus, 'provide');
    const { rerender } = renderHook(({ answer }) => useProvide('answer', () => answer), {
      wrapper,
      initialProps: { answer: 1 },
    });
    rerender({ answer: 2 });
    expect(provide).toHaveBeenCalledTimes(1);
    await expect(bus.request('answer')).resolves.toBe(2);
  });

  it('passes ttlMs through to the core cache', async () => {
    const { bus, wrapper } = setupBus();
    const handler = vi.fn(() => 'value');
    renderHook(() => useProvide('cached', handler, { ttlMs: 60_000 }), { wrapper });
    await bus.request('cached');
    await bus.request('cached');
    expect(handler).toHaveBeenCalledTimes(1);
    expect(bus.inspect().cache).toHaveLength(1);
  });

  it('StrictMode double mounting registers one provider', async () => {
    const { bus, wrapper, spy } = spyOnBus(setupBus().bus, 'provide');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { unmount } = renderHook(() => useProvide('x', () => 'x'), { wrapper, reactStrictMode: true });
    expect(spy).toHaveBeenCalledTimes(2); // StrictMode did register twice
    expect(bus.inspect().providers).toEqual([{ key: 'x', registered: 1, ttlMs: 0, app: null }]);
    expect(warn).not.toHaveBeenCalled();
    await expect(bus.request('x')).resolves.toBe('x');
    unmount();
    expect(bus.inspect().counts).toEqual(ZERO_COUNTS);
    warn.mockRestore();
  });
});
