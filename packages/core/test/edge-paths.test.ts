// Regression tests for the defects found when the core was tried as a hostile user and a model-based
// fuzzer would (issue "Core 1.1", part 1). Each uses only the 1.0 API where it can, and each failed on
// the 0.1.0 release (63edbd5).
import { readFileSync } from 'node:fs';
import { createContext, runInContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Bus } from '../src/index';
import { BusDestroyedError, createBus, GLOBAL_KEY, type getBus, InvalidArgumentError } from '../src/index';

let bus: Bus;
const onError = vi.fn();

beforeEach(() => {
  onError.mockReset();
  bus = createBus({ onError });
});
afterEach(() => {
  bus.destroy();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('1. a fresh request next to an identical one', () => {
  it('serves every waiting request when a provider registers', async () => {
    const a = bus.request('user', { id: 1 }, { timeoutMs: Number.POSITIVE_INFINITY });
    const b = bus.request('user', { id: 1 }, { fresh: true, timeoutMs: Number.POSITIVE_INFINITY });
    bus.provide('user', () => 'ada');
    await expect(a).resolves.toBe('ada');
    await expect(b).resolves.toBe('ada');
    expect(bus.inspect().counts.pending).toBe(0);
  });

  it('starts a second call next to one in flight, and inspect() and destroy() see both', async () => {
    const answers: ((value: string) => void)[] = [];
    bus.provide('user', () => new Promise<string>((resolve) => answers.push(resolve)));
    const first = bus.request('user', { id: 1 }, { timeoutMs: Number.POSITIVE_INFINITY });
    const fresh = bus.request('user', { id: 1 }, { fresh: true, timeoutMs: Number.POSITIVE_INFINITY });
    expect(answers).toHaveLength(2);
    expect(bus.inspect().counts.pending).toBe(2);
    bus.destroy();
    await expect(first).rejects.toBeInstanceOf(BusDestroyedError);
    await expect(fresh).rejects.toBeInstanceOf(BusDestroyedError);
  });

  it('keeps the newer answer in the cache when the older call settles last', async () => {
    const answers: ((value: string) => void)[] = [];
    bus.provide('user', () => new Promise<string>((resolve) => answers.push(resolve)), { ttlMs: 60_000 });
    const older = bus.request('user');
    const newer = bus.request('user', undefined, { fresh: true });
    answers[1]?.('new');
    await expect(newer).resolves.toBe('new');
    answers[0]?.('old');
    await expect(older).resolves.toBe('old');
    await expect(bus.request('user')).resolves.toBe('new');
  });
});

describe('2. values frozen by the caller first', () => {
  const outerFrozen = () => Object.freeze({ user: { roles: ['user'] } });

  it('are frozen inside too: state, event payloads and provider results', async () => {
    bus.setState('cfg', outerFrozen());
    const state = bus.getState<{ user: { roles: string[] } }>('cfg');
    expect(() => state?.user.roles.push('admin')).toThrow(TypeError);

    let payload: { user: { roles: string[] } } | undefined;
    bus.subscribe<{ user: { roles: string[] } }>('cfg:changed', (received) => {
      payload = received;
    });
    bus.publish('cfg:changed', outerFrozen());
    expect(Object.isFrozen(payload?.user.roles)).toBe(true);

    bus.provide('cfg', outerFrozen);
    const result = await bus.request<{ user: { roles: string[] } }>('cfg');
    expect(Object.isFrozen(result.user.roles)).toBe(true);
  });

  it('are not walked again when a later value shares them', () => {
    let walks = 0;
    // A shared subtree with object children (a small one without is cheaper to check again than to mark).
    const shared = new Proxy(
      { settings: { big: true } },
      {
        ownKeys(target) {
          walks++;
          return Reflect.ownKeys(target);
        },
      },
    );
    bus.setState('a', { shared });
    const afterFirst = walks;
    bus.setState('b', { shared, other: 1 });
    bus.publish('c', [shared]);
    expect(walks).toBe(afterFirst);
  });
});

describe('3. a subscription made while its topic record is released and re-created', () => {
  it('is kept (inspect() during a delivery, replay off)', () => {
    const isolated = createBus({ replayWindowMs: 0 });
    const handler = vi.fn();
    let once = true;
    isolated.subscribe('*', () => {
      if (!once) return;
      once = false;
      isolated.inspect();
      isolated.subscribe('b:x', handler);
    });
    isolated.publish('b:x', 1);
    isolated.publish('b:x', 2);
    expect(handler.mock.calls.map(([payload]) => payload)).toEqual([2]);
    expect(isolated.inspect().counts.subscribers).toBe(2);
  });

  it('is kept when a handler unsubscribes more than 64 subscriptions and subscribes again (a route change)', () => {
    const isolated = createBus({ replayLimit: 0 });
    const offs = Array.from({ length: 100 }, (_, i) => isolated.subscribe(`page:${i}`, () => {}));
    const handler = vi.fn();
    const offRoute = isolated.subscribe('route:changed', (route) => {
      if (route !== 'home') return;
      offRoute();
      for (const off of offs) off();
      isolated.subscribe('route:changed', handler);
    });
    isolated.publish('route:changed', 'home');
    isolated.publish('route:changed', 'cart');
    expect(handler.mock.calls.map(([route]) => route)).toEqual(['cart']);
  });
});

describe('4. a failed setState', () => {
  it('changes nothing when the updater throws', () => {
    expect(() =>
      bus.setState('k', () => {
        throw new Error('no');
      }),
    ).toThrow('no');
    expect(bus.inspect().state).toEqual([]);
  });

  it('changes nothing when a getter inside the value throws, and keeps the previous value', () => {
    bus.setState('k', 'before');
    const watcher = vi.fn();
    bus.watchState('k', watcher);
    const hostile = {
      get name() {
        throw new Error('lazy');
      },
    };
    expect(() => bus.setState('k', hostile)).toThrow('lazy');
    expect(() => bus.setState('fresh', hostile)).toThrow('lazy');
    expect(bus.getState('k')).toBe('before');
    expect(bus.inspect().state.map((entry) => entry.key)).toEqual(['k']);
    expect(watcher).not.toHaveBeenCalled();
  });
});

describe('5. a provider result that cannot be frozen', () => {
  it('rejects the request with the real error, and nothing becomes an unhandled rejection', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      bus.provide('lazy', () => ({
        get name(): string {
          throw new Error('lazy getter');
        },
      }));
      const { proxy, revoke } = Proxy.revocable({}, {});
      revoke();
      bus.provide('revoked', () => ({ inner: proxy }));
      await expect(bus.request('lazy', undefined, { timeoutMs: 100_000 })).rejects.toThrow('lazy getter');
      await expect(bus.request('revoked', undefined, { timeoutMs: 100_000 })).rejects.toThrow(TypeError);
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(unhandled).not.toHaveBeenCalled();
      expect(bus.inspect().counts.pending).toBe(0);
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});

describe('6. a watcher added during a notification', () => {
  it('gets one immediate call and later changes, not the change being told', () => {
    const late = vi.fn();
    let added = false;
    bus.watchState('k', () => {
      if (added) return;
      added = true;
      bus.watchState('k', late, { immediate: true });
    });
    bus.setState('k', 1);
    expect(late.mock.calls.map(([value, previous]) => [value, previous])).toEqual([[1, undefined]]);
    bus.setState('k', 2);
    expect(late.mock.calls.map(([value, previous]) => [value, previous])).toEqual([
      [1, undefined],
      [2, 1],
    ]);
  });
});

describe('7. replay', () => {
  it('keeps FIFO order: a publish made by a handler during replay comes after the replay', () => {
    const seen: unknown[] = [];
    bus.publish('x', 'e1');
    bus.publish('a', 'e2');
    bus.subscribe('*', (payload) => {
      seen.push(payload);
      if (payload === 'e1') bus.publish('a', 'e3');
    });
    expect(seen).toEqual(['e1', 'e2', 'e3']);
  });
});

describe('8. Map, Set and class-instance request params', () => {
  it('never share a cache entry or a call with other params', async () => {
    bus.provide('m', (params) => JSON.stringify([...(params as Map<string, string>)]), { ttlMs: 60_000 });
    await expect(bus.request('m', new Map([['user', 'alice']]))).resolves.toBe('[["user","alice"]]');
    await expect(bus.request('m', new Map([['user', 'bob']]))).resolves.toBe('[["user","bob"]]');
    bus.provide('s', (params) => [...(params as Set<number>)].join(), { ttlMs: 60_000 });
    await expect(bus.request('s', new Set([1]))).resolves.toBe('1');
    await expect(bus.request('s', new Set([2]))).resolves.toBe('2');
  });

  it('treat Maps and Sets with the same entries in another order as equal', async () => {
    const provider = vi.fn(() => 'x');
    bus.provide('m', provider, { ttlMs: 60_000 });
    await bus.request(
      'm',
      new Map<string, number>([
        ['a', 1],
        ['b', 2],
      ]),
    );
    await bus.request(
      'm',
      new Map<string, number>([
        ['b', 2],
        ['a', 1],
      ]),
    );
    await bus.request('m', new Set(['a', 'b']));
    await bus.request('m', new Set(['b', 'a']));
    expect(provider).toHaveBeenCalledTimes(2);
  });

  it('reject class instances with InvalidArgumentError instead of guessing', async () => {
    class Query {
      constructor(readonly user: string) {}
    }
    bus.provide('q', () => 'answer');
    await expect(bus.request('q', new Query('bob'))).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(bus.request('q', { nested: new Query('bob') })).rejects.toThrow(/Query instance/);
  });
});

describe('9. getBus() with an unusable page-wide record', () => {
  // Each case runs the built IIFE in a realm of its own, so a record that can never be deleted again
  // (non-configurable) stays there.
  const iife = readFileSync(new URL('../dist/mfe-bus.iife.js', import.meta.url), 'utf8');
  function realm(descriptor?: PropertyDescriptor) {
    const errors: unknown[] = [];
    const context = createContext({
      console: { error: (message: unknown) => errors.push(message), warn() {} },
      setTimeout,
      clearTimeout,
      AbortController,
    });
    context.window = context;
    if (descriptor) Object.defineProperty(context, GLOBAL_KEY, descriptor);
    runInContext(iife, context);
    const { getBus: realmGetBus } = (context as { MfeBus: { getBus: typeof getBus } }).MfeBus;
    return { getBus: () => realmGetBus(), errors, context: context as Record<PropertyKey, unknown> };
  }
  const works = (candidate: Bus) => {
    const received = vi.fn();
    candidate.subscribe('t', received);
    candidate.publish('t', 1);
    expect(received).toHaveBeenCalledOnce();
  };
  const revoked = () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return proxy;
  };

  it('replaces a null record, or one that is not an object', () => {
    for (const value of [null, 42]) {
      const page = realm({ value, configurable: true });
      const replaced = page.getBus();
      works(replaced);
      expect((page.context[GLOBAL_KEY] as { bus: Bus }).bus).toBe(replaced);
      expect(page.errors).toEqual([]);
    }
  });

  it.each([
    [
      'a throwing getter',
      {
        get() {
          throw new Error('hostile');
        },
      },
    ],
    ['a revoked proxy', { value: revoked() }],
    ['a record whose bus is a revoked proxy', { value: { protocol: '1.1', version: '1.1.0', bus: revoked() } }],
  ])('hands back a working isolated bus, reporting once, for %s', (_, descriptor) => {
    const page = realm({ ...descriptor, configurable: false });
    const isolated = page.getBus();
    works(isolated);
    expect(page.getBus()).toBe(isolated);
    expect(page.errors).toHaveLength(1);
    expect(String(page.errors[0])).toContain('isolated bus');
  });

  it('isolates when a destroyed bus sits in a record it cannot replace', () => {
    const dead = createBus();
    dead.destroy();
    const page = realm({ value: { protocol: '1.1', version: '1.1.0', bus: dead, options: {} }, configurable: false });
    const isolated = page.getBus();
    works(isolated);
    expect(isolated).not.toBe(dead);
    expect(page.errors).toHaveLength(1);
  });
});

describe('10. inspect()', () => {
  it('is JSON-able after bigint params, cyclic payloads and cyclic state', () => {
    bus.request('big', 123n, { timeoutMs: 100_000 }).catch(() => {});
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    bus.publish('cyclic', cyclic);
    bus.setState('cyclic', cyclic);
    const text = JSON.stringify(bus.inspect());
    const snapshot = JSON.parse(text);
    expect(snapshot.pending[0].params).toBe('123n');
    expect(snapshot.topics[0].buffered[0].payload).toEqual({ name: 'loop', self: '[Circular]' });
    expect(snapshot.state[0].value).toEqual({ name: 'loop', self: '[Circular]' });
  });
});

describe('11. destroy() inside a handler', () => {
  it('drops what that handler queued and re-creates nothing on the dead bus', () => {
    const later = vi.fn();
    bus.subscribe('b', later);
    bus.subscribe('a', () => {
      bus.publish('b', 1);
      bus.setState('k', 1);
      bus.destroy();
    });
    bus.publish('a', 0);
    expect(later).not.toHaveBeenCalled();
    expect(bus.inspect()).toMatchObject({ topics: [], patterns: [], state: [] });
  });
});

// These assert bounds, not time: a slow machine may take as long as it needs.
describe('12. memory with no further calls', { timeout: 600_000 }, () => {
  const gc = (globalThis as { gc?: () => void }).gc as () => void;
  const settle = async () => {
    for (let i = 0; i < 3; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      gc();
    }
  };

  it('drops expired events of topics nobody touches again, and leaves no timer running', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const isolated = createBus({ replayWindowMs: 3000 });
    let payload: object | undefined = { order: 1 };
    const kept = new WeakRef(payload);
    isolated.publish('order:1:updated', payload);
    payload = undefined;
    for (let i = 2; i <= 1000; i++) isolated.publish(`order:${i}:updated`, { order: i });
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(3000 + 1000);
    expect(vi.getTimerCount()).toBe(0);
    await settle();
    expect(kept.deref()).toBeUndefined();
    isolated.destroy();
  });

  it('returns to its baseline heap after 100,000 topics published once', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const isolated = createBus();
    await settle();
    const baseline = process.memoryUsage().heapUsed;
    for (let i = 0; i < 100_000; i++) isolated.publish(`order:${i}:updated`, { order: i, status: 'paid' });
    await settle();
    const peak = process.memoryUsage().heapUsed - baseline;
    vi.advanceTimersByTime(3000 + 1000);
    await settle();
    const left = process.memoryUsage().heapUsed - baseline;
    expect(peak).toBeGreaterThan(10_000_000);
    expect(left).toBeLessThan(peak / 10);
    isolated.destroy();
  });

  it('returns to its baseline heap after 100,000 distinct params cached, then invalidated one by one', async () => {
    const isolated = createBus();
    isolated.provide('order', ({ id }: { id: number }) => ({ id, status: 'paid' }), { ttlMs: 60_000 });
    await settle();
    const baseline = process.memoryUsage().heapUsed;
    for (let i = 0; i < 100_000; i++) await isolated.request('order', { id: i });
    await settle();
    const peak = process.memoryUsage().heapUsed - baseline;
    for (let i = 0; i < 100_000; i++) isolated.invalidate('order', { id: i });
    await settle();
    const left = process.memoryUsage().heapUsed - baseline;
    expect(isolated.inspect().cache).toEqual([]);
    expect(peak).toBeGreaterThan(10_000_000);
    expect(left).toBeLessThan(peak / 10);
    isolated.destroy();
  });

  it('drops expired cache entries of keys never requested again', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    let result: object | undefined;
    bus.provide(
      'user',
      ({ id }: { id: number }) => {
        result = { id };
        return result;
      },
      { ttlMs: 5000 },
    );
    await bus.request('user', { id: 1 });
    const kept = new WeakRef(result as object);
    result = undefined;
    vi.advanceTimersByTime(5000 + 1000);
    expect(vi.getTimerCount()).toBe(0);
    await settle();
    expect(kept.deref()).toBeUndefined();
  });
});

