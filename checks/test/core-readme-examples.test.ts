import { join } from 'node:path';
import { type Bus, createBus, ProviderTimeoutError, type ScopedBus } from '@mfe-bus/core';
import { describe, expect, it, vi } from 'vitest';
import { blockUnder, runBlock } from '../src/examples/run-block';
import { ROOT } from '../src/workspace';

// The core's examples run as written, against the built package; each test checks what the README says they do.
const ROOT_README = join(ROOT, 'README.md');
const CORE_README = join(ROOT, 'packages', 'core', 'README.md');

/** Everything `event` was called with: payload and meta of each call. */
const calls = (handler: ReturnType<typeof vi.fn>) => handler.mock.calls.map(([payload, meta]) => ({ payload, meta }));

describe('root README, "The three primitives"', () => {
  it('delivers, stores frozen state, and answers requests as its comments say', async () => {
    const render = vi.fn();
    const applyTheme = vi.fn();
    const fetchPermissions = vi.fn(async () => ['cart:write']);
    const { bus, permissions } = await runBlock(
      blockUnder(ROOT_README, 'The three primitives'),
      { render, applyTheme, fetchPermissions },
      ['bus', 'permissions'],
    );
    const page = bus as Bus;
    expect(render).toHaveBeenCalledWith({ count: 3 });
    expect(page.getState('theme')).toBe('dark');
    expect(page.getState('cart')).toEqual({ count: 1 });
    expect(Object.isFrozen(page.getState('cart'))).toBe(true);
    expect(applyTheme).toHaveBeenCalledWith('dark'); // immediate: at once
    expect(permissions).toEqual(['cart:write']);
    expect(fetchPermissions).toHaveBeenCalledWith('u1', expect.any(AbortSignal));
  });
});

