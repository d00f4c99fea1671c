import { createBus } from '@mfe-bus/core';
import { manualProvider, ZERO_COUNTS } from '@mfe-bus/test-utils';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { flushSync, tick } from 'svelte';
import { describe, expect, it } from 'vitest';
import BusCounter from '../test/BusCounter.svelte';
import LegacyPermissions from '../test/LegacyPermissions.svelte';
import RunesProfile from '../test/RunesProfile.svelte';

const text = (id: string) => screen.getByTestId(id).textContent;

describe('compiled Svelte 5 components', () => {
  it('$store: a late-mounting component sees the current state and the replayed event', () => {
    const bus = createBus();
    bus.setState('count', 41);
    bus.publish('cart:updated', { count: 3 });
    render(BusCounter, { props: { bus } });
    expect(text('count')).toBe('41');
    expect(text('cart')).toBe('3');
  });

  it('$store follows the bus; set from the component writes shared state', async () => {
    const bus = createBus();
    render(BusCounter, { props: { bus } });
    expect(text('count')).toBe('none');
    bus.setState('count', 1);
    bus.publish('cart:updated', { count: 9 });
    flushSync();
    expect(text('count')).toBe('1');
    expect(text('cart')).toBe('9');
    await fireEvent.click(screen.getByRole('button'));
    expect(bus.getState('count')).toBe(2);
    expect(text('count')).toBe('2');
  });

  it('destroying the component leaves zero bus listeners', () => {
    const bus = createBus();
    const { unmount } = render(BusCounter, { props: { bus } });
    expect(bus.inspect().counts).toEqual({ ...ZERO_COUNTS, subscribers: 1, watchers: 1 });
    unmount();
    expect(bus.inspect().counts).toEqual(ZERO_COUNTS);
  });

  it('fromStore in runes mode reads and writes shared state, and cleans up', async () => {
    const bus = createBus();
    bus.setState('user', { id: 'u1', name: 'Ada' });
    const { unmount } = render(RunesProfile, { props: { bus } });
    expect(text('name')).toBe('Ada');
    await fireEvent.click(screen.getByRole('button'));
    expect(bus.getState('user')).toEqual({ id: 'u2', name: 'Grace' });
    expect(text('name')).toBe('Grace');
    expect(bus.inspect().counts.watchers).toBe(1);
    unmount();
    await tick();
    expect(bus.inspect().counts).toEqual(ZERO_COUNTS);
  });

  it('Svelte 4 style ($:, $store): new params abort the previous request; destroy aborts the last', async () => {
    const bus = createBus();
    const { calls, handler } = manualProvider<{ userId: string }, string[]>();
    const stopProviding = bus.provide('user:permissions', handler);
    const { rerender, unmount } = render(LegacyPermissions, { props: { bus, userId: 'u1' } });
    expect(text('user')).toBe('anonymous');
    expect(text('permissions')).toBe('pending:');
    await rerender({ userId: 'u2' });
    expect(calls.map((call) => [call.params.userId, call.signal.aborted])).toEqual([
      ['u1', true],
      ['u2', false],
    ]);
    calls[1]!.answer(['read', 'write']);
    await new Promise((resolve) => setTimeout(resolve, 0));
    flushSync();
    expect(text('permissions')).toBe('success:read,write');
    await rerender({ userId: 'u3' });
    unmount();
    await Promise.resolve(); // core aborts a microtask after the last subscriber leaves
    expect(calls[2]!.signal.aborted).toBe(true);
    stopProviding();
    expect(bus.inspect().counts).toEqual(ZERO_COUNTS);
  });
});
