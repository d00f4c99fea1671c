import type { Cleanup, RequestArgs } from '@mfe-bus/core';
import { describe, expectTypeOf, it } from 'vitest';
import { type MaybeRefOrGetter, ref } from 'vue';
import { useBusState } from './use-bus-state';
import { useProvide } from './use-provide';
import { usePublish } from './use-publish';
import { type UseRequestArgs, type UseRequestOptions, useRequest } from './use-request';
import { useSubscribe } from './use-subscribe';

describe('types from the catalogue (test/catalogue.d.ts)', () => {
  it('useBusState is a ref of the catalogued value', () => {
    const count = useBusState('count');
    expectTypeOf(count.value).toEqualTypeOf<number | undefined>();
    count.value = 1;
    // @ts-expect-error wrong value type for a catalogued key
    count.value = 'one';
    const user = useBusState('user');
    expectTypeOf(user.value).toEqualTypeOf<{ id: string; name: string } | null | undefined>();
    expectTypeOf(user.stop).toEqualTypeOf<() => void>();
    expectTypeOf(useBusState<boolean>('not-catalogued').value).toEqualTypeOf<boolean | undefined>();
  });

  it('useSubscribe types payloads for topics and patterns', () => {
    expectTypeOf(
      useSubscribe('cart:updated', (payload) => expectTypeOf(payload).toEqualTypeOf<{ count: number }>()),
    ).toEqualTypeOf<Cleanup>();
    useSubscribe('cart:*', (payload) => {
      expectTypeOf(payload).toEqualTypeOf<{ count: number } | { reason: string }>();
    });
    useSubscribe<{ x: 1 }>('other:topic', (payload) => expectTypeOf(payload).toEqualTypeOf<{ x: 1 }>());
  });

  it('usePublish checks payloads', () => {
    const publish = usePublish();
    publish('cart:updated', { count: 1 });
    // @ts-expect-error wrong payload for a catalogued topic
    publish('cart:updated', { count: '1' });
  });

  it('useProvide and useRequest use the request contract', () => {
    useProvide('user:permissions', (params) => {
      expectTypeOf(params).toEqualTypeOf<{ userId: string }>();
      return ['read'];
    });
    // @ts-expect-error the result must be string[]
    useProvide('user:permissions', () => 42);

    const permissions = useRequest('user:permissions', { userId: 'u1' });
    expectTypeOf(permissions.data.value).toEqualTypeOf<string[] | undefined>();
    expectTypeOf(permissions.status.value).toEqualTypeOf<'pending' | 'success' | 'error'>();
    useRequest('user:permissions', ref({ userId: 'u1' }));
    useRequest('user:permissions', () => ({ userId: 'u1' }), { timeoutMs: 100 });
    // @ts-expect-error params are required by the contract
    useRequest('user:permissions');
    // @ts-expect-error wrong params
    useRequest('user:permissions', { id: 1 });
    expectTypeOf(useRequest('app:version').data.value).toEqualTypeOf<string | undefined>();
    // @ts-expect-error data is read-only
    permissions.data.value = [];
  });
});

describe('aliases', () => {
  it("UseRequestArgs is core's RequestArgs with refs or getters of params", () => {
    type Params = { userId: string };
    expectTypeOf<UseRequestArgs<Params>>().toEqualTypeOf<
      RequestArgs<Params, UseRequestOptions, MaybeRefOrGetter<Params>>
    >();
  });
});
