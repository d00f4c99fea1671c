import { InvalidArgumentError } from '@mfe-bus/core';
import { describe, expect, it, vi } from 'vitest';
import { reportsOf, watchedBus } from '../test/harness';
import { KITS } from '../test/schemas';
import { expectVersions } from './expect-versions';
import { installContracts } from './install-contracts';

const schema = KITS[1]!.cart;
const contracts = {
  events: { 'cart:updated': { schema, version: '1.4.0' } },
  state: { theme: { schema, version: '2.0.0' }, user: { schema } },
};

describe('expectVersions', () => {
  it('reports a mismatch once per key and app, with both versions and both apps, whichever comes first', () => {
    const { bus, errors, records } = watchedBus();
    expectVersions(bus, 'cart', { 'cart:updated': '^2', theme: '^2' });
    installContracts(bus, contracts, { mode: 'reject', app: 'shell' });
    expectVersions(bus, 'cart', { 'cart:updated': '^2' });
    expectVersions(bus, 'checkout', { 'cart:updated': '~1.4', user: '^1' });
    expect(errors).toHaveLength(2);
    const [[error, context], [other]] = errors as [[unknown, unknown], [unknown]];
    expect(error).toMatchObject({
      rule: 'version',
      kind: 'event',
      key: 'cart:updated',
      source: 'cart',
      version: '1.4.0',
      message: 'event "cart:updated" (app "cart"): expects version ^2; app "shell" installed 1.4.0',
    });
    expect(context).toMatchObject({ kind: 'report', report: 'violation', name: 'cart:updated', source: 'cart' });
    expect(other).toMatchObject({
      key: 'user',
      source: 'checkout',
      message: expect.stringContaining('installed no version'),
    });
    expect(reportsOf(records, 'violation')).toHaveLength(2);
  });

  it('never refuses a call, in reject mode too', () => {
    const { bus } = watchedBus();
    installContracts(bus, contracts, { mode: 'reject' });
    expectVersions(bus, 'cart', { theme: '^3' });
    bus.scope('cart').setState('theme', { item: 'x' });
    expect(bus.getState('theme')).toEqual({ item: 'x', quantity: 1 });
  });

  it('refuses a range it cannot read, before recording any', () => {
    const { bus, errors } = watchedBus();
    expect(() => expectVersions(bus, 'cart', { theme: '^2', 'cart:updated': 'latest' })).toThrow(InvalidArgumentError);
    installContracts(bus, contracts, { mode: 'reject' });
    expect(errors).toEqual([]);
  });

  it('meets the installations of another copy of this package on the page', async () => {
    const { bus, errors } = watchedBus();
    installContracts(bus, contracts, { mode: 'report', app: 'shell' });
    vi.resetModules();
    const otherCopy = await import('./expect-versions');
    expect(otherCopy.expectVersions).not.toBe(expectVersions);
    otherCopy.expectVersions(bus, 'vue', { theme: '^1' });
    expect(errors.map(([error]) => error)).toMatchObject([{ rule: 'version', key: 'theme', source: 'vue' }]);
  });
});
