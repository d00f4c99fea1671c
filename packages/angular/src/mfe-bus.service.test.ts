import { AsyncPipe } from '@angular/common';
import { Component, Injector, inject } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { type Bus, createBus, ProviderTimeoutError } from '@mfe-bus/core';
import { manualProvider } from '@mfe-bus/test-utils';
import { firstValueFrom, take, toArray } from 'rxjs';
import { MfeBus } from './mfe-bus.service';
import { provideMfeBus } from './provide-mfe-bus';

let bus: Bus;

beforeEach(() => {
  bus = createBus();
  TestBed.configureTestingModule({ providers: [provideMfeBus({ bus })] });
});

afterEach(() => {
  vi.useRealTimers();
  bus.destroy();
});

describe('MfeBus primitives', () => {
  it('exposes the chosen bus and its primitives', () => {
    const service = TestBed.inject(MfeBus);
    expect(service.bus).toBe(bus);
    service.setState('count', 3);
    expect(bus.getState('count')).toBe(3);
    expect(service.getState('count')).toBe(3);
    const seen: unknown[] = [];
    const off = service.subscribe('ping', (payload) => seen.push(payload));
    service.publish('ping', 1);
    off();
    expect(seen).toEqual([1]);
    expect(service.inspect().counts.subscribers).toBe(0);
  });
});

describe('state()', () => {
  @Component({ selector: 'count-view', template: '{{ count() }}' })
  class CountView {
    readonly count = inject(MfeBus).state('count');
  }

  it('is a signal of the shared value that follows changes and stops on destroy', async () => {
    bus.setState('count', 1);
    const fixture = TestBed.createComponent(CountView);
    await fixture.whenStable();
    expect(fixture.nativeElement.textContent).toBe('1');
    bus.setState('count', 2);
    await fixture.whenStable();
    expect(fixture.nativeElement.textContent).toBe('2');
    expect(bus.inspect().counts.watchers).toBe(1);
    fixture.destroy();
    expect(bus.inspect().counts.watchers).toBe(0);
  });

  it('throws outside an injection context unless given an injector', () => {
    const service = TestBed.inject(MfeBus);
    expect(() => service.state('count')).toThrow(/NG0203/);
    bus.setState('count', 5);
    const value = service.state('count', { injector: TestBed.inject(Injector) });
    expect(value()).toBe(5);
  });
});

describe('state$()', () => {
  it('emits the current value then every change, and stops watching when unsubscribed', async () => {
    bus.setState('count', 1);
    const values = firstValueFrom(TestBed.inject(MfeBus).state$('count').pipe(take(3), toArray()));
    bus.setState('count', 2);
    bus.setState('count', 3);
    expect(await values).toEqual([1, 2, 3]);
    expect(bus.inspect().counts.watchers).toBe(0);
  });
});

describe('on$()', () => {
  it('emits replayed and live payloads of a pattern', async () => {
    bus.publish('cart:updated', { count: 1 });
    const payloads = firstValueFrom(TestBed.inject(MfeBus).on$('cart:*').pipe(take(2), toArray()));
    bus.publish('cart:cleared', { reason: 'checkout' });
    expect(await payloads).toEqual([{ count: 1 }, { reason: 'checkout' }]);
    expect(bus.inspect().counts.subscribers).toBe(0);
  });

  it('skips replay with { replay: false }', () => {
    bus.publish('cart:updated', { count: 1 });
    const seen: unknown[] = [];
    const subscription = TestBed.inject(MfeBus)
      .on$('cart:updated', { replay: false })
      .subscribe((payload) => seen.push(payload));
    bus.publish('cart:updated', { count: 2 });
    subscription.unsubscribe();
    expect(seen).toEqual([{ count: 2 }]);
    expect(bus.inspect().counts.subscribers).toBe(0);
  });
});

describe('request$()', () => {
  it('emits the result and completes', async () => {
    bus.provide('user:permissions', ({ userId }) => [`read:${userId}`]);
    const result = await firstValueFrom(TestBed.inject(MfeBus).request$('user:permissions', { userId: 'u1' }));
    expect(result).toEqual(['read:u1']);
  });

  it("aborts the provider's signal when unsubscribed before the answer", async () => {
    const provider = manualProvider<unknown, unknown>();
    bus.provide('slow', provider.handler);
    const subscription = TestBed.inject(MfeBus).request$('slow').subscribe();
    await Promise.resolve();
    expect(provider.calls[0]?.signal.aborted).toBe(false);
    expect(bus.inspect().counts.pending).toBe(1);
    subscription.unsubscribe();
    expect(provider.calls[0]?.signal.aborted).toBe(true);
    expect(bus.inspect().counts.pending).toBe(0);
  });

  it('surfaces a timeout as ProviderTimeoutError', async () => {
    vi.useFakeTimers();
    const errors: unknown[] = [];
    TestBed.inject(MfeBus)
      .request$('nobody:home', undefined, { timeoutMs: 500 })
      .subscribe({ error: (error) => errors.push(error) });
    await vi.advanceTimersByTimeAsync(499);
    expect(errors).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(ProviderTimeoutError);
    expect(bus.inspect().counts.pending).toBe(0);
  });
});

describe('observables in a template', () => {
  @Component({
    selector: 'async-view',
    imports: [AsyncPipe],
    template: '{{ (count$ | async) ?? "-" }} {{ (cart$ | async)?.count ?? "-" }} {{ (version$ | async) ?? "-" }}',
  })
  class AsyncView {
    private readonly service = inject(MfeBus);
    readonly count$ = this.service.state$('count');
    readonly cart$ = this.service.on$('cart:updated');
    readonly version$ = this.service.request$('app:version');
  }

  it('render through the async pipe, get a late provider, and leave nothing once destroyed', async () => {
    bus.setState('count', 1);
    const fixture = TestBed.createComponent(AsyncView);
    await fixture.whenStable();
    expect(fixture.nativeElement.textContent).toBe('1 - -');
    expect(bus.inspect().counts).toEqual({ subscribers: 1, watchers: 1, providers: 0, pending: 1 });

    bus.publish('cart:updated', { count: 5 });
    bus.provide('app:version', () => '1.2.3');
    await fixture.whenStable();
    expect(fixture.nativeElement.textContent).toBe('1 5 1.2.3');

    fixture.destroy();
    expect(bus.inspect().counts).toEqual({ subscribers: 0, watchers: 0, providers: 1, pending: 0 });
  });

  it('aborts a pending request when the view is destroyed', async () => {
    const provider = manualProvider<undefined, string>();
    bus.provide('app:version', provider.handler);
    const fixture = TestBed.createComponent(AsyncView);
    await fixture.whenStable();
    expect(provider.calls[0]?.signal.aborted).toBe(false);
    fixture.destroy();
    expect(provider.calls[0]?.signal.aborted).toBe(true);
    expect(bus.inspect().counts.pending).toBe(0);
  });
});
