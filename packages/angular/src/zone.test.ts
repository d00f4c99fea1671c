// With zone.js loaded: bus callbacks, fired from outside Angular's zone, must run inside it.
import 'zone.js';
import { type ApplicationRef, NgZone, provideZoneChangeDetection } from '@angular/core';
import { createApplication } from '@angular/platform-browser';
import { type Bus, createBus } from '@mfe-bus/core';
import { injectBusState } from './inject-bus-state';
import { injectProvide } from './inject-provide';
import { injectSubscribe } from './inject-subscribe';
import { MfeBus } from './mfe-bus.service';
import { provideMfeBus } from './provide-mfe-bus';

let bus: Bus;
let app: ApplicationRef;
let zone: NgZone;

beforeEach(async () => {
  bus = createBus();
  app = await createApplication({ providers: [provideZoneChangeDetection(), provideMfeBus({ bus })] });
  zone = app.injector.get(NgZone);
});

afterEach(() => {
  app.destroy();
  bus.destroy();
});

const outside = <T>(fn: () => T): T => zone.runOutsideAngular(fn);

it('runs a real zone', () => {
  expect(zone).toBeInstanceOf(NgZone);
  expect(outside(() => NgZone.isInAngularZone())).toBe(false);
});

it('re-enters the zone for subscribers, providers and signal writes', async () => {
  const seen: Record<string, boolean> = {};
  bus.subscribe('cart:updated', () => {
    seen.raw = NgZone.isInAngularZone();
  });
  const count = app.injector.runInContext(() => {
    injectSubscribe('cart:updated', () => {
      seen.subscriber = NgZone.isInAngularZone();
    });
    injectProvide('app:version', () => {
      seen.provider = NgZone.isInAngularZone();
      return '1.0.0';
    });
    return injectBusState('count');
  });
  outside(() => bus.publish('cart:updated', { count: 1 }));
  await outside(() => bus.request('app:version'));
  outside(() => bus.setState('count', 3));
  expect(seen).toEqual({ raw: false, subscriber: true, provider: true });
  expect(count()).toBe(3);
});

it('emits observables inside the zone', async () => {
  const service = app.injector.get(MfeBus);
  bus.provide('app:version', () => '2.0.0');
  let answeredInZone = false;
  await outside(
    () =>
      new Promise<void>((resolve) =>
        service.request$('app:version').subscribe(() => {
          answeredInZone = NgZone.isInAngularZone();
          resolve();
        }),
      ),
  );
  expect(answeredInZone).toBe(true);
  let emittedInZone = false;
  const subscription = service.on$('cart:updated').subscribe(() => {
    emittedInZone = NgZone.isInAngularZone();
  });
  outside(() => bus.publish('cart:updated', { count: 2 }));
  subscription.unsubscribe();
  expect(emittedInZone).toBe(true);
});
