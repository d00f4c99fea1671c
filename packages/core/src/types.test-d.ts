import {
  type BusRecord,
  type Cleanup,
  createBus,
  type ErrorCode,
  type EventMeta,
  MfeBusError,
  ProviderTimeoutError,
  type RequestArgs,
  type RequestOptions,
  type ScopedBus,
  type Source,
  type StateMeta,
  scopeOf,
} from '@mfe-bus/core';
import { describe, expectTypeOf, it } from 'vitest';

declare module '@mfe-bus/core' {
  interface BusEvents {
    'cart:updated': { count: number };
    'cart:cleared': undefined;
    'auth:token': { token: string };
  }
  interface BusState {
    session: { id: string; name: string } | null;
    theme: 'light' | 'dark';
  }
  interface BusRequests {
    'acl:permissions': { params: { userId: string }; result: string[] };
    'app:config': { params: undefined; result: { flags: string[] } };
  }
}

const bus = createBus();

describe('catalogue typing', () => {
  it('types publish payloads from the catalogue', () => {
    bus.publish('cart:updated', { count: 1 });
    // @ts-expect-error wrong payload shape
    bus.publish('cart:updated', { count: '1' });
    // @ts-expect-error missing field
    bus.publish('cart:updated', {});
    bus.publish('cart:cleared', undefined);
  });

  it('types subscribers of topics and patterns', () => {
    bus.subscribe('cart:updated', (payload, meta) => {
      expectTypeOf(payload).toEqualTypeOf<{ count: number }>();
      expectTypeOf(meta).toEqualTypeOf<EventMeta>();
    });
    bus.subscribe('cart:*', (payload) => {
      expectTypeOf(payload).toEqualTypeOf<{ count: number } | undefined>();
    });
    bus.subscribe('*', (payload) => expectTypeOf(payload).toBeUnknown());
    expectTypeOf(bus.subscribe('cart:updated', () => {})).toEqualTypeOf<Cleanup>();
  });

  it('types state values, updaters and watchers', () => {
    expectTypeOf(bus.getState('theme')).toEqualTypeOf<'light' | 'dark' | undefined>();
    bus.setState('theme', 'dark');
    // @ts-expect-error not a theme
    bus.setState('theme', 'blue');
    bus.setState('session', (previous) => {
      expectTypeOf(previous).toEqualTypeOf<{ id: string; name: string } | null | undefined>();
      return { id: '1', name: 'Ada' };
    });
    // @ts-expect-error updater must return a user
    bus.setState('session', () => 42);
    bus.watchState('theme', (value, previous) => {
      expectTypeOf(value).toEqualTypeOf<'light' | 'dark' | undefined>();
      expectTypeOf(previous).toEqualTypeOf<'light' | 'dark' | undefined>();
    });
  });

  it('types request params and results, and provider handlers', () => {
    expectTypeOf(bus.request('acl:permissions', { userId: 'u1' })).toEqualTypeOf<Promise<string[]>>();
    // @ts-expect-error params are required by the contract
    bus.request('acl:permissions');
    // @ts-expect-error wrong params
    bus.request('acl:permissions', { id: 'u1' });
    expectTypeOf(bus.request('app:config')).toEqualTypeOf<Promise<{ flags: string[] }>>();
    bus.provide('acl:permissions', async (params, { signal }) => {
      expectTypeOf(params).toEqualTypeOf<{ userId: string }>();
      expectTypeOf(signal).toEqualTypeOf<AbortSignal>();
      return ['read'];
    });
    // @ts-expect-error wrong result type
    bus.provide('acl:permissions', () => 42);
  });

  it('accepts call-site generics for keys outside the catalogue', () => {
    bus.publish<{ x: number }>('custom:thing', { x: 1 });
    // @ts-expect-error generic payload is enforced
    bus.publish<{ x: number }>('custom:thing', { x: 'no' });
    bus.subscribe<{ x: number }>('custom:thing', (payload) => expectTypeOf(payload).toEqualTypeOf<{ x: number }>());
    expectTypeOf(bus.getState<number>('counter')).toEqualTypeOf<number | undefined>();
    expectTypeOf(bus.request<string, { q: string }>('search', { q: 'a' })).toEqualTypeOf<Promise<string>>();
    expectTypeOf(bus.request('untyped')).toEqualTypeOf<Promise<unknown>>();
  });

  it('exposes typed error fields', () => {
    const error = new ProviderTimeoutError('k', 1);
    expectTypeOf(error.code).toEqualTypeOf<'PROVIDER_TIMEOUT'>();
    // A capability's own error: its own code, and the same cross-copy brand.
    class ContractViolation extends MfeBusError {
      static override readonly code = 'CONTRACT_VIOLATION';
      declare readonly code: 'CONTRACT_VIOLATION';
      constructor() {
        super('CONTRACT_VIOLATION', 'bad payload');
      }
    }
    expectTypeOf(new ContractViolation().code).toEqualTypeOf<'CONTRACT_VIOLATION'>();
    expectTypeOf(new MfeBusError('ANY_CAPABILITY', 'x').code).toEqualTypeOf<ErrorCode>();
    expectTypeOf(error.timeoutMs).toBeNumber();
  });
});

