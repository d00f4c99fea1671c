import { createBus, getBus } from '@mfe-bus/core';
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import { mountWithBus } from '../test/mount';
import { useBus } from './use-bus';

describe('useBus', () => {
  it('returns the bus given to MfeBusPlugin', () => {
    const bus = createBus();
    const { result } = mountWithBus(bus, () => useBus());
    expect(result).toBe(bus);
    expect(result).not.toBe(getBus());
  });

  it('falls back to the page-wide bus without the plugin, in setup and outside it', () => {
    let inSetup: unknown;
    mount(
      defineComponent({
        setup() {
          inSetup = useBus();
          return () => h('p');
        },
      }),
    );
    expect(inSetup).toBe(getBus());
    expect(useBus()).toBe(getBus());
  });
});
