import { Component, createEnvironmentInjector, EnvironmentInjector, type Injector } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { type Bus, createBus } from '@mfe-bus/core';
import { ZERO_COUNTS } from '@mfe-bus/test-utils';
import { injectBusState } from './inject-bus-state';
import { injectProvide } from './inject-provide';
import { injectSubscribe } from './inject-subscribe';
import { provideMfeBus } from './provide-mfe-bus';

let bus: Bus;

beforeEach(() => {
  bus = createBus();
  TestBed.configureTestingModule({ providers: [provideMfeBus({ bus })] });
});

afterEach(() => bus.destroy());

function childInjector(): EnvironmentInjector {
  return createEnvironmentInjector([], TestBed.inject(EnvironmentInjector));
}

describe('injection context', () => {
  it('throws NG0203 outside an injection context, registering nothing', () => {
    expect(() => injectBusState('count')).toThrow(/NG0203/);
    expect(() => injectSubscribe('cart:updated', () => {})).toThrow(/NG0203/);
    expect(() => injectProvide('app:version', () => '1')).toThrow(/NG0203/);
    expect(bus.inspect().counts).toEqual(ZERO_COUNTS);
  });

  it("accepts { injector } and cleans up with that injector's DestroyRef", () => {
    const injector = childInjector();
    const count = injectBusState('count', { injector });
    injectSubscribe('cart:updated', () => {}, { injector });
    injectProvide('app:version', () => '1', { injector });
    bus.setState('count', 7);
    expect(count()).toBe(7);
    expect(bus.inspect().counts).toEqual({ subscribers: 1, watchers: 1, providers: 1, pending: 0 });
    injector.destroy();
    expect(bus.inspect().counts).toEqual(ZERO_COUNTS);
  });

  it('works inside runInInjectionContext', () => {
    const injector = childInjector();
    injector.runInContext(() => injectSubscribe('cart:updated', () => {}));
    expect(bus.inspect().counts.subscribers).toBe(1);
    injector.destroy();
    expect(bus.inspect().counts.subscribers).toBe(0);
  });

  it('never registers on a DestroyRef that is already destroyed', () => {
    @Component({ selector: 'empty-view', template: '' })
    class EmptyView {}
    const fixture = TestBed.createComponent(EmptyView);
    const injector = fixture.componentRef.injector;
    fixture.destroy();
    bus.setState('count', 1);
    const count = injectBusState('count', { injector });
    const stop = injectSubscribe('cart:updated', () => {}, { injector });
    expect(count()).toBe(1);
    expect(bus.inspect().counts).toEqual(ZERO_COUNTS);
    expect(() => stop()).not.toThrow();
  });

  it('throws for a destroyed environment injector before registering anything', () => {
    const injector = childInjector();
    injector.destroy();
    expect(() => injectSubscribe('cart:updated', () => {}, { injector: injector as Injector })).toThrow(/NG0205/);
    expect(bus.inspect().counts.subscribers).toBe(0);
  });
});
