import { afterEach, beforeEach, describe, expect, it, type Mock, vi } from 'vitest';
import { createBus } from '../bus/create-bus';
import { InvalidArgumentError } from '../errors';
import type { Bus, ErrorContext, EventMeta } from '../types';

let bus: Bus;
let onError: Mock<(error: unknown, context: ErrorContext) => void>;

beforeEach(() => {
  vi.useFakeTimers();
  onError = vi.fn<(error: unknown, context: ErrorContext) => void>();
  bus = createBus({ onError });
});
afterEach(() => {
  bus.destroy();
  vi.useRealTimers();
});

describe('publish/subscribe', () => {
  it('delivers synchronously, in subscription order, with topic and timestamp', () => {
    vi.setSystemTime(1_000);
    const calls: string[] = [];
    bus.subscribe('cart:updated', (payload, meta) =>
      calls.push(`a:${JSON.stringify(payload)}:${meta.topic}:${meta.timestamp}`),
    );
    bus.subscribe('cart:updated', () => calls.push('b'));
    bus.publish('cart:updated', { count: 1 });
    expect(calls).toEqual(['a:{"count":1}:cart:updated:1000', 'b']);
  });

  it('queues a publish made inside a handler behind the event being delivered (same FIFO order for all)', () => {
    const seenByA: string[] = [];
    const seenByB: string[] = [];
    bus.subscribe('*', (_, meta) => {
      seenByA.push(meta.topic);
      if (meta.topic === 'first') bus.publish('second', null);
    });
    bus.subscribe('*', (_, meta) => seenByB.push(meta.topic));
    bus.publish('first', null);
    expect(seenByA).toEqual(['first', 'second']);
    expect(seenByB).toEqual(['first', 'second']);
  });

  it('orders exact and pattern subscribers by when they subscribed', () => {
    const order: string[] = [];
    bus.subscribe('user:*', () => order.push('pattern-1'));
    bus.subscribe('user:login', () => order.push('exact'));
    bus.subscribe('*', () => order.push('wildcard'));
    bus.subscribe('user:*', () => order.push('pattern-2'));
    bus.publish('user:login', 1);
    expect(order).toEqual(['pattern-1', 'exact', 'wildcard', 'pattern-2']);
  });

  it('matches domain:* at any depth and * for every topic, but not other domains', () => {
    const got: string[] = [];
    bus.subscribe('cart:*', (_, meta) => got.push(`cart ${meta.topic}`));
    bus.subscribe('cart:item:*', (_, meta) => got.push(`item ${meta.topic}`));
    bus.subscribe('*', (_, meta) => got.push(`all ${meta.topic}`));
    bus.publish('cart:item:added', 1);
    bus.publish('cartography', 2);
    bus.publish('user:login', 3);
    expect(got).toEqual([
      'cart cart:item:added',
      'item cart:item:added',
      'all cart:item:added',
      'all cartography',
      'all user:login',
    ]);
  });

  it('stops delivering after unsubscribe; unsubscribe is idempotent and disposable', () => {
    const handler = vi.fn();
    const off = bus.subscribe('t', handler);
    bus.publish('t', 1);
    off();
    off();
    off[Symbol.dispose]();
    bus.publish('t', 2);
    expect(handler).toHaveBeenCalledTimes(1);
    expect(bus.inspect().counts.subscribers).toBe(0);
  });

  it('supports `using` through Symbol.dispose', () => {
    const handler = vi.fn();
    {
      using _subscription = bus.subscribe('t', handler);
      bus.publish('t', 1);
    }
    bus.publish('t', 2);
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('unsubscribes when the signal aborts, and not at all when it is already aborted', () => {
    const controller = new AbortController();
    const handler = vi.fn();
    bus.subscribe('t', handler, { signal: controller.signal });
    controller.abort();
    bus.publish('t', 1);
    expect(handler).not.toHaveBeenCalled();

    const late = vi.fn();
    const off = bus.subscribe('t', late, { signal: AbortSignal.abort() });
    expect(late).not.toHaveBeenCalled();
    expect(bus.inspect().counts.subscribers).toBe(0);
    off();
  });

  it('does not deliver to a subscriber removed by an earlier handler of the same event', () => {
    const second = vi.fn();
    let offSecond = () => {};
    bus.subscribe('t', () => offSecond());
    offSecond = bus.subscribe('t', second);
    bus.publish('t', 1);
    expect(second).not.toHaveBeenCalled();
  });

  it('gives a subscriber added during delivery the current event exactly once (through replay)', () => {
    const late = vi.fn();
    bus.subscribe('t', () => {
      bus.subscribe('t', late);
    });
    bus.publish('t', 'x');
    expect(late).toHaveBeenCalledTimes(1);
    expect(late.mock.calls[0]?.[1]).toMatchObject({ replayed: true });
  });

  it('freezes payloads deeply so one subscriber cannot change what another receives', () => {
    const payloads: { items: number[] }[] = [];
    bus.subscribe('t', (payload) => payloads.push(payload as { items: number[] }));
    bus.publish('t', { items: [1] });
    expect(() => payloads[0]?.items.push(2)).toThrow(TypeError);
  });
});

describe('replay for late subscribers', () => {
  it('replays events from the window in publish order, marked replayed, including events nobody heard', () => {
    bus.publish('auth:token-refreshed', 'a');
    vi.advanceTimersByTime(1000);
    bus.publish('auth:token-refreshed', 'b');
    const got: [unknown, EventMeta][] = [];
    bus.subscribe('auth:token-refreshed', (payload, meta) => got.push([payload, meta]));
    expect(got.map(([payload]) => payload)).toEqual(['a', 'b']);
    expect(got.every(([, meta]) => meta.replayed)).toBe(true);
    bus.publish('auth:token-refreshed', 'c');
    expect(got[2]).toEqual(['c', expect.objectContaining({ replayed: false })]);
  });

  it('drops events older than replayWindowMs', () => {
    bus.publish('t', 'old');
    vi.advanceTimersByTime(2000);
    bus.publish('t', 'recent');
    vi.advanceTimersByTime(1500);
    const handler = vi.fn();
    bus.subscribe('t', handler);
    expect(handler.mock.calls.map(([payload]) => payload)).toEqual(['recent']);
    vi.advanceTimersByTime(3000);
    expect(bus.inspect().topics.find((t) => t.topic === 't')?.buffered).toEqual([]);
  });

  it('skips replay with replay: false', () => {
    bus.publish('t', 1);
    const handler = vi.fn();
    bus.subscribe('t', handler, { replay: false });
    expect(handler).not.toHaveBeenCalled();
  });

  it('replays to a pattern subscriber from every matching topic, merged in publish order', () => {
    bus.publish('cart:a', 1);
    bus.publish('user:x', 2);
    bus.publish('cart:b', 3);
    bus.publish('cart:a', 4);
    const got: unknown[] = [];
    bus.subscribe('cart:*', (payload) => got.push(payload));
    expect(got).toEqual([1, 3, 4]);
  });

  it('keeps at most replayLimit events per topic, the newest ones', () => {
    const small = createBus({ replayLimit: 3 });
    for (let i = 0; i < 10; i++) small.publish('t', i);
    const got: unknown[] = [];
    small.subscribe('t', (payload) => got.push(payload));
    expect(got).toEqual([7, 8, 9]);
  });

  it('replays nothing when replayWindowMs or replayLimit is 0', () => {
    for (const options of [{ replayWindowMs: 0 }, { replayLimit: 0 }]) {
      const noReplay = createBus(options);
      noReplay.publish('t', 1);
      const handler = vi.fn();
      noReplay.subscribe('t', handler);
      expect(handler).not.toHaveBeenCalled();
      expect(noReplay.inspect().topics).toEqual([{ topic: 't', subscribers: 1, buffered: [] }]);
    }
  });

  it('stops replaying to a subscriber that unsubscribes during replay', () => {
    bus.publish('t', 1);
    bus.publish('t', 2);
    const controller = new AbortController();
    const got: unknown[] = [];
    bus.subscribe(
      't',
      (payload) => {
        got.push(payload);
        controller.abort();
      },
      { signal: controller.signal },
    );
    expect(got).toEqual([1]);
    expect(bus.inspect().counts.subscribers).toBe(0);
  });
});

describe('errors', () => {
  it('isolates a throwing handler: others still run, publish does not throw, onError gets the topic', () => {
    const boom = new Error('boom');
    const after = vi.fn();
    bus.subscribe('t', () => {
      throw boom;
    });
    bus.subscribe('t', after);
    expect(() => bus.publish('t', 1)).not.toThrow();
    expect(after).toHaveBeenCalledOnce();
    expect(onError).toHaveBeenCalledWith(boom, { kind: 'subscriber', topic: 't', source: null });
  });

  it('falls back to console.error when onError itself throws', () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const fragile = createBus({
      onError: () => {
        throw new Error('reporter broke');
      },
    });
    fragile.subscribe('t', () => {
      throw new Error('boom');
    });
    expect(() => fragile.publish('t', 1)).not.toThrow();
    expect(consoleError).toHaveBeenCalledWith(
      '[mfe-bus] a listener threw',
      { kind: 'bus', detail: 'onError threw' },
      expect.any(Error),
    );
    consoleError.mockRestore();
  });

  it('uses console.error by default', () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const plain = createBus();
    plain.subscribe('t', () => {
      throw new Error('boom');
    });
    plain.publish('t', 1);
    expect(consoleError).toHaveBeenCalledWith(
      '[mfe-bus] a listener threw',
      { kind: 'subscriber', topic: 't', source: null },
      expect.any(Error),
    );
    consoleError.mockRestore();
  });

  it.each([
    ['an empty topic', () => bus.publish('', 1)],
    ['a non-string topic', () => bus.publish(42 as unknown as string, 1)],
    ['a pattern as publish topic', () => bus.publish('cart:*', 1)],
    ['a star in the middle', () => bus.subscribe('a:*:b', () => {})],
    ['a bare prefix star', () => bus.subscribe('cart*', () => {})],
    ['a missing handler', () => bus.subscribe('t', undefined as unknown as () => void)],
    ['a non-signal', () => bus.subscribe('t', () => {}, { signal: {} as AbortSignal })],
  ])('rejects %s with InvalidArgumentError and leaves the bus unchanged', (_, call) => {
    const before = bus.inspect();
    expect(call).toThrow(InvalidArgumentError);
    expect(bus.inspect()).toEqual(before);
  });
});

