import type { Bus } from '@mfe-bus/core';
import { mount } from '@vue/test-utils';
import { createApp, defineComponent, h } from 'vue';
import { MfeBusPlugin } from '../src';

/**
 * Mounts a component whose setup runs `setup` (with `bus` installed through the plugin) and renders
 * `render(result)` as text.
 */
export function mountWithBus<T>(bus: Bus, setup: () => T, render: (result: T) => unknown = () => '') {
  let result!: T;
  const wrapper = mount(
    defineComponent({
      setup() {
        result = setup();
        return () => h('p', String(render(result)));
      },
    }),
    { global: { plugins: [[MfeBusPlugin, { bus }]] } },
  );
  return { wrapper, result };
}

/** Runs `fn` with `bus` injectable, as code outside components does with `app.runWithContext`. */
export function inApp<T>(bus: Bus, fn: () => T): T {
  return createApp({ render: () => null })
    .use(MfeBusPlugin, { bus })
    .runWithContext(fn);
}
