import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBus } from '../bus/create-bus';
import { ProviderTimeoutError } from '../errors';
import type { Bus, ProviderContext } from '../types';
import { observeRequest, type RequestState } from './request-observer';

let bus: Bus;
beforeEach(() => {
  bus = createBus();
});
afterEach(() => {
  bus.destroy();
  vi.useRealTimers();
});

/** A provider whose answers the test releases by hand. */
function manualProvider() {
  const calls: { params: unknown; signal: AbortSignal; answer(value: unknown): void; fail(error: unknown): void }[] =
    [];
  bus.provide('lookup', (params: unknown, { signal }: ProviderContext) => {
    return new Promise((answer, fail) => {
      calls.push({ params, signal, answer, fail });
    });
  });
  return calls;
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('observeRequest', () => {
  it('starts on the first subscriber and goes pending -> success, with stable snapshots', async () => {
    const calls = manualProvider();
    const observer = observeRequest<string, { id: number }>(bus, 'lookup', { id: 1 });
    const initial = observer.getState();
    expect(initial).toEqual({ status: 'pending', data: undefined, error: undefined, isFetching: true });
    expect(calls).toHaveLength(0);
    const seen: RequestState<string>[] = [];
    observer.subscribe((state) => seen.push(state));
    expect(calls).toHaveLength(1);
    expect(observer.getState()).toBe(initial);
    calls[0]?.answer('one');
    await flush();
    expect(observer.getState()).toEqual({ status: 'success', data: 'one', error: undefined, isFetching: false });
    expect(observer.getState()).toBe(observer.getState());
    expect(Object.isFrozen(observer.getState())).toBe(true);
    expect(seen).toEqual([observer.getState()]);
  });

  it('shares one provider call among subscribers and aborts it a microtask after the last one leaves', async () => {
    const calls = manualProvider();
    const observer = observeRequest(bus, 'lookup', 'p');
    const offA = observer.subscribe(() => {});
    const offB = observer.subscribe(() => {});
    offA();
    offB();
    const again = observer.subscribe(() => {});
    await Promise.resolve();
    expect(calls).toHaveLength(1);
    expect(calls[0]?.signal.aborted).toBe(false);
    again();
    await Promise.resolve();
    expect(calls[0]?.signal.aborted).toBe(true);
    expect(observer.getState()).toMatchObject({ status: 'pending', isFetching: false });
    expect(bus.inspect().counts.pending).toBe(0);
  });

  it('reports provider errors and timeouts, keeping the data of an earlier success on a failed refetch', async () => {
    vi.useFakeTimers();
    const slow = observeRequest(bus, 'nobody', undefined, { timeoutMs: 100 });
    slow.subscribe(() => {});
    await vi.advanceTimersByTimeAsync(100);
    expect(slow.getState()).toMatchObject({
      status: 'error',
      error: expect.any(ProviderTimeoutError),
      isFetching: false,
    });

    const calls = manualProvider();
    const observer = observeRequest(bus, 'lookup', 'p');
    observer.subscribe(() => {});
    calls[0]?.answer('first');
    await vi.advanceTimersByTimeAsync(0);
    const refetched = observer.refetch();
    expect(observer.getState()).toMatchObject({ status: 'success', data: 'first', isFetching: true });
    calls[1]?.fail(new Error('down'));
    await refetched;
    expect(observer.getState()).toEqual({
      status: 'error',
      data: 'first',
      error: new Error('down'),
      isFetching: false,
    });
  });

  it('refetch bypasses the cache, and does nothing without listeners', async () => {
    let n = 0;
    bus.provide('count', () => ++n, { ttlMs: 60_000 });
    const observer = observeRequest<number, undefined>(bus, 'count', undefined);
    await observer.refetch();
    expect(n).toBe(0);
    const off = observer.subscribe(() => {});
    await flush();
    expect(observer.getState().data).toBe(1);
    await observer.refetch();
    expect(observer.getState().data).toBe(2);
    off();
  });

  it('on new params aborts the request in flight, drops the old data and asks again; equal params change nothing', async () => {
    const calls = manualProvider();
    const observer = observeRequest<string, { id: number; tag?: string }>(bus, 'lookup', { id: 1, tag: 'a' });
    observer.subscribe(() => {});
    observer.setParams({ tag: 'a', id: 1 });
    expect(calls).toHaveLength(1);
    calls[0]?.answer('for 1');
    await flush();
    const seen: RequestState<string>[] = [];
    observer.subscribe((state) => seen.push(state));
    observer.setParams({ id: 2 });
    expect(observer.getState()).toMatchObject({ status: 'pending', data: undefined, isFetching: true });
    expect(seen).toEqual([observer.getState()]);
    observer.setParams({ id: 3 });
    expect(calls.map((call) => call.params)).toEqual([{ id: 1, tag: 'a' }, { id: 2 }, { id: 3 }]);
    expect(calls[1]?.signal.aborted).toBe(true);
    calls[1]?.answer('stale');
    calls[2]?.answer('for 3');
    await flush();
    expect(observer.getState()).toMatchObject({ status: 'success', data: 'for 3' });
  });

  it('switches params quietly while nobody listens, and fetches them on the next subscriber', async () => {
    const calls = manualProvider();
    const observer = observeRequest(bus, 'lookup', 1);
    observer.setParams(2);
    expect(calls).toHaveLength(0);
    observer.subscribe(() => {});
    expect(calls.map((call) => call.params)).toEqual([2]);
  });

  it('surfaces params core rejects as an error state', async () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const observer = observeRequest(bus, 'lookup', cyclic);
    observer.subscribe(() => {});
    observer.setParams(cyclic);
    await flush();
    expect(observer.getState()).toMatchObject({
      status: 'error',
      error: expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    });
  });
});