describe('core README', () => {
  it('"Getting the bus": an isolated bus with replayWindowMs 0 replays nothing', async () => {
    const { bus, isolated } = await runBlock(blockUnder(CORE_README, 'Getting the bus'), {}, ['bus', 'isolated']);
    for (const each of [bus, isolated] as Bus[]) each.publish('cart:updated', { count: 1 });
    const late = vi.fn();
    (isolated as Bus).subscribe('cart:updated', late);
    expect(late).not.toHaveBeenCalled();
    (bus as Bus).subscribe('cart:updated', late);
    expect(late).toHaveBeenCalledOnce();
  });

  it('"Pub/sub": patterns match, replay skips { replay: false } events, via reaches meta', async () => {
    const bus = createBus();
    const handler = vi.fn();
    await runBlock(blockUnder(CORE_README, 'Pub/sub'), {
      bus,
      handler,
      controller: new AbortController(),
      lastSeenSeq: 0,
      payload: { count: 2 },
    });
    const topics = calls(handler).map(({ meta }) => meta.topic);
    expect(topics.filter((topic) => topic === 'cart:updated')).toHaveLength(4); // 'cart:*' and '*', for both publishes
    expect(topics).toContain('auth:confirm-delete'); // '*' heard it live

    const late = vi.fn();
    bus.subscribe('*', late);
    const replayed = calls(late);
    expect(replayed.map(({ meta }) => meta.topic)).toEqual(['cart:updated', 'cart:updated']);
    expect(replayed.every(({ meta }) => meta.replayed)).toBe(true);
    expect(replayed[1]?.meta.via).toBe('frame:shop');
  });

  it('"Shared state": the updater counts from nothing, values are frozen, the optimistic write lands', async () => {
    const bus = createBus();
    const next = { count: 4 };
    await runBlock(blockUnder(CORE_README, 'Shared state'), { bus, next });
    expect(bus.getState('count')).toBe(1);
    expect(bus.getState('user')).toEqual({ id: 'u1', name: 'Ada' });
    expect(Object.isFrozen(bus.getState('user'))).toBe(true);
    expect(bus.getState('user')).toBe(bus.getState('user')); // same reference until it changes
    expect(bus.getState('cart')).toEqual(next);
  });

  it('"Request/response": the provider answers, its result is cached, invalidate drops it', async () => {
    const bus = createBus();
    const fetch = vi.fn(async () => ({ json: async () => ['cart:write'] }));
    await runBlock(blockUnder(CORE_README, 'Request/response'), {
      bus,
      fetch,
      signal: new AbortController().signal,
    });
    expect(fetch).toHaveBeenCalledExactlyOnceWith('/api/users/u1/permissions', { signal: expect.any(AbortSignal) });
    await expect(bus.request('user:permissions', { userId: 'u1' })).resolves.toEqual(['cart:write']);
    expect(fetch).toHaveBeenCalledTimes(2); // invalidated at the end of the block: asked again
    await bus.request('user:permissions', { userId: 'u1' });
    expect(fetch).toHaveBeenCalledTimes(2); // then cached for the provider's ttlMs
  });

  it('"bus.scope(app)": calls carry the app, dispose removes what it registered', async () => {
    const bus = createBus();
    const seen = vi.fn();
    bus.subscribe('cart:updated', seen);
    const writers: unknown[] = [];
    bus.watchState('theme', (_value, _previous, meta) => writers.push(meta.source));
    const { cart } = await runBlock(
      blockUnder(CORE_README, "`bus.scope(app)`: one app's view of the bus"),
      { bus, onAuth: vi.fn() },
      ['cart'],
    );
    expect(calls(seen)[0]?.meta.source).toBe('cart');
    expect(writers).toEqual(['cart']);
    expect(bus.inspect().apps.find(({ app }) => app === 'cart')).toBeUndefined(); // disposed: nothing left
    const scope = cart as ScopedBus;
    scope.provide('cart:total', () => 7); // still usable after dispose, as the README says
    await expect(bus.request('cart:total', undefined)).resolves.toBe(7);
  });

  it('"bus.observe(listener)": records say who published to whom, and which request timed out', async () => {
    const bus = createBus();
    const log = vi.fn();
    const report = vi.fn();
    const { stop } = await runBlock(
      blockUnder(CORE_README, '`bus.observe(listener)`: what happened, as data'),
      { bus, report, console: { log } },
      ['stop'],
    );
    bus.scope('cart').publish('cart:updated', { count: 1 });
    expect(log).toHaveBeenCalledWith('cart:updated', 'cart', '->', []);
    await expect(bus.scope('shell').request('user:permissions', { userId: 'u1' }, { timeoutMs: 1 })).rejects.toThrow(
      ProviderTimeoutError,
    );
    expect(report).toHaveBeenCalledWith('user:permissions', 'shell', expect.any(Number));
    (stop as () => void)();
  });

  it('"bus.use(plugin)": auth events are not buffered, only auth provides auth:token, setup reports', async () => {
    const onError = vi.fn();
    const bus = createBus({ onError });
    await runBlock(blockUnder(CORE_README, '`bus.use(plugin)`: interceptors'), { bus });
    expect(onError).toHaveBeenCalledWith(
      expect.any(Error),
      expect.objectContaining({ report: 'violation', name: 'cart:updated' }),
    );
    bus.publish('auth:token-refreshed', { token: 't' });
    const late = vi.fn();
    bus.subscribe('auth:*', late);
    expect(late).not.toHaveBeenCalled();
    expect(() => bus.scope('shell').provide('auth:token', () => 't')).toThrow('only auth provides auth:token');
    expect(() => bus.scope('auth').provide('auth:token', () => 't')).not.toThrow();
  });

  it('"bus.onDemand": one EventSource while someone listens to admin:…, closed after the last leaves', async () => {
    const bus = createBus();
    const sources: { onmessage?: (event: { data: string }) => void; close: ReturnType<typeof vi.fn> }[] = [];
    class EventSource {
      onmessage?: (event: { data: string }) => void;
      close = vi.fn();
      constructor() {
        sources.push(this);
      }
    }
    await runBlock(blockUnder(CORE_README, '`bus.onDemand(topicOrKey, start)`: work that runs while someone listens'), {
      bus,
      EventSource,
    });
    expect(sources).toHaveLength(0);
    const announcements = vi.fn();
    const offFirst = bus.subscribe('admin:announcement', announcements);
    const offSecond = bus.subscribe('admin:*', vi.fn());
    expect(sources).toHaveLength(1);
    sources[0]?.onmessage?.({ data: JSON.stringify({ text: 'maintenance at 6' }) });
    expect(announcements).toHaveBeenCalledWith({ text: 'maintenance at 6' }, expect.anything());
    offFirst();
    expect(sources[0]?.close).not.toHaveBeenCalled();
    offSecond();
    expect(sources[0]?.close).toHaveBeenCalledOnce();
  });
});
