import { ProviderTimeoutError } from '@mfe-bus/core';
import { manualProvider, ZERO_COUNTS } from '@mfe-bus/test-utils';
import { act, render, screen } from '@testing-library/react';
import { Component, type ReactNode, Suspense } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setupBus } from '../test/bus-wrapper';
import { useSuspenseRequest } from './use-suspense-request';

class Boundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state = { error: undefined as unknown };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  override render() {
    const { error } = this.state;
    if (error) return <p>failed: {error instanceof ProviderTimeoutError ? 'timeout' : String(error)}</p>;
    return this.props.children;
  }
}

function UserName({ id, onRender }: { id: number; onRender?: () => void }) {
  const user = useSuspenseRequest<{ name: string }, { id: number }>('user', { id });
  onRender?.();
  return <p>{user.name}</p>;
}

/** React 19 only retries a suspended render when the render itself ran in an awaited `act`. */
async function renderAsync(...args: Parameters<typeof render>): Promise<ReturnType<typeof render>> {
  let result: ReturnType<typeof render> | undefined;
  await act(async () => {
    result = render(...args);
  });
  return result!;
}

function Page({ children }: { children: ReactNode }) {
  return (
    <Boundary>
      <Suspense fallback={<p>loading</p>}>{children}</Suspense>
    </Boundary>
  );
}

afterEach(() => {
  vi.useRealTimers();
});

describe('useSuspenseRequest', () => {
  it('suspends until the provider answers, then renders the result', async () => {
    const { bus, wrapper } = setupBus();
    const provider = manualProvider<{ id: number }, { name: string }>();
    bus.provide('user', provider.handler);
    await renderAsync(
      <Page>
        <UserName id={1} />
      </Page>,
      { wrapper },
    );
    expect(screen.getByText('loading')).toBeTruthy();
    await act(async () => provider.calls[0]!.answer({ name: 'Ada' }));
    expect(screen.getByText('Ada')).toBeTruthy();
  });

  it('retries reuse the cached promise: one provider call for many components, also under StrictMode', async () => {
    const { bus, wrapper } = setupBus();
    const provider = vi.fn(async ({ id }: { id: number }) => ({ name: `user ${id}` }));
    bus.provide('user', provider);
    await renderAsync(
      <Page>
        <UserName id={3} />
        <UserName id={3} />
        <UserName id={3} />
      </Page>,
      { wrapper, reactStrictMode: true },
    );
    expect(await screen.findAllByText('user 3')).toHaveLength(3);
    expect(provider).toHaveBeenCalledTimes(1);
  });

  it('params are compared by value', async () => {
    const { bus, wrapper } = setupBus();
    const provider = vi.fn(async ({ id }: { id: number }) => ({ name: `user ${id}` }));
    bus.provide('user', provider);
    const { rerender } = await renderAsync(
      <Page>
        <UserName id={4} />
      </Page>,
      { wrapper },
    );
    await screen.findByText('user 4');
    await act(async () =>
      rerender(
        <Page>
          <UserName id={4} />
        </Page>,
      ),
    );
    expect(screen.getByText('user 4')).toBeTruthy();
    expect(provider).toHaveBeenCalledTimes(1);
  });

  it('sends errors (a timeout here) to the error boundary', async () => {
    vi.useFakeTimers();
    const { bus, wrapper } = setupBus({ requestTimeoutMs: 1_000 });
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    await renderAsync(
      <Page>
        <UserName id={5} />
      </Page>,
      { wrapper },
    );
    expect(screen.getByText('loading')).toBeTruthy();
    await act(() => vi.advanceTimersByTimeAsync(1_000));
    expect(screen.getByText('failed: timeout')).toBeTruthy();
    expect(bus.inspect().counts).toEqual(ZERO_COUNTS);
    consoleError.mockRestore();
  });

  it('keeps the answer while a component shows it, asks again once none does', async () => {
    const { bus, wrapper } = setupBus();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const provider = vi.fn(async ({ id }: { id: number }) => ({ name: `user ${id}` }));
    bus.provide('user', provider);
    const page = (
      <Page>
        <UserName id={6} />
      </Page>
    );
    const first = await renderAsync(page, { wrapper });
    await act(() => vi.advanceTimersByTimeAsync(5_000));
    const second = await renderAsync(page, { wrapper });
    expect(screen.getAllByText('user 6')).toHaveLength(2);
    expect(provider).toHaveBeenCalledTimes(1);
    first.unmount();
    second.unmount();
    await act(() => vi.advanceTimersByTimeAsync(5_000));
    await renderAsync(page, { wrapper });
    expect(screen.getByText('user 6')).toBeTruthy();
    expect(provider).toHaveBeenCalledTimes(2);
  });
});
