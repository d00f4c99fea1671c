import { createBus, ProviderTimeoutError, type RequestState } from '@mfe-bus/core';
import { manualProvider } from '@mfe-bus/test-utils';
import { get } from 'svelte/store';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { busRequest } from './bus-request';

afterEach(() => vi.useRealTimers());

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

const manualPermissions = () => manualProvider<{ userId: string }, string[]>();

describe('busRequest', () => {
  it('starts on the first subscriber and goes pending -> success', async () => {
    const bus = createBus();
    const provider = manualPermissions();
    bus.provide('user:permissions', provider.handler);
    const store = busRequest('user:permissions', { userId: 'u1' }, { bus });
    expect(provider.calls).toHaveLength(0);
    const seen: RequestState<string[]>[] = [];
    const unsubscribe = store.subscribe((state) => seen.push(state));
    expect(seen).toEqual([{ data: undefined, error: undefined, status: 'pending', isFetching: true }]);
    provider.calls[0]!.answer(['read']);
    await flush();
    expect(seen.at(-1)).toEqual({ data: ['read'], error: undefined, status: 'success', isFetching: false });
    unsubscribe();
  });

  it('shares one request between subscribers and aborts it a microtask after the last one leaves', async () => {
    const bus = createBus();
    const provider = manualPermissions();
    bus.provide('user:permissions', provider.handler);
    const store = busRequest('user:permissions', { userId: 'u1' }, { bus });
    const first = store.subscribe(() => {});
    const second = store.subscribe(() => {});
    expect(provider.calls).toHaveLength(1);
    expect(bus.inspect().counts.pending).toBe(1);
    first();
    expect(provider.calls[0]!.signal.aborted).toBe(false);
    second();
    await Promise.resolve();
    expect(provider.calls[0]!.signal.aborted).toBe(true);
    expect(bus.inspect().counts.pending).toBe(0);
  });

  it('reports errors, including timeouts', async () => {
    vi.useFakeTimers();
    const bus = createBus();
    const store = busRequest('app:version', undefined, { bus, timeoutMs: 100 });
    const unsubscribe = store.subscribe(() => {});
    await vi.advanceTimersByTimeAsync(100);
    const state = get(store);
    expect(state.status).toBe('error');
    expect(state.error).toBeInstanceOf(ProviderTimeoutError);
    unsubscribe();
  });

  it('refetch() bypasses the cache and keeps data meanwhile; it does nothing without subscribers', async () => {
    const bus = createBus();
    let version = 0;
    bus.provide('app:version', () => `v${++version}`, { ttlMs: 60_000 });
    const store = busRequest('app:version', undefined, { bus });
    store.refetch();
    expect(version).toBe(0);
    const seen: RequestState<string>[] = [];
    const unsubscribe = store.subscribe((state) => seen.push(state));
    await flush();
    store.refetch();
    expect(seen.at(-1)).toEqual({ data: 'v1', error: undefined, status: 'success', isFetching: true });
    await flush();
    expect(seen.at(-1)?.data).toBe('v2');
    unsubscribe();
  });
});
