import { createBus, getBus } from '@mfe-bus/core';
import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setupBus } from '../test/bus-wrapper';
import { useBus } from './bus-context';

describe('BusProvider / useBus', () => {
  it('hands the given bus to the subtree', () => {
    const { bus, wrapper } = setupBus();
    const { result } = renderHook(() => useBus(), { wrapper });
    expect(result.current).toBe(bus);
  });

  it('falls back to the page-wide bus without a provider', () => {
    const { result } = renderHook(() => useBus());
    expect(result.current).toBe(getBus());
    expect(result.current).not.toBe(createBus());
  });
});