describe('13. use after destroy()', () => {
  it('throws BusDestroyedError from every method but destroyed, inspect and destroy', () => {
    bus.setState('k', 'held'); // getState reads a held key without checks: destroy must have dropped it
    bus.destroy();
    const calls: [string, () => unknown][] = [
      ['publish', () => bus.publish('t', 1)],
      ['subscribe', () => bus.subscribe('t', () => {})],
      ['setState', () => bus.setState('k', 1)],
      ['getState', () => bus.getState('k')],
      ['watchState', () => bus.watchState('k', () => {})],
      ['provide', () => bus.provide('r', () => 1)],
      ['invalidate', () => bus.invalidate('r')],
      ['debug', () => bus.debug()],
      ['scope', () => bus.scope('cart')],
      ['observe', () => bus.observe(() => {})],
      ['use', () => bus.use({})],
      ['onDemand', () => bus.onDemand('t', () => {})],
    ];
    for (const [name, call] of calls) expect(call, name).toThrow(BusDestroyedError);
    expect(bus.destroyed).toBe(true);
    expect(bus.inspect().destroyed).toBe(true);
    expect(() => bus.destroy()).not.toThrow();
    return expect(bus.request('r')).rejects.toBeInstanceOf(BusDestroyedError);
  });
});

describe('an event storm', () => {
  // What this asserts is the bound, not the time: the test may take as long as a slow machine needs.
  it('leaves at most replayLimit events buffered after 1,000,000 publishes', { timeout: 600_000 }, () => {
    for (let i = 0; i < 1_000_000; i++) bus.publish('storm', i);
    const [topic] = bus.inspect().topics;
    expect(topic?.buffered).toHaveLength(100);
    expect(topic?.buffered.at(-1)?.payload).toBe(999_999);
  });
});
