import { Component, provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { createApplication } from '@angular/platform-browser';
import { createBus, getBus } from '@mfe-bus/core';
import { injectBusState } from './inject-bus-state';
import { MfeBus } from './mfe-bus.service';
import { MFE_BUS } from './mfe-bus.token';
import { provideMfeBus } from './provide-mfe-bus';

afterEach(() => getBus().destroy());

describe('provideMfeBus', () => {
  it('defaults to the page-wide bus, even without provideMfeBus()', () => {
    expect(TestBed.inject(MFE_BUS)).toBe(getBus());
  });

  it('uses a given bus', () => {
    const bus = createBus();
    TestBed.configureTestingModule({ providers: [provideMfeBus({ bus })] });
    expect(TestBed.inject(MfeBus).bus).toBe(bus);
    expect(TestBed.inject(MfeBus).bus).not.toBe(getBus());
    bus.destroy();
  });

  it('passes options to the page-wide bus', async () => {
    TestBed.configureTestingModule({ providers: [provideMfeBus({ requestTimeoutMs: 20 })] });
    const bus = TestBed.inject(MFE_BUS);
    expect(bus).toBe(getBus());
    await expect(bus.request('nobody:home')).rejects.toMatchObject({ code: 'PROVIDER_TIMEOUT', timeoutMs: 20 });
  });

  it('shares state between two Angular apps, each with its own root injector', async () => {
    @Component({ selector: 'user-name', template: '{{ user()?.name }}' })
    class UserName {
      readonly user = injectBusState('user');
    }
    const fixture = TestBed.createComponent(UserName);
    const otherApp = await createApplication({ providers: [provideZonelessChangeDetection(), provideMfeBus()] });
    const otherBus = otherApp.injector.get(MfeBus);
    expect(otherBus).not.toBe(TestBed.inject(MfeBus));

    otherBus.setState('user', { id: 'u1', name: 'Linus' });
    await fixture.whenStable();
    expect(fixture.nativeElement.textContent).toBe('Linus');
    otherApp.destroy();
    fixture.destroy();
    expect(getBus().inspect().counts.watchers).toBe(0);
  });
});