describe('protocol 1.1 extension API', () => {
  it('types a scope like the bus, with its app and dispose', () => {
    const cart = bus.scope('cart');
    expectTypeOf(cart).toEqualTypeOf<ScopedBus>();
    expectTypeOf(cart.app).toEqualTypeOf<string>();
    cart.publish('cart:updated', { count: 1 });
    // @ts-expect-error the catalogue applies to scopes too
    cart.publish('cart:updated', { count: '1' });
    expectTypeOf(cart.request('acl:permissions', { userId: 'u1' })).toEqualTypeOf<Promise<string[]>>();
    expectTypeOf(scopeOf(bus, 'cart')).toEqualTypeOf<ScopedBus>();
    // @ts-expect-error a scope cannot destroy the bus
    cart.destroy();
  });

  it('gives subscribers seq and source, and watchers a meta', () => {
    bus.subscribe('cart:updated', (_payload, meta) => {
      expectTypeOf(meta.seq).toBeNumber();
      expectTypeOf(meta.source).toEqualTypeOf<Source>();
    });
    bus.subscribe('t', () => {}, { after: 3, replay: true });
    bus.publish('cart:updated', { count: 1 }, { replay: false });
    bus.watchState('theme', (_value, _previous, meta) => expectTypeOf(meta).toEqualTypeOf<StateMeta>());
  });

  it('types observe records as a union narrowed by type', () => {
    const stop = bus.observe((record) => {
      expectTypeOf(record).toEqualTypeOf<BusRecord>();
      if (record.type === 'publish') expectTypeOf(record.receiverApps).toEqualTypeOf<Source[]>();
      if (record.type === 'request:settled') expectTypeOf(record.call).toBeNumber();
      // @ts-expect-error no such record type
      if (record.type === 'nonsense') return;
    });
    expectTypeOf(stop).toEqualTypeOf<Cleanup>();
  });

  it('types plugins as plain objects of optional hooks', () => {
    bus.use({});
    bus.use({
      name: 'audit',
      publish: (_topic, payload, meta) => {
        meta.replay = false;
        expectTypeOf(meta.source).toEqualTypeOf<Source>();
        return payload;
      },
      result: async (_key, _params, result, meta) => {
        expectTypeOf(meta.provider).toEqualTypeOf<Source>();
        return result;
      },
    });
    // @ts-expect-error unknown hook
    bus.use({ subscribe: () => {} });
    bus.onDemand('admin:*', (name) => {
      expectTypeOf(name).toBeString();
      return () => {};
    });
    bus.onDemand('admin:*', () => {});
    // @ts-expect-error stop must be a function
    bus.onDemand('admin:*', () => 42);
  });

  it('has one RequestArgs generic the bindings reuse with their own options', () => {
    expectTypeOf<RequestArgs<undefined>>().toEqualTypeOf<[params?: undefined, options?: RequestOptions]>();
    expectTypeOf<RequestArgs<{ id: string }, { x: 1 }>>().toEqualTypeOf<[params: { id: string }, options?: { x: 1 }]>();
    expectTypeOf<RequestArgs<{ id: string }, RequestOptions, () => { id: string }>>().toEqualTypeOf<
      [params: () => { id: string }, options?: RequestOptions]
    >();
  });
});
