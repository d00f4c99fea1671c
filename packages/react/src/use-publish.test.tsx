import { renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { setupBus } from '../test/bus-wrapper';
import { usePublish } from './use-publish';

describe('usePublish', () => {
  it('publishes on the bus and keeps its identity across renders', () => {
    const { bus, wrapper } = setupBus();
    const handler = vi.fn();
    bus.subscribe('greet', handler);
    const { result, rerender } = renderHook(() => usePublish(), { wrapper });
    const publish = result.current;
    rerender();
    expect(result.current).toBe(publish);
    publish('greet', 'hi');
    expect(handler).toHaveBeenCalledWith('hi', expect.objectContaining({ topic: 'greet', replayed: false }));
    expect(bus.inspect().counts.subscribers).toBe(1);
  });

  it('passes publish options through: { replay: false } is not replayed to a late subscriber', () => {
    const { bus, wrapper } = setupBus();
    const { result } = renderHook(() => usePublish(), { wrapper });
    result.current('token', 'secret', { replay: false });
    const late = vi.fn();
    bus.subscribe('token', late);
    expect(late).not.toHaveBeenCalled();
  });
});
