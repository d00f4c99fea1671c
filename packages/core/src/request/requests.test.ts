import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBus } from '../bus/create-bus';
import { BusDestroyedError, InvalidArgumentError, ProviderTimeoutError } from '../errors';
import type { Bus, ProviderContext } from '../types';

let bus: Bus;

beforeEach(() => {
  vi.useFakeTimers();
  bus = createBus({ requestTimeoutMs: 1000 });
});
afterEach(() => {
  bus.destroy();
  vi.useRealTimers();
});

/** A provider whose answers the test releases by hand. */
function deferredProvider() {
  const calls: {
    params: unknown;
    context: ProviderContext;
    resolve(value: unknown): void;
    reject(error: unknown): void;
  }[] = [];
  const handler = vi.fn(
    (params: unknown, context: ProviderContext) =>
      new Promise((resolve, reject) => {
        calls.push({ params, context, resolve, reject });
      }),
  );
  return { handler, calls };
}

describe('request/response', () => {
  it('serves a request from the provider, sync or async, with params', async () => {
    bus.provide('sum', (params) => (params as number[]).reduce((a, b) => a + b, 0));
    bus.provide('greet', async (params) => `hello ${(params as { name: string }).name}`);
    await expect(bus.request('sum', [1, 2, 3])).resolves.toBe(6);
    await expect(bus.request('greet', { name: 'Ada' })).resolves.toBe('hello Ada');
  });

  it('holds requests made before any provider and serves them all when one registers', async () => {
    const first = bus.request('user:permissions', { userId: 'u1' });
    const second = bus.request('user:permissions', { userId: 'u2' });
    expect(bus.inspect().pending).toHaveLength(2);
    expect(bus.inspect().pending[0]).toMatchObject({ waitingForProvider: true, requesters: 1 });
    vi.advanceTimersByTime(500);
    bus.provide('user:permissions', (params) => [`read:${(params as { userId: string }).userId}`]);
    await expect(first).resolves.toEqual(['read:u1']);
    await expect(second).resolves.toEqual(['read:u2']);
    expect(bus.inspect().pending).toEqual([]);
  });

  it('rejects with ProviderTimeoutError when no provider registers in time', async () => {
    const pending = bus.request('missing', undefined, { timeoutMs: 250 });
    vi.advanceTimersByTime(250);
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderTimeoutError);
    expect(error).toMatchObject({
      name: 'ProviderTimeoutError',
      code: 'PROVIDER_TIMEOUT',
      key: 'missing',
      timeoutMs: 250,
    });
    expect(bus.inspect().pending).toEqual([]);
  });

  it('uses the bus default timeout, and times out a provider that is too slow (aborting its signal)', async () => {
    const { handler, calls } = deferredProvider();
    bus.provide('slow', handler);
    const pending = bus.request('slow');
    vi.advanceTimersByTime(999);
    expect(calls[0]?.context.signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    await expect(pending).rejects.toBeInstanceOf(ProviderTimeoutError);
    expect(calls[0]?.context.signal.aborted).toBe(true);
    expect(calls[0]?.context.signal.reason).toBeInstanceOf(ProviderTimeoutError);
  });

  it('times out each joined requester at its own deadline; the call lives while anyone waits', async () => {
    const { handler, calls } = deferredProvider();
    bus.provide('slow', handler);
    const settled: string[] = [];
    const track = (name: string, promise: Promise<unknown>) =>
      promise.then(
        (value) => settled.push(`${name}: ${String(value)}`),
        (error: ProviderTimeoutError) => settled.push(`${name}: ${error.name} after ${error.timeoutMs} ms`),
      );
    track('patient', bus.request('slow', undefined, { timeoutMs: 800 }));
    vi.advanceTimersByTime(100);
    track('hasty', bus.request('slow', undefined, { timeoutMs: 200 })); // joins; its deadline comes first
    track('default', bus.request('slow')); // 1000 ms, from the bus
    expect(handler).toHaveBeenCalledTimes(1);

    await vi.advanceTimersByTimeAsync(199);
    expect(settled).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toEqual(['hasty: ProviderTimeoutError after 200 ms']);
    await vi.advanceTimersByTimeAsync(500);
    expect(settled).toEqual(['hasty: ProviderTimeoutError after 200 ms', 'patient: ProviderTimeoutError after 800 ms']);
    expect(calls[0]?.context.signal.aborted).toBe(false);
    expect(bus.inspect().pending).toMatchObject([{ key: 'slow', requesters: 1 }]);

    calls[0]?.resolve('late but in time');
    await vi.advanceTimersByTimeAsync(0);
    expect(settled.at(-1)).toBe('default: late but in time');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('waits forever with timeoutMs: Infinity', async () => {
    const pending = bus.request('later', undefined, { timeoutMs: Number.POSITIVE_INFINITY });
    vi.advanceTimersByTime(10 * 60_000);
    bus.provide('later', () => 'finally');
    await expect(pending).resolves.toBe('finally');
  });

  it('rejects with the provider error, thrown or rejected, never as a timeout, and does not cache it', async () => {
    const thrown = new Error('sync failure');
    bus.provide('sync', () => {
      throw thrown;
    });
    await expect(bus.request('sync')).rejects.toBe(thrown);

    let attempt = 0;
    bus.provide(
      'flaky',
      async () => {
        attempt++;
        if (attempt === 1) throw new Error('first fails');
        return 'second works';
      },
      { ttlMs: 10_000 },
    );
    await expect(bus.request('flaky')).rejects.toThrow('first fails');
    await expect(bus.request('flaky')).resolves.toBe('second works');
    expect(attempt).toBe(2);
  });

  it('rejects at once with the signal reason and removes the waiting request', async () => {
    const controller = new AbortController();
    const pending = bus.request('nobody', undefined, { signal: controller.signal });
    const reason = new Error('user navigated away');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    expect(bus.inspect().pending).toEqual([]);
    await expect(bus.request('nobody', undefined, { signal: AbortSignal.abort('gone') })).rejects.toBe('gone');
  });

  it('aborts the provider call when its only requester aborts', async () => {
    const { handler, calls } = deferredProvider();
    bus.provide('work', handler);
    const controller = new AbortController();
    const pending = bus.request('work', 1, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls[0]?.context.signal.aborted).toBe(true);
    calls[0]?.resolve('too late');
    await Promise.resolve();
    expect(bus.inspect().cache).toEqual([]);
  });
});

describe('cache and deduplication', () => {
  it('shares one provider call among concurrent identical requests, even with nothing cached', async () => {
    const { handler, calls } = deferredProvider();
    bus.provide('user:permissions', handler);
    const requests = Array.from({ length: 100 }, () => bus.request('user:permissions', { userId: 'u1', scope: 'all' }));
    expect(handler).toHaveBeenCalledTimes(1);
    expect(bus.inspect().pending).toEqual([expect.objectContaining({ requesters: 100 })]);
    calls[0]?.resolve(['read']);
    const results = await Promise.all(requests);
    expect(new Set(results).size).toBe(1);
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('keeps the shared call alive while one requester still waits, aborting only when all leave', async () => {
    const { handler, calls } = deferredProvider();
    bus.provide('work', handler);
    const a = new AbortController();
    const first = bus.request('work', 1, { signal: a.signal });
    const second = bus.request('work', 1);
    a.abort();
    await expect(first).rejects.toBeDefined();
    expect(calls[0]?.context.signal.aborted).toBe(false);
    calls[0]?.resolve('done');
    await expect(second).resolves.toBe('done');
  });

  it('caches per key and params for the provider ttl, whatever the params key order', async () => {
    const handler = vi.fn((params: unknown) => ({ echo: params }));
    bus.provide('lookup', handler, { ttlMs: 5000 });
    const first = await bus.request('lookup', { a: 1, b: { c: 2, d: 3 } });
    const second = await bus.request('lookup', { b: { d: 3, c: 2 }, a: 1 });
    expect(second).toBe(first);
    expect(handler).toHaveBeenCalledTimes(1);
    await bus.request('lookup', { a: 2 });
    expect(handler).toHaveBeenCalledTimes(2);
    expect(bus.inspect().cache).toHaveLength(2);
    vi.advanceTimersByTime(5000);
    await bus.request('lookup', { a: 1, b: { c: 2, d: 3 } });
    expect(handler).toHaveBeenCalledTimes(3);
  });

  it('does not cache without a ttl, and uses a request ttlMs over the provider one', async () => {
    const handler = vi.fn(() => Math.random());
    bus.provide('rand', handler);
    await bus.request('rand');
    await bus.request('rand');
    expect(handler).toHaveBeenCalledTimes(2);
    const cached = await bus.request('rand', undefined, { ttlMs: 100 });
    await expect(bus.request('rand')).resolves.toBe(cached);
    vi.advanceTimersByTime(100);
    await expect(bus.request('rand')).resolves.not.toBe(cached);
  });

  it('never answers from a cache entry that is gone: invalidated, expired, replaced or of other params', async () => {
    let version = 0;
    const handler = vi.fn(({ id }: { id: number }) => `${id}:${++version}`);
    bus.provide('user', handler, { ttlMs: 1000 });
    expect(await bus.request('user', { id: 1 })).toBe('1:1');
    expect(await bus.request('user', { id: 1 })).toBe('1:1');
    bus.invalidate('user', { id: 1 });
    expect(await bus.request('user', { id: 1 })).toBe('1:2');
    expect(await bus.request('user', { id: 1 }, { fresh: true })).toBe('1:3');
    expect(await bus.request('user', { id: 1 })).toBe('1:3');
    vi.advanceTimersByTime(1000);
    expect(await bus.request('user', { id: 1 })).toBe('1:4');
    expect(await bus.request('user', { id: -0 })).toBe('0:5');
    expect(await bus.request('user', { id: 0 })).toBe('0:5');
    expect(await bus.request('user', { id: '1' } as never)).toBe('1:6');
    bus.invalidate('user');
    expect(await bus.request('user', { id: 1 })).toBe('1:7');
    expect(handler).toHaveBeenCalledTimes(7);
  });

  it('caches under the params a request was sent with, whatever the caller does to that object meanwhile', async () => {
    const answers: ((rows: string) => void)[] = [];
    const handler = vi.fn(() => new Promise<string>((resolve) => answers.push(resolve)));
    bus.provide('page', handler, { ttlMs: 60_000 });
    const params = { page: 1 };
    const first = bus.request('page', params);
    params.page = 2; // reused while the request waits for its answer
    answers[0]?.('rows of page 1');
    expect(await first).toBe('rows of page 1');
    const second = bus.request('page', { page: 2 });
    expect(handler).toHaveBeenCalledTimes(2);
    answers[1]?.('rows of page 2');
    expect(await second).toBe('rows of page 2');
    expect(await bus.request('page', { page: 1 })).toBe('rows of page 1');
  });

  it('answers a request whose params getter throws once its key is written', async () => {
    let reads = 0;
    const params = {
      get id(): number {
        reads++;
        if (reads > 1) throw new Error('read once only');
        return 1;
      },
    };
    bus.provide('user', () => 'ada', { ttlMs: 60_000 });
    await expect(bus.request('user', params)).resolves.toBe('ada');
    expect(await bus.request('user', { id: 1 })).toBe('ada');
  });

  it('answers every hit of one cache entry with the same settled promise, and a new entry with a new one', async () => {
    let version = 0;
    bus.provide('config', () => ++version, { ttlMs: 60_000 });
    const miss = bus.request('config');
    expect(await miss).toBe(1);
    const hit = bus.request('config');
    expect(bus.request('config')).toBe(hit);
    expect(hit).not.toBe(miss);
    await expect(hit).resolves.toBe(1);
    bus.invalidate('config');
    expect(await bus.request('config')).toBe(2);
    const next = bus.request('config');
    expect(next).not.toBe(hit);
    await expect(next).resolves.toBe(2);
  });

  it('bypasses the cache with fresh: true and refreshes it', async () => {
    let version = 0;
    bus.provide('config', () => ++version, { ttlMs: 60_000 });
    expect(await bus.request('config')).toBe(1);
    expect(await bus.request('config')).toBe(1);
    expect(await bus.request('config', undefined, { fresh: true })).toBe(2);
    expect(await bus.request('config')).toBe(2);
  });

  it('drops cached entries on invalidate, for one params or all', async () => {
    let calls = 0;
    bus.provide('item', () => ++calls, { ttlMs: 60_000 });
    await bus.request('item', 'a');
    await bus.request('item', 'b');
    bus.invalidate('item', 'a');
    expect(bus.inspect().cache.map((entry) => entry.params)).toEqual(['b']);
    bus.invalidate('item');
    expect(bus.inspect().cache).toEqual([]);
    bus.invalidate('never-cached');
  });

  it('drops the cache when a new provider registers for the key', async () => {
    bus.provide('v', () => 'old', { ttlMs: 60_000 });
    expect(await bus.request('v')).toBe('old');
    bus.provide('v', () => 'new', { ttlMs: 60_000 });
    expect(await bus.request('v')).toBe('new');
  });

  it('freezes results deeply so requesters cannot change each other’s data', async () => {
    bus.provide('list', () => ({ items: [1, 2] }));
    const result = (await bus.request('list')) as { items: number[] };
    expect(() => result.items.push(3)).toThrow(TypeError);
  });
});

describe('several providers for one key', () => {
  it('lets the last registered win and falls back to the previous one when it unprovides', async () => {
    const unprovideFirst = bus.provide('who', () => 'first');
    const unprovideSecond = bus.provide('who', () => 'second');
    expect(await bus.request('who')).toBe('second');
    unprovideSecond();
    unprovideSecond();
    expect(await bus.request('who')).toBe('first');
    unprovideFirst();
    expect(bus.inspect().providers).toEqual([]);
    const waiting = bus.request('who', undefined, { timeoutMs: 10 });
    vi.advanceTimersByTime(10);
    await expect(waiting).rejects.toBeInstanceOf(ProviderTimeoutError);
  });

  it('keeps the active provider when an older one unprovides, and drops the cache when the active one leaves', async () => {
    const unprovideFirst = bus.provide('who', () => 'first', { ttlMs: 60_000 });
    const unprovideSecond = bus.provide('who', () => 'second', { ttlMs: 60_000 });
    expect(await bus.request('who')).toBe('second');
    unprovideFirst();
    expect(bus.inspect().cache).toHaveLength(1);
    expect(await bus.request('who')).toBe('second');
    unprovideSecond();
    expect(bus.inspect().cache).toEqual([]);
  });

  it('does not cache a late answer from a provider that was replaced meanwhile', async () => {
    const { handler, calls } = deferredProvider();
    bus.provide('v', handler, { ttlMs: 60_000 });
    const pending = bus.request('v');
    bus.provide('v', () => 'replacement', { ttlMs: 60_000 });
    calls[0]?.resolve('stale');
    await expect(pending).resolves.toBe('stale');
    expect(bus.inspect().cache).toEqual([]);
  });

  it('warns in debug mode when a second provider takes over', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(console, 'log').mockImplementation(() => {});
    bus.provide('k', () => 1);
    bus.provide('k', () => 2);
    expect(warn).not.toHaveBeenCalled();
    bus.debug(true);
    bus.provide('k', () => 3);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('[mfe-bus] a second provider for "k"'));
    vi.restoreAllMocks();
  });
});

describe('bad input and lifecycle', () => {
  it.each([
    ['an empty key', () => bus.request('')],
    ['a negative timeout', () => bus.request('k', undefined, { timeoutMs: -1 })],
    ['a NaN ttl', () => bus.request('k', undefined, { ttlMs: Number.NaN })],
    [
      'cyclic params',
      () => {
        const cyclic: Record<string, unknown> = {};
        cyclic.self = cyclic;
        return bus.request('k', cyclic);
      },
    ],
    ['a function in params', () => bus.request('k', { fn: () => {} })],
  ])('rejects %s with InvalidArgumentError and queues nothing', async (_, call) => {
    await expect(call()).rejects.toBeInstanceOf(InvalidArgumentError);
    expect(bus.inspect().pending).toEqual([]);
  });

  it('rejects bad provide calls synchronously', () => {
    expect(() => bus.provide('k', null as unknown as () => void)).toThrow(InvalidArgumentError);
    expect(() => bus.provide('k', () => 1, { ttlMs: -5 })).toThrow(InvalidArgumentError);
    expect(bus.inspect().providers).toEqual([]);
  });

  it('rejects pending requests with BusDestroyedError on destroy and refuses new work', async () => {
    const { handler, calls } = deferredProvider();
    bus.provide('busy', handler);
    const inFlight = bus.request('busy');
    const waiting = bus.request('idle');
    bus.destroy();
    await expect(inFlight).rejects.toBeInstanceOf(BusDestroyedError);
    await expect(waiting).rejects.toBeInstanceOf(BusDestroyedError);
    expect(calls[0]?.context.signal.aborted).toBe(true);
    await expect(bus.request('busy')).rejects.toBeInstanceOf(BusDestroyedError);
    expect(() => bus.provide('k', () => 1)).toThrow(BusDestroyedError);
  });

  it('treats "__proto__" and "constructor" like any other request key', async () => {
    bus.provide('__proto__', () => 'proto');
    bus.provide('constructor', () => 'ctor', { ttlMs: 100 });
    await expect(bus.request('__proto__')).resolves.toBe('proto');
    await expect(bus.request('constructor', { __proto__: 1 })).resolves.toBe('ctor');
  });
});
