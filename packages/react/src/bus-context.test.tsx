import { type Bus, createBus, type EventMeta, getBus } from '@mfe-bus/core';
import { appCounts, manualProvider, ZERO_COUNTS } from '@mfe-bus/test-utils';
import { act, render, renderHook, screen } from '@testing-library/react';
import { type ReactNode, useEffect } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BusProvider, useBus } from './bus-context';
import { useConnecticState } from './use-connectic-state';
import { useProvide } from './use-provide';
import { usePublish } from './use-publish';
import { useRequest } from './use-request';
import { useSubscribe } from './use-subscribe';

let keyCount = 0;
/** A state key and topic no other test used: the page-wide bus outlives each test. */
const fresh = () => `context-test:${++keyCount}`;

/** Writes `key` and publishes on `topic` through hooks, once mounted. */
function Writer({ stateKey, topic }: { stateKey: string; topic: string }) {
  const [, setValue] = useConnecticState<string>(stateKey);
  const publish = usePublish();
  useEffect(() => {
    setValue('written');
    publish(topic, 'published');
  }, [setValue, publish, topic]);
  return null;
}

/** Every kind of registration, through hooks; the request is never answered, so it stays pending. */
function Everything() {
  useSubscribe('cart:updated', () => {});
  useConnecticState('count');
  useProvide('cart:total', () => 0);
  useRequest('nobody:answers');
  return null;
}

/** Subscribes through `useBus()` and never unsubscribes. */
function Leaky() {
  const scoped = useBus();
  useEffect(() => void scoped.subscribe('leak', () => {}), [scoped]);
  return null;
}

function Greeting() {
  const { status, data, error } = useRequest<string>('greeting');
  return <p>{status === 'error' ? String(error) : (data ?? status)}</p>;
}

function inApp(bus: Bus, app: string) {
  return ({ children }: { children: ReactNode }) => (
    <BusProvider bus={bus} app={app}>
      {children}
    </BusProvider>
  );
}

describe('BusProvider / useBus', () => {
  afterEach(() => vi.restoreAllMocks());

  it("hooks under a BusProvider read and write the given bus, not the page's", () => {
    const bus = createBus();
    const [stateKey, topic] = [fresh(), fresh()];
    const onGiven = vi.fn();
    const onPage = vi.fn();
    bus.subscribe(topic, onGiven);
    getBus().subscribe(topic, onPage);
    render(
      <BusProvider bus={bus}>
        <Writer stateKey={stateKey} topic={topic} />
      </BusProvider>,
    );
    expect(bus.getState(stateKey)).toBe('written');
    expect(getBus().getState(stateKey)).toBeUndefined();
    expect(onGiven).toHaveBeenCalledWith('published', expect.anything());
    expect(onPage).not.toHaveBeenCalled();
  });

  it('hooks outside any provider read and write the page-wide getBus()', () => {
    const other = createBus();
    const [stateKey, topic] = [fresh(), fresh()];
    const onPage = vi.fn();
    getBus().subscribe(topic, onPage);
    render(<Writer stateKey={stateKey} topic={topic} />);
    expect(getBus().getState(stateKey)).toBe('written');
    expect(other.getState(stateKey)).toBeUndefined();
    expect(onPage).toHaveBeenCalledWith('published', expect.anything());
  });

  it('without app, useBus() is the bus itself and calls are unscoped', () => {
    const bus = createBus();
    const { result } = renderHook(() => useBus(), {
      wrapper: ({ children }) => <BusProvider bus={bus}>{children}</BusProvider>,
    });
    expect(result.current).toBe(bus);
    render(<Everything />, { wrapper: ({ children }) => <BusProvider bus={bus}>{children}</BusProvider> });
    expect(bus.inspect().apps.map(({ app }) => app)).toEqual([null]);
  });

  it('with app, what the hooks publish carries meta.source = app', () => {
    const bus = createBus();
    const [stateKey, topic] = [fresh(), fresh()];
    const metas: EventMeta[] = [];
    bus.subscribe(topic, (_payload, meta) => metas.push(meta));
    render(<Writer stateKey={stateKey} topic={topic} />, { wrapper: inApp(bus, 'cart') });
    expect(metas.map(({ source }) => source)).toEqual(['cart']);
    expect(bus.inspect().state.find(({ key }) => key === stateKey)?.source).toBe('cart');
  });

  it("with app, inspect().apps counts the app's registrations, back to zero on unmount", async () => {
    const bus = createBus();
    const { unmount } = render(<Everything />, { wrapper: inApp(bus, 'cart') });
    expect(appCounts(bus, 'cart')).toEqual({ subscribers: 1, watchers: 1, providers: 1, pending: 1 });
    expect(appCounts(bus, null)).toEqual(ZERO_COUNTS);
    unmount();
    await act(async () => {});
    expect(appCounts(bus, 'cart')).toEqual(ZERO_COUNTS);
    expect(bus.inspect().counts).toEqual(ZERO_COUNTS);
  });

  it('unmounting the provider disposes the scope: what the subtree left registered goes too', async () => {
    const bus = createBus();
    const { unmount } = render(<Leaky />, { wrapper: inApp(bus, 'cart') });
    expect(appCounts(bus, 'cart').subscribers).toBe(1);
    unmount();
    await act(async () => {});
    expect(bus.inspect().counts).toEqual(ZERO_COUNTS);
  });

  it('nested providers: the inner one wins, and keeps the outer bus unless given one', () => {
    const outerBus = createBus();
    const innerBus = createBus();
    const wrap =
      (inner: { bus?: Bus; app?: string }) =>
      ({ children }: { children: ReactNode }) => (
        <BusProvider bus={outerBus} app="shell">
          <BusProvider {...inner}>{children}</BusProvider>
        </BusProvider>
      );
    render(<Everything />, { wrapper: wrap({ app: 'cart' }) });
    expect(outerBus.inspect().apps.map(({ app }) => app)).toEqual(['cart']);
    render(<Everything />, { wrapper: wrap({ bus: innerBus }) });
    expect(innerBus.inspect().apps.map(({ app }) => app)).toEqual([null]);
    expect(outerBus.inspect().apps.map(({ app }) => app)).toEqual(['cart']);
  });

  it('StrictMode: the double effects leave a working scope; a waiting request is not rejected', async () => {
    const bus = createBus();
    const provider = manualProvider<undefined, string>();
    render(<Greeting />, { wrapper: inApp(bus, 'cart'), reactStrictMode: true });
    await act(async () => {});
    expect(screen.getByText('pending')).toBeTruthy();
    expect(appCounts(bus, 'cart').pending).toBe(1);
    bus.provide('greeting', provider.handler);
    expect(provider.calls.map(({ requester }) => requester)).toEqual(['cart']);
    await act(async () => provider.calls[0]!.answer('hello'));
    expect(screen.getByText('hello')).toBeTruthy();
  });
});
