// Runs in the "svelte 4" project (vitest.config.ts): `svelte` and every `svelte/*` import, including the
// package's own `svelte/store`, resolve to Svelte 4, and the component is compiled by Svelte 4's compiler.
import { createBus } from '@mfe-bus/core';
import { appCounts, manualProvider, ZERO_COUNTS } from '@mfe-bus/test-utils';
import { tick } from 'svelte';
import { VERSION } from 'svelte/compiler';
import { afterEach, describe, expect, it } from 'vitest';
import Svelte4App from '../test/svelte4/Svelte4App.svelte';
import Svelte4Cart from '../test/svelte4/Svelte4Cart.svelte';

const text = (id: string) => document.querySelector(`[data-testid="${id}"]`)?.textContent;

afterEach(() => {
  document.body.innerHTML = '';
});

describe('a component compiled and run by Svelte 4', () => {
  it('really is Svelte 4', () => {
    expect(VERSION).toMatch(/^4\./);
  });

  it('$store: late mount sees current state and replayed events, follows the bus, writes back', async () => {
    const bus = createBus();
    bus.setState('count', 41);
    bus.publish('cart:updated', { count: 3 });
    bus.provide('user:permissions', ({ userId }) => [`${userId}:read`]);
    const component = new Svelte4Cart({ target: document.body, props: { bus, userId: 'u1' } });
    expect(text('count')).toBe('41');
    expect(text('cart')).toBe('3');

    bus.setState('count', 1);
    bus.publish('cart:updated', { count: 9 });
    await tick();
    expect(text('count')).toBe('1');
    expect(text('cart')).toBe('9');

    document.querySelector('button')?.click();
    await tick();
    expect(bus.getState('count')).toBe(2);
    expect(text('count')).toBe('2');

    await expect.poll(() => text('permissions')).toBe('success:u1:read');
    component.$destroy();
  });

  it('$: new params abort the previous request; destroy leaves zero bus listeners', async () => {
    const bus = createBus();
    const { calls, handler } = manualProvider<{ userId: string }, string[]>();
    const unprovide = bus.provide('user:permissions', handler);
    const signal = (userId: string) => calls.find((call) => call.params.userId === userId)?.signal;
    const component = new Svelte4Cart({ target: document.body, props: { bus, userId: 'u1' } });
    await expect.poll(() => signal('u1')).toBeDefined();
    expect(text('permissions')).toBe('pending:');

    component.$set({ userId: 'u2' });
    await tick();
    await expect.poll(() => signal('u2')).toBeDefined();
    await expect.poll(() => signal('u1')?.aborted).toBe(true);
    expect(signal('u2')?.aborted).toBe(false);

    component.$destroy();
    await expect.poll(() => signal('u2')?.aborted).toBe(true);
    unprovide();
    expect(bus.inspect().counts).toEqual(ZERO_COUNTS);
  });

  it("setBusApp: the child's store goes through the app's scope, disposed when the root is destroyed", async () => {
    const bus = createBus();
    const component = new Svelte4App({ target: document.body, props: { bus } });
    expect(appCounts(bus, 'legacy')).toEqual({ ...ZERO_COUNTS, watchers: 1 });
    document.querySelector('button')?.click();
    await tick();
    expect(text('count')).toBe('1');
    expect(bus.inspect().state.find(({ key }) => key === 'count')?.source).toBe('legacy');
    component.$destroy();
    expect(bus.inspect().counts).toEqual(ZERO_COUNTS);
  });
});
