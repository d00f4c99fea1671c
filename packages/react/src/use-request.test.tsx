import { ProviderTimeoutError } from '@mfe-bus/core';
import { manualProvider, ZERO_COUNTS } from '@mfe-bus/test-utils';
import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setupBus } from '../test/bus-wrapper';
import { useRequest } from './use-request';

function UserName({ id }: { id: number }) {
  const { status, data } = useRequest<{ name: string }, { id: number }>('user', { id });
  return <p>{status === 'success' ? data.name : status}</p>;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('useRequest', () => {
  it('goes from pending to success', async () => {
    const { bus, wrapper } = setupBus();
    const provider = manualProvider<undefined, string>();
    bus.provide('greeting', provider.handler);
    const { result } = renderHook(() => useRequest<string>('greeting'), { wrapper });
    expect(result.current).toMatchObject({ status: 'pending', data: undefined, error: undefined, isFetching: true });
    await act(async () => provider.calls[0]!.answer('hello'));
    expect(result.current).toMatchObject({ status: 'success', data: 'hello', error: undefined, isFetching: false });
    expect(bus.inspect().counts.pending).toBe(0);
  });

  it('surfaces a provider error', async () => {
    const { bus, wrapper } = setupBus();
    const failure = new Error('no such user');
    bus.provide('user', () => Promise.reject(failure));
    const { result } = renderHook(() => useRequest('user', { id: 1 }), { wrapper });
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current).toMatchObject({ error: failure, data: undefined, isFetching: false });
  });

  it('waits for a provider registered later', async () => {
    const { bus, wrapper } = setupBus();
    const { result } = renderHook(() => useRequest<number>('answer'), { wrapper });
    expect(bus.inspect().pending).toEqual([
      { key: 'answer', params: undefined, requesters: 1, waitingForProvider: true, apps: [null] },
    ]);
    await act(async () => {
      bus.provide('answer', () => 42);
    });
    expect(result.current).toMatchObject({ status: 'success', data: 42 });
  });

  it('surfaces ProviderTimeoutError when nobody answers in time', async () => {
    vi.useFakeTimers();
    const { bus, wrapper } = setupBus();
    const { result } = renderHook(() => useRequest('nobody', undefined, { timeoutMs: 500 }), { wrapper });
    await act(() => vi.advanceTimersByTimeAsync(499));
    expect(result.current.status).toBe('pending');
    await act(() => vi.advanceTimersByTimeAsync(1));
    expect(result.current.status).toBe('error');
    expect(result.current.error).toBeInstanceOf(ProviderTimeoutError);
    expect(bus.inspect().counts).toEqual(ZERO_COUNTS);
  });

  it('aborts on unmount: the provider sees its signal aborted and nothing is left pending', async () => {
    const { bus, wrapper } = setupBus();
    let signal: AbortSignal | undefined;
    bus.provide('slow', (_params, context) => {
      signal = context.signal;
      return new Promise(() => {});
    });
    const { unmount } = renderHook(() => useRequest('slow'), { wrapper });
    expect(signal?.aborted).toBe(false);
    unmount();
    await Promise.resolve();
    expect(signal?.aborted).toBe(true);
    expect(bus.inspect().counts.pending).toBe(0);
  });

  it('compares params by value: a new literal each render does not request again', async () => {
    const { bus, wrapper } = setupBus();
    const provider = vi.fn(({ id }: { id: number }) => ({ name: `user ${id}` }));
    bus.provide('user', provider);
    const { rerender } = render(<UserName id={1} />, { wrapper });
    await screen.findByText('user 1');
    rerender(<UserName id={1} />);
    rerender(<UserName id={1} />);
    await act(async () => {});
    expect(provider).toHaveBeenCalledTimes(1);
  });

  it('aborts the previous request when params change', async () => {
    const { bus, wrapper } = setupBus();
    const provider = manualProvider<{ id: number }, { name: string }>();
    bus.provide('user', provider.handler);
    const { rerender } = render(<UserName id={1} />, { wrapper });
    rerender(<UserName id={2} />);
    await act(async () => {});
    expect(provider.calls.map(({ params, signal }) => [params.id, signal.aborted])).toEqual([
      [1, true],
      [2, false],
    ]);
    await act(async () => provider.calls[1]!.answer({ name: 'Grace' }));
    expect(screen.getByText('Grace')).toBeTruthy();
  });

  it("new params show pending, never the previous params' data as their answer", async () => {
    const { bus, wrapper } = setupBus();
    const provider = manualProvider<{ id: number }, { name: string }>();
    bus.provide('user', provider.handler);
    const { rerender } = render(<UserName id={1} />, { wrapper });
    await act(async () => provider.calls[0]!.answer({ name: 'Ada' }));
    expect(screen.getByText('Ada')).toBeTruthy();
    act(() => rerender(<UserName id={2} />));
    expect(screen.getByText('pending')).toBeTruthy();
    await act(async () => provider.calls[1]!.answer({ name: 'Grace' }));
    expect(screen.getByText('Grace')).toBeTruthy();
  });

  it('a new key starts over from pending and aborts the old request', async () => {
    const { bus, wrapper } = setupBus();
    const signals: AbortSignal[] = [];
    bus.provide('a', () => 'from a');
    bus.provide('b', (_params, { signal }) => {
      signals.push(signal);
      return new Promise(() => {});
    });
    const { result, rerender } = renderHook(({ key }) => useRequest<string>(key), {
      wrapper,
      initialProps: { key: 'a' },
    });
    await waitFor(() => expect(result.current.data).toBe('from a'));
    rerender({ key: 'b' });
    expect(result.current).toMatchObject({ status: 'pending', data: undefined, isFetching: true });
    expect(signals).toHaveLength(1);
    rerender({ key: 'a' });
    await act(async () => {});
    expect(signals[0]?.aborted).toBe(true);
    expect(result.current).toMatchObject({ status: 'success', data: 'from a' });
  });

  it('many components asking the same thing share one provider call', async () => {
    const { bus, wrapper } = setupBus();
    const provider = vi.fn(async ({ id }: { id: number }) => ({ name: `user ${id}` }));
    bus.provide('user', provider);
    render(
      [1, 2, 3, 4, 5].map((n) => <UserName key={n} id={7} />),
      { wrapper },
    );
    await waitFor(() => expect(screen.getAllByText('user 7')).toHaveLength(5));
    expect(provider).toHaveBeenCalledTimes(1);
  });

  it('refetch asks the provider again past the cache, keeping the data meanwhile', async () => {
    const { bus, wrapper } = setupBus();
    const provider = manualProvider<undefined, number>();
    bus.provide('counter', provider.handler, { ttlMs: 60_000 });
    const { result } = renderHook(() => useRequest<number>('counter'), { wrapper });
    await act(async () => provider.calls[0]!.answer(1));
    expect(result.current.data).toBe(1);
    const { refetch } = result.current;
    act(() => refetch());
    expect(result.current).toMatchObject({ status: 'success', data: 1, isFetching: true });
    await act(async () => provider.calls[1]!.answer(2));
    expect(result.current).toMatchObject({ status: 'success', data: 2, isFetching: false });
    expect(provider.calls).toHaveLength(2);
    expect(result.current.refetch).toBe(refetch);
  });

  it('StrictMode double mounting makes one provider call, not cancelled', async () => {
    const { bus, wrapper } = setupBus();
    const signals: AbortSignal[] = [];
    bus.provide('once', async (_params, { signal }) => {
      signals.push(signal);
      return 'done';
    });
    const { result } = renderHook(() => useRequest('once'), { wrapper, reactStrictMode: true });
    await waitFor(() => expect(result.current.data).toBe('done'));
    expect(signals).toHaveLength(1);
    expect(signals[0]?.aborted).toBe(false);
  });

  it('unmounting leaves nothing behind', async () => {
    const { bus, wrapper } = setupBus();
    const { unmount } = renderHook(() => useRequest('nobody'), { wrapper });
    expect(bus.inspect().counts.pending).toBe(1);
    unmount();
    await Promise.resolve();
    expect(bus.inspect().counts).toEqual(ZERO_COUNTS);
  });
});
