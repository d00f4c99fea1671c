import type { EventMeta } from '@mfe-bus/core';
import { ZERO_COUNTS } from '@mfe-bus/test-utils';
import { act, render, renderHook, screen } from '@testing-library/react';
import { Activity, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { setupBus, spyOnBus } from '../test/bus-wrapper';
import { useSubscribe } from './use-subscribe';

function LastMessage({ topic }: { topic: string }) {
  const [last, setLast] = useState('none');
  useSubscribe<string>(topic, (text) => setLast(text));
  return <p>last: {last}</p>;
}

function Listener({ topic, onEvent }: { topic: string; onEvent: (payload: unknown) => void }) {
  useSubscribe(topic, onEvent);
  return null;
}

describe('useSubscribe', () => {
  it('delivers events while mounted and unsubscribes on unmount', () => {
    const { bus, wrapper } = setupBus();
    const handler = vi.fn();
    const { unmount } = renderHook(() => useSubscribe('cart:updated', handler), { wrapper });
    expect(bus.inspect().counts.subscribers).toBe(1);
    act(() => bus.publish('cart:updated', { count: 1 }));
    expect(handler).toHaveBeenCalledWith({ count: 1 }, expect.objectContaining({ topic: 'cart:updated' }));
    unmount();
    expect(bus.inspect().counts).toEqual(ZERO_COUNTS);
    bus.publish('cart:updated', { count: 2 });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('calls the latest handler without resubscribing on re-render', () => {
    const { bus, spy: subscribe, wrapper } = spyOnBus(setupBus().bus, 'subscribe');
    const first = vi.fn();
    const second = vi.fn();
    const { rerender } = renderHook(({ handler }) => useSubscribe('ping', handler), {
      wrapper,
      initialProps: { handler: first },
    });
    rerender({ handler: second });
    rerender({ handler: second });
    expect(subscribe).toHaveBeenCalledTimes(1);
    act(() => bus.publish('ping', 1));
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith(1, expect.anything());
  });

  it('resubscribes when the topic changes', () => {
    const { bus, wrapper } = setupBus();
    const handler = vi.fn();
    const { rerender } = renderHook(({ topic }) => useSubscribe(topic, handler, { replay: false }), {
      wrapper,
      initialProps: { topic: 'a' },
    });
    rerender({ topic: 'b' });
    expect(bus.inspect().counts.subscribers).toBe(1);
    act(() => {
      bus.publish('a', 1);
      bus.publish('b', 2);
    });
    expect(handler.mock.calls.map(([payload]) => payload)).toEqual([2]);
  });

  it('a component mounted after an event gets it through replay, on its first commit', () => {
    const { bus, wrapper } = setupBus();
    bus.publish('toast', 'saved');
    render(<LastMessage topic="toast" />, { wrapper });
    expect(screen.getByText('last: saved')).toBeTruthy();
  });

  it('replay: false skips earlier events', () => {
    const { bus, wrapper } = setupBus();
    bus.publish('toast', 'old');
    const handler = vi.fn();
    renderHook(() => useSubscribe('toast', handler, { replay: false }), { wrapper });
    expect(handler).not.toHaveBeenCalled();
    act(() => bus.publish('toast', 'new'));
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('patterns receive every matching topic, replayed ones flagged', () => {
    const { bus, wrapper } = setupBus();
    bus.publish('cart:added', 1);
    const metas: EventMeta[] = [];
    renderHook(() => useSubscribe('cart:*', (_payload, meta) => metas.push(meta)), { wrapper });
    act(() => bus.publish('cart:removed', 2));
    act(() => bus.publish('user:login', 3));
    expect(metas.map(({ topic, replayed }) => [topic, replayed])).toEqual([
      ['cart:added', true],
      ['cart:removed', false],
    ]);
  });

  it('StrictMode: one subscription, and a replayed event is delivered once', () => {
    const { bus, wrapper, spy } = spyOnBus(setupBus().bus, 'subscribe');
    bus.publish('toast', 'saved');
    const handler = vi.fn();
    const { unmount } = renderHook(() => useSubscribe('toast', handler), { wrapper, reactStrictMode: true });
    expect(spy).toHaveBeenCalledTimes(2); // StrictMode did subscribe twice
    expect(bus.inspect().counts.subscribers).toBe(1);
    expect(handler).toHaveBeenCalledTimes(1);
    act(() => bus.publish('toast', 'again'));
    expect(handler.mock.calls.map(([payload]) => payload)).toEqual(['saved', 'again']);
    unmount();
    expect(bus.inspect().counts).toEqual(ZERO_COUNTS);
  });

  // <Activity> is React 19.2+: the React 18 project has none.
  it.runIf(Activity)(
    '<Activity> hidden then shown: an event published in the same millisecond as the hide arrives once',
    () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(1_000); // every publish, the hide and the show share one Date.now()
      try {
        const { bus, wrapper } = setupBus();
        const handler = vi.fn();
        const view = (mode: 'visible' | 'hidden') => (
          <Activity mode={mode}>
            <Listener topic="toast" onEvent={handler} />
          </Activity>
        );
        const { rerender } = render(view('visible'), { wrapper });
        act(() => bus.publish('toast', 'before'));
        act(() => rerender(view('hidden')));
        expect(bus.inspect().counts.subscribers).toBe(0);
        act(() => bus.publish('toast', 'while hidden'));
        act(() => rerender(view('visible')));
        expect(bus.inspect().counts.subscribers).toBe(1);
        expect(handler.mock.calls.map(([payload]) => payload)).toEqual(['before', 'while hidden']);
      } finally {
        vi.useRealTimers();
      }
    },
  );
});
