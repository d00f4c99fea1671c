import { fromStore, type Readable, type Writable } from 'svelte/store';
import { describe, expectTypeOf, it } from 'vitest';
import { busEvent } from './bus-event';
import { type BusRequestArgs, type BusRequestOptions, busRequest } from './bus-request';
import { busState } from './bus-state';
import { getBus, type RequestArgs, type RequestState } from './index';

describe('types from the catalogue (test/catalogue.d.ts)', () => {
  it('busState is a writable store of the catalogued value', () => {
    const count = busState('count');
    expectTypeOf(count).toEqualTypeOf<Writable<number | undefined>>();
    count.set(1);
    count.update((n) => (n ?? 0) + 1);
    // @ts-expect-error wrong value type for a catalogued key
    count.set('one');
    expectTypeOf(fromStore(busState('user')).current).toEqualTypeOf<{ id: string; name: string } | null | undefined>();
    expectTypeOf(busState<boolean>('not-catalogued')).toEqualTypeOf<Writable<boolean | undefined>>();
  });

  it('busEvent is a readable store of the payload', () => {
    expectTypeOf(busEvent('cart:updated')).toEqualTypeOf<Readable<{ count: number } | undefined>>();
    expectTypeOf(busEvent('cart:*')).toEqualTypeOf<Readable<{ count: number } | { reason: string } | undefined>>();
    expectTypeOf(busEvent<string>('other:topic', { replay: false })).toEqualTypeOf<Readable<string | undefined>>();
    // @ts-expect-error signal is not a store option
    busEvent('cart:updated', { signal: new AbortController().signal });
  });

  it('busRequest follows the request contract', () => {
    const permissions = busRequest('user:permissions', { userId: 'u1' }, { timeoutMs: 100 });
    expectTypeOf(permissions.subscribe).parameter(0).parameter(0).toEqualTypeOf<RequestState<string[]>>();
    expectTypeOf(busRequest('app:version')).toExtend<Readable<RequestState<string>>>();
    permissions.subscribe((state) => {
      expectTypeOf(state.data).toEqualTypeOf<string[] | undefined>();
      if (state.status === 'success') expectTypeOf(state.data).toEqualTypeOf<string[]>();
    });
    // @ts-expect-error params are required by the contract
    busRequest('user:permissions');
    // @ts-expect-error wrong params
    busRequest('user:permissions', { id: 1 });
  });

  it('publish, provide and request are reachable through the re-exported getBus', () => {
    const bus = getBus();
    bus.publish('cart:updated', { count: 1 });
    // @ts-expect-error wrong payload
    bus.publish('cart:updated', { count: '1' });
    expectTypeOf(bus.request('user:permissions', { userId: 'u1' })).resolves.toEqualTypeOf<string[]>();
  });
});

describe('aliases', () => {
  it("BusRequestArgs is core's RequestArgs with the store's options", () => {
    expectTypeOf<BusRequestArgs<{ userId: string }>>().toEqualTypeOf<
      RequestArgs<{ userId: string }, BusRequestOptions>
    >();
  });
});
