import { createBus, type EventMeta } from '@mfe-bus/core';
import { appCounts, ZERO_COUNTS } from '@mfe-bus/test-utils';
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { createApp, defineComponent, h } from 'vue';
import { MfeBusPlugin, type MfeBusPluginOptions } from './plugin';
import { useBus } from './use-bus';
import { useBusState } from './use-bus-state';
import { useProvide } from './use-provide';
import { usePublish } from './use-publish';
import { useRequest } from './use-request';
import { useSubscribe } from './use-subscribe';

/** Every composable at once; the request is never answered, so it stays pending. */
const Everything = defineComponent({
  setup() {
    useSubscribe('cart:updated', () => {});
    useBusState('count');
    useProvide('app:version', () => '1.0');
    useRequest('user:permissions', { userId: 'u1' });
    usePublish()('cart:updated', { count: 1 });
    return () => h('p');
  },
});

const mountApp = (options: MfeBusPluginOptions) =>
  mount(Everything, { global: { plugins: [[MfeBusPlugin, options]] } });

describe('MfeBusPlugin', () => {
  it('with app, what the composables publish carries meta.source = app', () => {
    const bus = createBus();
    const sources: EventMeta['source'][] = [];
    bus.subscribe('cart:updated', (_payload, meta) => sources.push(meta.source));
    mountApp({ bus, app: 'cart' });
    expect(sources).toEqual(['cart']);
  });

  it("with app, inspect().apps counts the app's registrations, back to zero on app.unmount()", async () => {
    const bus = createBus();
    const wrapper = mountApp({ bus, app: 'cart' });
    expect(appCounts(bus, 'cart')).toEqual({ subscribers: 1, watchers: 1, providers: 1, pending: 1 });
    expect(appCounts(bus, null)).toEqual(ZERO_COUNTS);
    wrapper.unmount();
    await Promise.resolve();
    expect(bus.inspect().counts).toEqual(ZERO_COUNTS);
  });

  // app.onUnmount is Vue 3.5+: on 3.3 and 3.4 what the app itself left registered stays, as the README says.
  const hasOnUnmount = 'onUnmount' in createApp({});

  it.runIf(hasOnUnmount)('app.unmount() disposes the scope: what the app left registered goes too', () => {
    const bus = createBus();
    const app = createApp({ render: () => null }).use(MfeBusPlugin, { bus, app: 'cart' });
    app.runWithContext(() => useBus().subscribe('leak', () => {}));
    app.mount(document.createElement('div'));
    expect(appCounts(bus, 'cart').subscribers).toBe(1);
    app.unmount();
    expect(bus.inspect().counts).toEqual(ZERO_COUNTS);
  });

  it.skipIf(hasOnUnmount)("before Vue 3.5, app.unmount() leaves the scope: only the app's own leftovers stay", () => {
    const bus = createBus();
    const app = createApp({ render: () => null }).use(MfeBusPlugin, { bus, app: 'cart' });
    app.runWithContext(() => useBus().subscribe('leak', () => {}));
    app.mount(document.createElement('div'));
    app.unmount();
    expect(appCounts(bus, 'cart')).toEqual({ ...ZERO_COUNTS, subscribers: 1 });
  });

  it('without app, calls are unscoped as before', () => {
    const bus = createBus();
    const sources: EventMeta['source'][] = [];
    bus.subscribe('cart:updated', (_payload, meta) => sources.push(meta.source));
    mountApp({ bus });
    expect(sources).toEqual([null]);
    expect(bus.inspect().apps.map(({ app }) => app)).toEqual([null]);
  });
});
