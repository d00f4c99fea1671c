import type { Signal } from '@angular/core';
import type { Cleanup, RequestArgs } from '@mfe-bus/core';
import type { Observable } from 'rxjs';
import { injectBusState } from './inject-bus-state';
import { injectProvide } from './inject-provide';
import { injectSubscribe } from './inject-subscribe';
import type { MfeBus } from './mfe-bus.service';
import type { Request$Args, Request$Options } from './types';

type User = { id: string; name: string } | null;
declare const service: MfeBus;

describe('catalogue types', () => {
  it('types state signals and observables from BusState', () => {
    expectTypeOf(service.state('user')).toEqualTypeOf<Signal<User | undefined>>();
    expectTypeOf(service.state$('count')).toEqualTypeOf<Observable<number | undefined>>();
    expectTypeOf(service.state<boolean>('not:catalogued')).toEqualTypeOf<Signal<boolean | undefined>>();
  });

  it('types injectBusState reads and writes', () => {
    const count = injectBusState('count');
    expectTypeOf(count()).toEqualTypeOf<number | undefined>();
    count.set(1);
    count.update((previous) => (previous ?? 0) + 1);
    // @ts-expect-error the catalogue says number
    count.set('one');
    // @ts-expect-error the updater must return a number
    count.update(() => 'one');
  });

  it('types event payloads, patterns included', () => {
    expectTypeOf(service.on$('cart:updated')).toEqualTypeOf<Observable<{ count: number }>>();
    expectTypeOf(service.on$('cart:*')).toEqualTypeOf<Observable<{ count: number } | { reason: string }>>();
    expectTypeOf(service.on$<string>('other')).toEqualTypeOf<Observable<string>>();
    const stop = injectSubscribe('cart:updated', (payload, meta) => {
      expectTypeOf(payload).toEqualTypeOf<{ count: number }>();
      expectTypeOf(meta.replayed).toBeBoolean();
    });
    expectTypeOf(stop).toEqualTypeOf<Cleanup>();
    // @ts-expect-error signal is not an option: the caller's DestroyRef ends the subscription
    injectSubscribe('cart:updated', () => {}, { signal: new AbortController().signal });
  });

  it('types requests from BusRequests', () => {
    expectTypeOf(service.request$('user:permissions', { userId: 'u1' })).toEqualTypeOf<Observable<string[]>>();
    expectTypeOf(service.request$('app:version')).toEqualTypeOf<Observable<string>>();
    // @ts-expect-error params are required for this key
    service.request$('user:permissions');
    // @ts-expect-error wrong params
    service.request$('user:permissions', { id: 'u1' });
    // @ts-expect-error unsubscribing is how request$ is cancelled
    service.request$('app:version', undefined, { signal: new AbortController().signal });

    injectProvide('user:permissions', (params) => {
      expectTypeOf(params).toEqualTypeOf<{ userId: string }>();
      return ['read'];
    });
    // @ts-expect-error the result must be string[]
    injectProvide('user:permissions', () => 42);
  });
});

describe('aliases', () => {
  it("Request$Args is core's RequestArgs with request$'s options", () => {
    expectTypeOf<Request$Args<{ userId: string }>>().toEqualTypeOf<RequestArgs<{ userId: string }, Request$Options>>();
  });
});
