import { createBus } from '@mfe-bus/core';
import { ZERO_COUNTS } from '@mfe-bus/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { effectScope, nextTick, watch } from 'vue';
import { inApp, mountWithBus } from '../test/mount';
import { useBusState } from './use-bus-state';

afterEach(() => vi.restoreAllMocks());

describe('useBusState', () => {
  it('late mount sees the current state and re-renders when another app changes it', async () => {
    const bus = createBus();
    bus.setState('count', 3);
    const { wrapper } = mountWithBus(
      bus,
      () => useBusState('count'),
      (count) => count.value,
    );
    expect(wrapper.text()).toBe('3');
    bus.setState('count', 4);
    await nextTick();
    expect(wrapper.text()).toBe('4');
  });

  it('assigning .value calls setState; the value is the frozen stored one', async () => {
    const bus = createBus();
    const { wrapper, result: user } = mountWithBus(
      bus,
      () => useBusState('user'),
      (u) => u.value?.name ?? 'none',
    );
    expect(wrapper.text()).toBe('none');
    user.value = { id: '1', name: 'Ada' };
    expect(bus.getState('user')).toEqual({ id: '1', name: 'Ada' });
    expect(user.value).toBe(bus.getState('user'));
    expect(Object.isFrozen(user.value)).toBe(true);
    await nextTick();
    expect(wrapper.text()).toBe('Ada');
  });

  it('unmount leaves no watcher', () => {
    const bus = createBus();
    const { wrapper } = mountWithBus(bus, () => [useBusState('count'), useBusState('user')]);
    expect(bus.inspect().counts.watchers).toBe(2);
    wrapper.unmount();
    expect(bus.inspect().counts).toEqual(ZERO_COUNTS);
  });

  it('effectScope().stop() cleans up; inside the scope effects follow the shared value', async () => {
    const bus = createBus();
    const scope = effectScope();
    const seen: (number | undefined)[] = [];
    inApp(bus, () =>
      scope.run(() => {
        const count = useBusState('count');
        watch(count, (value) => seen.push(value));
      }),
    );
    expect(bus.inspect().counts.watchers).toBe(1);
    bus.setState('count', 1);
    await nextTick();
    expect(seen).toEqual([1]);
    scope.stop();
    expect(bus.inspect().counts.watchers).toBe(0);
    bus.setState('count', 2);
    await nextTick();
    expect(seen).toEqual([1]);
  });

  it('outside a scope it works, warns in development, and returns a stop handle', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const bus = createBus();
    const count = inApp(bus, () => useBusState('count'));
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('useBusState() was called outside'));
    count.value = 5;
    expect(bus.getState('count')).toBe(5);
    expect(bus.inspect().counts.watchers).toBe(1);
    count.stop();
    count.stop();
    expect(bus.inspect().counts.watchers).toBe(0);
  });
});
