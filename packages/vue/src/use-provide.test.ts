import { createBus, ProviderTimeoutError } from '@mfe-bus/core';
import { describe, expect, it } from 'vitest';
import { effectScope } from 'vue';
import { inApp, mountWithBus } from '../test/mount';
import { useProvide } from './use-provide';

describe('useProvide', () => {
  it('answers requests while mounted and unregisters on unmount', async () => {
    const bus = createBus();
    const { wrapper } = mountWithBus(bus, () =>
      useProvide('user:permissions', ({ userId }) => [`read:${userId}`], { ttlMs: 0 }),
    );
    await expect(bus.request('user:permissions', { userId: 'u1' })).resolves.toEqual(['read:u1']);
    wrapper.unmount();
    expect(bus.inspect().counts.providers).toBe(0);
    await expect(bus.request('user:permissions', { userId: 'u1' }, { timeoutMs: 10 })).rejects.toBeInstanceOf(
      ProviderTimeoutError,
    );
  });

  it('a request made before mount is answered once the provider registers', async () => {
    const bus = createBus();
    const pending = bus.request('app:version');
    expect(bus.inspect().counts.pending).toBe(1);
    mountWithBus(bus, () => useProvide('app:version', () => '1.2.3'));
    await expect(pending).resolves.toBe('1.2.3');
  });

  it('effectScope().stop() unregisters', () => {
    const bus = createBus();
    const scope = effectScope();
    inApp(bus, () => scope.run(() => useProvide('app:version', () => 'x')));
    expect(bus.inspect().counts.providers).toBe(1);
    scope.stop();
    expect(bus.inspect().counts.providers).toBe(0);
  });
});
