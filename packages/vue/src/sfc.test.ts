import { createBus } from '@mfe-bus/core';
import { ZERO_COUNTS } from '@mfe-bus/test-utils';
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import CartEditor from '../test/CartEditor.vue';
import { MfeBusPlugin } from './plugin';

describe('a compiled single-file component', () => {
  it('reads and writes shared state, publishes and receives events, and cleans up on unmount', async () => {
    const bus = createBus();
    bus.setState('user', { id: 'u1', name: 'Ada' });
    bus.publish('cart:updated', { count: 2 });
    const wrapper = mount(CartEditor, { global: { plugins: [[MfeBusPlugin, { bus }]] } });
    expect(wrapper.find('.user').text()).toBe('Ada');
    expect(wrapper.find('.cart').text()).toBe('2');

    await wrapper.find('input').setValue('Grace');
    await wrapper.find('.save').trigger('click');
    expect(bus.getState('user')).toEqual({ id: 'u1', name: 'Grace' });
    expect(wrapper.find('.user').text()).toBe('Grace');

    await wrapper.find('.add').trigger('click');
    expect(wrapper.find('.cart').text()).toBe('3');
    expect(bus.inspect().counts).toEqual({ subscribers: 1, watchers: 1, providers: 0, pending: 0 });
    wrapper.unmount();
    expect(bus.inspect().counts).toEqual(ZERO_COUNTS);
  });
});
