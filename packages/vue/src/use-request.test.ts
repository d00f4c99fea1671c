import { createBus } from '@mfe-bus/core';
import { manualProvider } from '@mfe-bus/test-utils';
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { effectScope, isProxy, nextTick, ref } from 'vue';
import { inApp, mountWithBus } from '../test/mount';
import { useRequest } from './use-request';

afterEach(() => vi.restoreAllMocks());

const manualPermissions = () => manualProvider<{ userId: string }, string[]>();

describe('useRequest', () => {
  it('goes pending -> success with data, and renders it', async () => {
    const bus = createBus();
    const provider = manualPermissions();
    bus.provide('user:permissions', provider.handler);
    const { result, wrapper } = mountWithBus(
      bus,
      () => useRequest('user:permissions', { userId: 'u1' }),
      (r) => `${r.status.value}:${r.data.value?.join(',') ?? '-'}`,
    );
    expect(result.status.value).toBe('pending');
    expect(result.isFetching.value).toBe(true);
    expect(wrapper.text()).toBe('pending:-');
    provider.calls[0]!.answer(['read']);
    await flushPromises();
    expect(result.isFetching.value).toBe(false);
    expect(wrapper.text()).toBe('success:read');
  });

  it('exposes provider errors', async () => {
    const bus = createBus();
    bus.provide('app:version', () => Promise.reject(new Error('down')));
    const { result } = mountWithBus(bus, () => useRequest('app:version'));
    await flushPromises();
    expect(result.status.value).toBe('error');
    expect(result.error.value).toEqual(new Error('down'));
    expect(result.data.value).toBeUndefined();
  });

  it('a change of reactive params aborts the previous request and refetches; stale answers are ignored', async () => {
    const bus = createBus();
    const provider = manualPermissions();
    bus.provide('user:permissions', provider.handler);
    const userId = ref('u1');
    const { result } = mountWithBus(bus, () => useRequest('user:permissions', () => ({ userId: userId.value })));
    expect(provider.calls.map((c) => c.params.userId)).toEqual(['u1']);
    userId.value = 'u2';
    await nextTick();
    expect(provider.calls.map((c) => c.params.userId)).toEqual(['u1', 'u2']);
    expect(provider.calls[0]!.signal.aborted).toBe(true);
    expect(provider.calls[1]!.signal.aborted).toBe(false);
    provider.calls[0]!.answer(['stale']);
    provider.calls[1]!.answer(['fresh']);
    await flushPromises();
    expect(result.data.value).toEqual(['fresh']);
    expect(bus.inspect().counts.pending).toBe(0);
  });

  it("new params reset to pending: the previous params' data is never shown for the new ones", async () => {
    const bus = createBus();
    const provider = manualPermissions();
    bus.provide('user:permissions', provider.handler);
    const userId = ref('u1');
    const { result, wrapper } = mountWithBus(
      bus,
      () => useRequest('user:permissions', () => ({ userId: userId.value })),
      (r) => `${r.status.value}:${r.data.value?.join(',') ?? '-'}`,
    );
    provider.calls[0]!.answer(['u1 only']);
    await flushPromises();
    expect(wrapper.text()).toBe('success:u1 only');
    userId.value = 'u2';
    await nextTick();
    expect(result.isFetching.value).toBe(true);
    expect(wrapper.text()).toBe('pending:-');
    provider.calls[1]!.answer(['u2 only']);
    await flushPromises();
    expect(wrapper.text()).toBe('success:u2 only');
  });

  it('follows a ref of params, including deep changes; providers get plain objects', async () => {
    const bus = createBus();
    const seen: string[] = [];
    bus.provide('user:permissions', (params) => {
      const { userId } = params;
      expect(isProxy(params)).toBe(false);
      seen.push(userId);
      return [userId];
    });
    const params = ref({ userId: 'a' });
    const { result } = mountWithBus(bus, () => useRequest('user:permissions', params));
    params.value.userId = 'b';
    await nextTick();
    params.value = { userId: 'c' };
    await flushPromises();
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(result.data.value).toEqual(['c']);
  });

  it('keeps data while refetching; refetch() bypasses the cache', async () => {
    const bus = createBus();
    let version = 0;
    bus.provide('app:version', () => `v${++version}`, { ttlMs: 60_000 });
    const { result } = mountWithBus(bus, () => useRequest('app:version'));
    await flushPromises();
    expect(result.data.value).toBe('v1');
    const again = result.refetch();
    expect(result.isFetching.value).toBe(true);
    expect(result.data.value).toBe('v1');
    expect(result.status.value).toBe('success');
    await again;
    expect(result.data.value).toBe('v2');
  });

  it('unmount aborts the request in flight and leaves nothing pending', async () => {
    const bus = createBus();
    const provider = manualPermissions();
    bus.provide('user:permissions', provider.handler);
    const { wrapper, result } = mountWithBus(bus, () => useRequest('user:permissions', { userId: 'u1' }));
    expect(bus.inspect().counts.pending).toBe(1);
    wrapper.unmount();
    await Promise.resolve(); // core aborts a microtask later, so an immediate re-subscription keeps the call
    expect(bus.inspect().counts.pending).toBe(0);
    expect(provider.calls[0]!.signal.aborted).toBe(true);
    await flushPromises();
    expect(result.status.value).toBe('pending');
    expect(result.isFetching.value).toBe(false);
  });

  it('effectScope().stop() aborts and stops following params', async () => {
    const bus = createBus();
    const provider = manualPermissions();
    bus.provide('user:permissions', provider.handler);
    const userId = ref('u1');
    const scope = effectScope();
    inApp(bus, () => scope.run(() => useRequest('user:permissions', () => ({ userId: userId.value }))));
    scope.stop();
    await Promise.resolve();
    expect(bus.inspect().counts.pending).toBe(0);
    userId.value = 'u2';
    await nextTick();
    expect(provider.calls).toHaveLength(1);
  });

  it('outside a scope it warns; stop() aborts and ends refetching', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const bus = createBus();
    const { stop, refetch } = inApp(bus, () => useRequest('app:version', undefined, { timeoutMs: 50 }));
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('useRequest()'));
    expect(bus.inspect().counts.pending).toBe(1);
    stop();
    await Promise.resolve();
    expect(bus.inspect().counts.pending).toBe(0);
    void refetch();
    expect(bus.inspect().counts.pending).toBe(0);
  });

  it('passes timeoutMs through', async () => {
    vi.useFakeTimers();
    try {
      const bus = createBus();
      const { result } = mountWithBus(bus, () => useRequest('app:version', undefined, { timeoutMs: 100 }));
      await vi.advanceTimersByTimeAsync(99);
      expect(result.status.value).toBe('pending');
      await vi.advanceTimersByTimeAsync(1);
      expect(result.status.value).toBe('error');
      expect((result.error.value as Error).name).toBe('ProviderTimeoutError');
    } finally {
      vi.useRealTimers();
    }
  });
});
