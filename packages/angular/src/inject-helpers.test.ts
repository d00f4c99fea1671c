import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { type Bus, createBus } from '@mfe-bus/core';
import { manualProvider, ZERO_COUNTS } from '@mfe-bus/test-utils';
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

@Component({ selector: 'cart-widget', template: '{{ user()?.name ?? "guest" }} / {{ count() ?? 0 }} / {{ last }}' })
class CartWidget {
  readonly user = injectBusState('user');
  readonly count = injectBusState('count');
  last = 'none';
  readonly stopCart = injectSubscribe('cart:*', (payload) => {
    this.last = JSON.stringify(payload);
  });
  readonly stopPermissions = injectProvide('user:permissions', ({ userId }) => [`cart:${userId}`]);
}

async function render() {
  const fixture = TestBed.createComponent(CartWidget);
  await fixture.whenStable();
  return { fixture, text: () => fixture.nativeElement.textContent as string };
}

describe('a component using every helper', () => {
  it('registers on the bus and leaves nothing behind once destroyed', async () => {
    const { fixture } = await render();
    expect(bus.inspect().counts).toEqual({ subscribers: 1, watchers: 2, providers: 1, pending: 0 });
    fixture.destroy();
    expect(bus.inspect().counts).toEqual(ZERO_COUNTS);
  });

  it('updates its signals when another app sets the state', async () => {
    const { fixture, text } = await render();
    expect(text()).toBe('guest / 0 / none');
    bus.setState('user', { id: 'u1', name: 'Ada' });
    await fixture.whenStable();
    expect(text()).toBe('Ada / 0 / none');
  });

  it('gets the current value when created late', async () => {
    bus.setState('user', { id: 'u2', name: 'Grace' });
    bus.setState('count', 4);
    const { text } = await render();
    expect(text()).toBe('Grace / 4 / none');
  });

  it('writes through set/update, so the bus and other components see it', async () => {
    const first = await render();
    const second = await render();
    first.fixture.componentInstance.count.set(1);
    first.fixture.componentInstance.count.update((previous) => (previous ?? 0) + 10);
    expect(bus.getState('count')).toBe(11);
    expect(second.fixture.componentInstance.count()).toBe(11);
    await second.fixture.whenStable();
    expect(second.text()).toBe('guest / 11 / none');
  });

  it('receives replayed events, then live ones', async () => {
    bus.publish('cart:updated', { count: 2 });
    const { fixture, text } = await render();
    expect(text()).toBe('guest / 0 / {"count":2}');
    bus.publish('cart:cleared', { reason: 'checkout' });
    fixture.changeDetectorRef.markForCheck();
    await fixture.whenStable();
    expect(text()).toBe('guest / 0 / {"reason":"checkout"}');
  });

  it('answers requests while alive, and stops answering once destroyed', async () => {
    const { fixture } = await render();
    await expect(bus.request('user:permissions', { userId: 'u1' })).resolves.toEqual(['cart:u1']);
    fixture.destroy();
    await expect(bus.request('user:permissions', { userId: 'u1' }, { timeoutMs: 10 })).rejects.toMatchObject({
      code: 'PROVIDER_TIMEOUT',
    });
  });

  it('returns cleanups that stop early, idempotently', async () => {
    const { fixture } = await render();
    fixture.componentInstance.stopCart();
    fixture.componentInstance.stopPermissions();
    expect(bus.inspect().counts).toMatchObject({ subscribers: 0, providers: 0 });
    fixture.destroy();
    expect(bus.inspect().counts).toEqual(ZERO_COUNTS);
  });
});

describe('injectProvide', () => {
  it("passes the requester's abort to the handler's signal", async () => {
    const provider = manualProvider<unknown, unknown>();
    @Component({ selector: 'slow-provider', template: '' })
    class SlowProvider {
      readonly stop = injectProvide('slow', provider.handler);
    }
    TestBed.createComponent(SlowProvider);
    const controller = new AbortController();
    const answer = bus.request('slow', undefined, { signal: controller.signal });
    await Promise.resolve();
    controller.abort();
    await expect(answer).rejects.toBeDefined();
    expect(provider.calls[0]?.signal.aborted).toBe(true);
  });
});
