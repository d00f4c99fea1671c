// Request paths: params before dedupe and cache, provider results before the cache; async schemas allowed.
import { describe, expect, it, vi } from 'vitest';
import { watchedBus } from '../test/harness';
import { KITS } from '../test/schemas';
import { installContracts } from './install-contracts';
import { ContractViolationError } from './violation-error';

describe.each(KITS)('with $name schemas', (kit) => {
  const contracts = {
    requests: {
      'cart:price': { params: kit.cart, result: kit.trimmed, version: '1.0.0' },
      'text:echo': { params: kit.asyncText, result: kit.asyncText },
    },
  };

  describe('reject mode', () => {
    it('hands the provider the params output and the requester the result output', async () => {
      const { bus } = watchedBus();
      installContracts(bus, contracts, { mode: 'reject' });
      const provider = vi.fn((params: unknown) => ` ${JSON.stringify(params)} `);
      bus.provide('cart:price', provider);
      await expect(bus.request('cart:price', { item: 'pen' })).resolves.toBe('{"item":"pen","quantity":1}');
      expect(provider).toHaveBeenCalledWith({ item: 'pen', quantity: 1 }, expect.anything());
    });

    it('rejects invalid params before dedupe: the provider is never called', async () => {
      const { bus } = watchedBus();
      installContracts(bus, contracts, { mode: 'reject' });
      const provider = vi.fn(() => 'x');
      bus.provide('cart:price', provider);
      const requests = [bus.request('cart:price', { item: 3 }), bus.scope('react').request('cart:price', { item: 3 })];
      const [first, second] = await Promise.allSettled(requests);
      expect(first).toMatchObject({ status: 'rejected', reason: { rule: 'params', kind: 'request', source: null } });
      expect(second).toMatchObject({ status: 'rejected', reason: { rule: 'params', source: 'react' } });
      expect((first as PromiseRejectedResult).reason).toBeInstanceOf(ContractViolationError);
      expect(provider).not.toHaveBeenCalled();
      expect(bus.inspect().pending).toEqual([]);
    });

    it('rejects an invalid result and does not cache it: the next request calls the provider again', async () => {
      const { bus } = watchedBus();
      installContracts(bus, contracts, { mode: 'reject' });
      let answer: unknown = 7;
      const provider = vi.fn(() => answer);
      bus.scope('pricing').provide('cart:price', provider, { ttlMs: 60_000 });
      const error = await bus.request('cart:price', { item: 'pen' }).catch((reason: unknown) => reason);
      expect(error).toMatchObject({ rule: 'result', key: 'cart:price', source: 'pricing', version: '1.0.0' });
      expect(bus.inspect().cache).toEqual([]);
      answer = ' 12 ';
      await expect(bus.request('cart:price', { item: 'pen' })).resolves.toBe('12');
      expect(provider).toHaveBeenCalledTimes(2);
      expect(bus.inspect().cache).toHaveLength(1);
    });

    it('accepts schemas that validate asynchronously for params and results', async () => {
      const { bus } = watchedBus();
      installContracts(bus, contracts, { mode: 'reject' });
      bus.provide('text:echo', (text) => text);
      await expect(bus.request('text:echo', 'hi')).resolves.toBe('hi');
      await expect(bus.request('text:echo', 5)).rejects.toMatchObject({ rule: 'params' });
    });
  });

  describe('report mode', () => {
    it('lets invalid params and results through and reports both', async () => {
      const { bus, errors } = watchedBus();
      installContracts(bus, contracts, { mode: 'report' });
      bus.scope('pricing').provide('cart:price', () => 7);
      await expect(bus.scope('react').request('cart:price', { item: 3 })).resolves.toBe(7);
      expect(errors.map(([error, context]) => [(error as ContractViolationError).rule, context])).toEqual([
        [
          'params',
          expect.objectContaining({ kind: 'report', report: 'violation', name: 'cart:price', source: 'react' }),
        ],
        [
          'result',
          expect.objectContaining({ kind: 'report', report: 'violation', name: 'cart:price', source: 'pricing' }),
        ],
      ]);
    });
  });
});
