import { afterEach, describe, expect, it, vi } from 'vitest';
import { BusDestroyedError, InvalidArgumentError } from '../errors';
import { PROTOCOL, VERSION } from '../version';
import { createBus } from './create-bus';

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('createBus', () => {
  it('gives isolated buses', () => {
    const a = createBus();
    const b = createBus();
    a.setState('k', 1);
    expect(b.getState('k')).toBeUndefined();
  });

  it('rejects invalid options with InvalidArgumentError', () => {
    expect(() => createBus({ replayWindowMs: -1 })).toThrow(InvalidArgumentError);
    expect(() => createBus({ replayLimit: Number.NaN })).toThrow(InvalidArgumentError);
    expect(() => createBus({ requestTimeoutMs: '5' as unknown as number })).toThrow(InvalidArgumentError);
  });

  it('has methods that work detached from the bus object', () => {
    const { publish, subscribe } = createBus();
    const handler = vi.fn();
    subscribe('t', handler);
    publish('t', 1);
    expect(handler).toHaveBeenCalledOnce();
  });
});

describe('inspect()', () => {
  it('is a JSON-able snapshot of topics, patterns, state, providers, pending requests and cache', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(10_000);
    const bus = createBus();
    bus.subscribe('cart:updated', () => {});
    bus.subscribe('cart:*', () => {});
    bus.publish('cart:updated', { count: 2 });
    bus.setState('theme', 'dark');
    bus.watchState('theme', () => {});
    bus.provide('perm', () => ['read'], { ttlMs: 1000 });
    await bus.request('perm', { id: 1 });
    const waiting = bus.request('other', undefined, { timeoutMs: 50 }).catch(() => {});
    const snapshot = bus.inspect();
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
    expect(snapshot).toEqual({
      version: VERSION,
      protocol: PROTOCOL,
      destroyed: false,
      topics: [
        {
          topic: 'cart:updated',
          subscribers: 1,
          buffered: [{ topic: 'cart:updated', seq: 1, source: null, timestamp: 10_000, payload: { count: 2 } }],
        },
      ],
      patterns: [{ pattern: 'cart:*', subscribers: 1 }],
      state: [{ key: 'theme', value: 'dark', watchers: 1, source: null, updatedAt: 10_000 }],
      providers: [{ key: 'perm', registered: 1, ttlMs: 1000, app: null }],
      pending: [{ key: 'other', params: undefined, requesters: 1, waitingForProvider: true, apps: [null] }],
      cache: [{ key: 'perm', params: { id: 1 }, expiresInMs: 1000 }],
      apps: [{ app: null, subscribers: 2, watchers: 1, providers: 1, pending: 1 }],
      copies: [{ version: VERSION, protocol: PROTOCOL }],
      counts: { subscribers: 2, watchers: 1, providers: 1, pending: 1 },
    });
    vi.advanceTimersByTime(50);
    await waiting;
    vi.useRealTimers();
  });
});

describe('debug()', () => {
  it('is off by default; when on, logs every publish, state change and request step with console.log', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const bus = createBus();
    expect(bus.debug()).toBe(false);
    bus.publish('quiet', 1);
    expect(log).not.toHaveBeenCalled();

    expect(bus.debug(true)).toBe(true);
    expect(bus.debug(true)).toBe(true); // a second call adds no second logger
    bus.subscribe('loud', () => {});
    bus.publish('loud', { a: 1 });
    bus.scope('cart').setState('k', 2);
    const pending = bus.request('r', 'p');
    bus.provide('r', () => 'ok', { ttlMs: 1000 });
    await pending;
    await bus.request('r', 'p');
    await bus.request('none', undefined, { timeoutMs: 1 }).catch(() => {});
    bus.provide('boom', () => {
      throw new Error('x');
    });
    await bus.request('boom').catch(() => {});

    const lines = log.mock.calls.map(([line]) => line as string);
    expect(lines.every((line) => line.startsWith('[mfe-bus] '))).toBe(true);
    expect(log).toHaveBeenCalledWith(
      '[mfe-bus] publish loud',
      expect.objectContaining({ type: 'publish', payload: { a: 1 }, receiverApps: [null] }),
    );
    expect(log).toHaveBeenCalledWith(
      '[mfe-bus] state k (cart)',
      expect.objectContaining({ previous: undefined, next: 2, source: 'cart' }),
    );
    expect(lines).toEqual(
      expect.arrayContaining([
        '[mfe-bus] request:queued r',
        '[mfe-bus] provide r',
        '[mfe-bus] request:started r',
        '[mfe-bus] request:settled r',
        '[mfe-bus] request:cache-hit r',
        '[mfe-bus] request:timed-out none',
        '[mfe-bus] request:failed boom',
      ]),
    );
    expect(lines.filter((line) => line.startsWith('[mfe-bus] publish loud'))).toHaveLength(1);
    bus.debug(false);
    log.mockClear();
    bus.publish('loud', 2);
    expect(log).not.toHaveBeenCalled();
    log.mockRestore();
  });

  it('can start on through options', () => {
    expect(createBus({ debug: true }).debug()).toBe(true);
  });
});

describe('destroy()', () => {
  it('drops everything, keeps cleanups harmless and refuses further writes', () => {
    const bus = createBus();
    const handler = vi.fn();
    const off = bus.subscribe('t', handler);
    const unwatch = bus.watchState('k', () => {});
    const unprovide = bus.provide('r', () => 1);
    bus.setState('k', 1);
    bus.destroy();
    bus.destroy();
    expect(bus.destroyed).toBe(true);
    expect(() => {
      off();
      unwatch();
      unprovide();
    }).not.toThrow();
    expect(bus.inspect()).toMatchObject({
      destroyed: true,
      topics: [],
      state: [],
      providers: [],
      counts: { subscribers: 0 },
    });
    expect(() => bus.publish('t', 1)).toThrow(BusDestroyedError);
    expect(() => bus.setState('k', 2)).toThrow(BusDestroyedError);
    expect(() => bus.subscribe('t', () => {})).toThrow(new BusDestroyedError('subscribe'));
    expect(() => bus.watchState('k', () => {})).toThrow(BusDestroyedError);
    expect(handler).not.toHaveBeenCalled();
  });
});
