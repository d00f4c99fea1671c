// Owners: publish, setState and provide on an owned key from another app, or from no app at all.
import { describe, expect, it, vi } from 'vitest';
import { thrownBy, watchedBus } from '../test/harness';
import { KITS } from '../test/schemas';
import { installContracts } from './install-contracts';
import type { ContractSet } from './types';

const [valibot, zod] = KITS as [(typeof KITS)[number], (typeof KITS)[number]];
const contracts: ContractSet = {
  events: { 'cart:updated': { schema: valibot.cart, owner: ['react', 'vue'] } },
  state: { theme: { schema: zod.trimmed }, user: { schema: zod.trimmed, owner: 'shell' } },
  requests: { 'user:permissions': { owner: 'auth' } },
};

describe('reject mode', () => {
  it('lets the owners publish, write and provide', async () => {
    const { bus } = watchedBus();
    installContracts(bus, contracts, { mode: 'reject' });
    const received = vi.fn();
    bus.subscribe('cart:updated', received);
    bus.scope('react').publish('cart:updated', { item: 'a' });
    bus.scope('vue').publish('cart:updated', { item: 'b' });
    bus.scope('shell').setState('user', 'ada');
    bus.scope('auth').provide('user:permissions', () => ['read']);
    expect(received).toHaveBeenCalledTimes(2);
    expect(bus.getState('user')).toBe('ada');
    await expect(bus.scope('svelte').request('user:permissions')).resolves.toEqual(['read']);
  });

  it('refuses the same calls from another app or from no app, naming the owners', () => {
    const { bus } = watchedBus();
    installContracts(bus, contracts, { mode: 'reject' });
    const received = vi.fn();
    bus.subscribe('cart:updated', received);
    const fromSvelte = thrownBy(() => bus.scope('svelte').publish('cart:updated', { item: 'a' }));
    expect(fromSvelte).toMatchObject({
      rule: 'owner',
      source: 'svelte',
      owner: ['react', 'vue'],
      message: 'event "cart:updated" (app "svelte"): owned by app "react", app "vue"',
    });
    expect(thrownBy(() => bus.publish('cart:updated', { item: 'a' }))).toMatchObject({ rule: 'owner', source: null });
    expect(thrownBy(() => bus.scope('react').setState('user', 'eve'))).toMatchObject({ kind: 'state', owner: 'shell' });
    expect(thrownBy(() => bus.provide('user:permissions', () => []))).toMatchObject({ kind: 'request', rule: 'owner' });
    expect(received).not.toHaveBeenCalled();
    expect(bus.getState('user')).toBeUndefined();
    expect(bus.inspect().providers).toEqual([]);
  });

  it('checks the owner before the schema', () => {
    const { bus } = watchedBus();
    installContracts(bus, contracts, { mode: 'reject' });
    expect(thrownBy(() => bus.scope('svelte').publish('cart:updated', { item: 1 }))).toMatchObject({ rule: 'owner' });
  });

  it('lets anyone write a key without an owner', () => {
    const { bus } = watchedBus();
    installContracts(bus, contracts, { mode: 'reject' });
    bus.setState('theme', 'dark');
    bus.scope('vue').setState('theme', 'light');
    expect(bus.getState('theme')).toBe('light');
  });
});

describe('report mode', () => {
  it('lets the call through and reports each owner violation (and the schema violation of the same call)', () => {
    const { bus, errors } = watchedBus();
    installContracts(bus, contracts, { mode: 'report' });
    bus.scope('svelte').publish('cart:updated', { item: 1 });
    bus.scope('angular').provide('user:permissions', () => []);
    expect(errors.map(([error]) => error)).toMatchObject([
      { rule: 'owner', source: 'svelte', key: 'cart:updated' },
      { rule: 'payload', source: 'svelte', key: 'cart:updated' },
      { rule: 'owner', source: 'angular', key: 'user:permissions' },
    ]);
    expect(bus.inspect().providers).toHaveLength(1);
  });
});
