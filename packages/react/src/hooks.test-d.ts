import type { Bus, EventMeta, RequestArgs } from '@mfe-bus/core';
import { describe, expectTypeOf, it } from 'vitest';
import { type SetConnecticState, useBusState, useConnecticState } from './use-connectic-state';
import { useProvide } from './use-provide';
import { usePublish } from './use-publish';
import { type UseRequestArgs, type UseRequestOptions, useRequest } from './use-request';
import { useSubscribe } from './use-subscribe';
import { useSuspenseRequest } from './use-suspense-request';

interface User {
  id: string;
  name: string;
}

declare module '@mfe-bus/core' {
  interface BusState {
    user: User | null;
  }
  interface BusEvents {
    'cart:updated': { count: number };
    'cart:cleared': undefined;
  }
  interface BusRequests {
    permissions: { params: { userId: string }; result: string[] };
    'app:version': { params: undefined; result: string };
  }
}

describe('useConnecticState', () => {
  it('is typed from the catalogue', () => {
    const [user, setUser] = useConnecticState('user');
    expectTypeOf(user).toEqualTypeOf<User | null | undefined>();
    expectTypeOf(setUser).toEqualTypeOf<SetConnecticState<User | null>>();
    setUser({ id: '1', name: 'Ada' });
    setUser(null);
    setUser((previous) => (previous ? { ...previous, name: 'Grace' } : null));
  });

  it('rejects a wrong value for setValue', () => {
    const [, setUser] = useConnecticState('user');
    // @ts-expect-error a number is not a User
    setUser(42);
    // @ts-expect-error name is missing
    setUser({ id: '1' });
    // @ts-expect-error the updater must return a User | null
    setUser(() => 'Ada');
  });

  it('types the selector form', () => {
    const [name, setUser] = useConnecticState('user', (user) => user?.name);
    expectTypeOf(name).toEqualTypeOf<string | undefined>();
    expectTypeOf(setUser).toEqualTypeOf<SetConnecticState<User | null>>();
  });

  it('takes a generic for keys outside the catalogue', () => {
    const [count, setCount] = useConnecticState<number>('count');
    expectTypeOf(count).toEqualTypeOf<number | undefined>();
    // @ts-expect-error a string is not a number
    setCount('one');
  });
});

describe('events', () => {
  it('types useSubscribe handlers from the catalogue, patterns included', () => {
    useSubscribe('cart:updated', (payload, meta) => {
      expectTypeOf(payload).toEqualTypeOf<{ count: number }>();
      expectTypeOf(meta).toEqualTypeOf<EventMeta>();
    });
    useSubscribe('cart:*', (payload) => {
      expectTypeOf(payload).toEqualTypeOf<{ count: number } | undefined>();
    });
    useSubscribe('cart:updated', () => {}, { replay: false });
  });

  it('types usePublish like bus.publish', () => {
    const publish = usePublish();
    expectTypeOf(publish).toEqualTypeOf<Bus['publish']>();
    publish('cart:updated', { count: 1 });
    // @ts-expect-error count must be a number
    publish('cart:updated', { count: '1' });
  });
});

describe('requests', () => {
  it('types useRequest from the catalogue', () => {
    const result = useRequest('permissions', { userId: '1' }, { timeoutMs: 500 });
    expectTypeOf(result.data).toEqualTypeOf<string[] | undefined>();
    if (result.status === 'success') expectTypeOf(result.data).toEqualTypeOf<string[]>();
    expectTypeOf(result.refetch).toEqualTypeOf<() => void>();
    // @ts-expect-error params are required
    useRequest('permissions');
    // @ts-expect-error userId must be a string
    useRequest('permissions', { userId: 1 });
    expectTypeOf(useRequest('app:version').data).toEqualTypeOf<string | undefined>();
  });

  it('types useSuspenseRequest and useProvide from the catalogue', () => {
    expectTypeOf(useSuspenseRequest('permissions', { userId: '1' })).toEqualTypeOf<string[]>();
    useProvide('permissions', ({ userId }) => [userId]);
    useProvide('permissions', async ({ userId }, { signal }) => {
      expectTypeOf(signal).toEqualTypeOf<AbortSignal>();
      return [userId];
    });
    // @ts-expect-error the result must be string[]
    useProvide('permissions', () => 42);
  });
});

describe('aliases', () => {
  it('useBusState is useConnecticState', () => {
    expectTypeOf(useBusState).toEqualTypeOf(useConnecticState);
  });

  it("UseRequestArgs is core's RequestArgs with the hook's options", () => {
    expectTypeOf<UseRequestArgs<{ id: string }>>().toEqualTypeOf<RequestArgs<{ id: string }, UseRequestOptions>>();
    expectTypeOf<UseRequestArgs<undefined>>().toEqualTypeOf<[params?: undefined, options?: UseRequestOptions]>();
  });
});
