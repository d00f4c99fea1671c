import { AsyncPipe } from '@angular/common';
import { Component, inject } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { type Bus, createBus, type EventMeta } from '@mfe-bus/core';
import { appCounts, ZERO_COUNTS } from '@mfe-bus/test-utils';
import { injectBusState } from './inject-bus-state';
import { injectProvide } from './inject-provide';
import { injectSubscribe } from './inject-subscribe';
import { MfeBus } from './mfe-bus.service';
import { provideMfeBus } from './provide-mfe-bus';

/** Every helper at once; the request is never answered, so it stays pending. */
@Component({ selector: 'cart-app', imports: [AsyncPipe], template: '{{ (version$ | async) ?? "-" }}' })
class CartApp {
  readonly service = inject(MfeBus);
  readonly count = injectBusState('count');
  readonly stopCart = injectSubscribe('cart:updated', () => {});
  readonly stopPermissions = injectProvide('user:permissions', ({ userId }) => [userId]);
  readonly version$ = this.service.request$('app:version');
}

let bus: Bus;

afterEach(() => bus.destroy());

describe('provideMfeBus({ app })', () => {
  beforeEach(() => {
    bus = createBus();
    TestBed.configureTestingModule({ providers: [provideMfeBus({ bus, app: 'cart' })] });
  });

  it('publishes and state writes carry the app as source; MfeBus.bus stays the bus itself', () => {
    const sources: EventMeta['source'][] = [];
    bus.subscribe('cart:updated', (_payload, meta) => sources.push(meta.source));
    const service = TestBed.inject(MfeBus);
    service.publish('cart:updated', { count: 1 });
    service.setState('count', 1);
    expect(sources).toEqual(['cart']);
    expect(bus.inspect().state.find(({ key }) => key === 'count')?.source).toBe('cart');
    expect(service.bus).toBe(bus);
  });

  it("inspect().apps counts the app's registrations, back to zero once its views are destroyed", async () => {
    const fixture = TestBed.createComponent(CartApp);
    await fixture.whenStable();
    expect(appCounts(bus, 'cart')).toEqual({ subscribers: 1, watchers: 1, providers: 1, pending: 1 });
    expect(appCounts(bus, null)).toEqual(ZERO_COUNTS);
    fixture.destroy();
    expect(bus.inspect().counts).toEqual(ZERO_COUNTS);
  });

  it('destroying the environment injector disposes the scope: what the app left registered goes too', () => {
    TestBed.inject(MfeBus).subscribe('leak', () => {});
    expect(appCounts(bus, 'cart').subscribers).toBe(1);
    TestBed.resetTestingModule();
    expect(bus.inspect().counts).toEqual(ZERO_COUNTS);
  });
});

describe('provideMfeBus() without app', () => {
  it('is unscoped, as before', async () => {
    bus = createBus();
    TestBed.configureTestingModule({ providers: [provideMfeBus({ bus })] });
    const fixture = TestBed.createComponent(CartApp);
    await fixture.whenStable();
    expect(bus.inspect().apps.map(({ app }) => app)).toEqual([null]);
    fixture.destroy();
  });
});