describe('cleanup and odd names', () => {
  it('retains nothing for a topic after unsubscribe beyond its replay buffer', () => {
    const offs = [bus.subscribe('t', () => {}), bus.subscribe('t:*', () => {}), bus.subscribe('*', () => {})];
    for (const off of offs) off();
    expect(bus.inspect()).toMatchObject({ topics: [], patterns: [], counts: { subscribers: 0 } });
    bus.publish('t', 1);
    expect(bus.inspect().topics).toEqual([
      { topic: 't', subscribers: 0, buffered: [expect.objectContaining({ payload: 1 })] },
    ]);
    vi.advanceTimersByTime(3000);
    expect(bus.inspect().topics).toEqual([]);
  });

  it('releases idle topics in batches without dropping one that got a subscriber back or holds events', () => {
    const received: unknown[] = [];
    bus.subscribe('kept:listened', () => {})();
    bus.subscribe('kept:listened', (payload) => received.push(payload)); // back in use before the sweep
    bus.publish('kept:buffered', 'held');
    bus.subscribe('kept:buffered', () => {}, { replay: false })(); // idle, but its event must stay
    for (let i = 0; i < 500; i++) bus.subscribe(`churn:${i}`, () => {})(); // several batch releases
    bus.publish('kept:listened', 'live');
    expect(received).toEqual(['live']);
    const late = vi.fn();
    bus.subscribe('kept:buffered', late);
    expect(late).toHaveBeenCalledWith('held', expect.objectContaining({ replayed: true }));
    expect(bus.inspect().topics.map((t) => t.topic)).toEqual(['kept:listened', 'kept:buffered']);
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('treats "%s" like any other topic', (topic) => {
    const handler = vi.fn();
    bus.publish(topic, 'early');
    bus.subscribe(topic, handler);
    bus.publish(topic, 'late');
    expect(handler.mock.calls.map(([payload]) => payload)).toEqual(['early', 'late']);
    expect(bus.inspect().topics.map((t) => t.topic)).toEqual([topic]);
  });
});

describe('meta.via', () => {
  it('names what carried an event from another bus, for subscribers, replays and observers', () => {
    const records: unknown[] = [];
    bus.observe((record) => records.push(record));
    const live = vi.fn();
    bus.subscribe('t', live);
    bus.scope('shop').publish('t', 1, { via: 'frame:shop' });
    bus.publish('t', 2);
    const late = vi.fn();
    bus.subscribe('t', late);
    expect(live.mock.calls.map(([, meta]) => [meta.source, meta.via])).toEqual([
      ['shop', 'frame:shop'],
      [null, undefined],
    ]);
    expect(late.mock.calls[0]?.[1]).toMatchObject({ via: 'frame:shop', replayed: true });
    expect(records).toContainEqual(expect.objectContaining({ type: 'publish', via: 'frame:shop' }));
  });
});
