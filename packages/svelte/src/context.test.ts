import { createBus, type EventMeta, getBus } from '@mfe-bus/core';
import { appCounts, ZERO_COUNTS } from '@mfe-bus/test-utils';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import ScopedRoot from '../test/ScopedRoot.svelte';
import { busEvent } from './bus-event';
import { busState } from './bus-state';
import { busFromContext } from './context';

describe('setBusApp', () => {
  it("the subtree's stores and calls go through the app's scope: meta.source and state writers are the app", async () => {
    const bus = createBus();
    const sources: EventMeta['source'][] = [];
    bus.subscribe('cart:updated', (_payload, meta) => sources.push(meta.source));
    render(ScopedRoot, { props: { bus, app: 'cart' } });
    await fireEvent.click(screen.getByRole('button'));
    expect(sources).toEqual(['cart']);
    expect(screen.getByTestId('cart').textContent).toBe('1');
  });

  it("inspect().apps counts the app's registrations; destroying the root brings them back to zero", async () => {
    const bus = createBus();
    const { unmount } = render(ScopedRoot, { props: { bus, app: 'cart' } });
    // The root's own subscription, and the child's state watcher, event subscription and pending request.
    expect(appCounts(bus, 'cart')).toEqual({ subscribers: 2, watchers: 1, providers: 0, pending: 1 });
    expect(appCounts(bus, null)).toEqual(ZERO_COUNTS);
    unmount();
    await Promise.resolve();
    expect(bus.inspect().counts).toEqual(ZERO_COUNTS);
  });
});

describe('stores outside components', () => {
  it('work without a context: the page-wide bus, unscoped', () => {
    expect(busFromContext()).toBe(getBus());
    const bus = createBus();
    const count = busState('count', { bus });
    count.set(1);
    expect(bus.inspect().state[0]?.source).toBeNull();
  });

  it('take an app: calls go through bus.scope(app)', () => {
    const bus = createBus();
    const cart = busEvent('cart:updated', { bus, app: 'cart' });
    const unsubscribe = cart.subscribe(() => {});
    busState('count', { bus, app: 'cart' }).set(2);
    expect(appCounts(bus, 'cart').subscribers).toBe(1);
    expect(bus.inspect().state.find(({ key }) => key === 'count')?.source).toBe('cart');
    unsubscribe();
    expect(bus.inspect().counts).toEqual(ZERO_COUNTS);
  });
});
