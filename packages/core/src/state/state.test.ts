import { afterEach, beforeEach, describe, expect, it, type Mock, vi } from 'vitest';
import { createBus } from '../bus/create-bus';
import { InvalidArgumentError } from '../errors';
import type { Bus, ErrorContext } from '../types';

let bus: Bus;
let onError: Mock<(error: unknown, context: ErrorContext) => void>;

beforeEach(() => {
  onError = vi.fn<(error: unknown, context: ErrorContext) => void>();
  bus = createBus({ onError });
});
afterEach(() => bus.destroy());

describe('shared state', () => {
  it('reads undefined for an unknown key and the stored value at once after a set', () => {
    expect(bus.getState('user')).toBeUndefined();
    bus.setState('user', { name: 'Ada' });
    expect(bus.getState('user')).toEqual({ name: 'Ada' });
  });

  it('hands a late watcher the current value with immediate: true, and only later changes otherwise', () => {
    bus.setState('theme', 'dark');
    const immediate = vi.fn();
    const later = vi.fn();
    bus.watchState('theme', immediate, { immediate: true });
    bus.watchState('theme', later);
    expect(immediate).toHaveBeenCalledWith('dark', undefined, expect.objectContaining({ key: 'theme', source: null }));
    expect(later).not.toHaveBeenCalled();
    bus.setState('theme', 'light');
    expect(later).toHaveBeenCalledWith('light', 'dark', expect.objectContaining({ key: 'theme', source: null }));
    expect(immediate).toHaveBeenLastCalledWith('light', 'dark', expect.anything());
  });

  it('notifies nobody when the new value is Object.is-equal', () => {
    const watcher = vi.fn();
    bus.setState('n', Number.NaN);
    bus.watchState('n', watcher);
    bus.setState('n', Number.NaN);
    bus.setState('n', (previous: unknown) => previous);
    expect(watcher).not.toHaveBeenCalled();
    bus.setState('n', 0);
    bus.setState('n', -0);
    expect(watcher).toHaveBeenCalledTimes(2);
  });

  it('passes the previous value to an updater', () => {
    bus.setState('count', 1);
    bus.setState('count', (previous: number | undefined) => (previous ?? 0) + 1);
    expect(bus.getState('count')).toBe(2);
  });

  it('lets an updater that throws reach the caller and changes nothing', () => {
    bus.setState('count', 1);
    const watcher = vi.fn();
    bus.watchState('count', watcher);
    expect(() =>
      bus.setState('count', () => {
        throw new Error('bad update');
      }),
    ).toThrow('bad update');
    expect(bus.getState('count')).toBe(1);
    expect(watcher).not.toHaveBeenCalled();
  });

  it('freezes stored values deeply and keeps their identity (stable snapshots)', () => {
    const user = { name: 'Ada', roles: ['admin'], profile: { city: 'London' } };
    bus.setState('user', user);
    const stored = bus.getState<typeof user>('user');
    expect(stored).toBe(user);
    expect(bus.getState('user')).toBe(stored);
    expect(Object.isFrozen(stored?.roles)).toBe(true);
    expect(() => {
      (stored as typeof user).profile.city = 'Paris';
    }).toThrow(TypeError);
    expect(() => stored?.roles.push('root')).toThrow(TypeError);
  });

  it('leaves class instances such as Date and typed arrays unfrozen instead of throwing', () => {
    const bytes = new Uint8Array([1, 2]);
    expect(() => bus.setState('bytes', { bytes, at: new Date(0) })).not.toThrow();
    expect(Object.isFrozen(bus.getState('bytes'))).toBe(true);
    expect(Object.isFrozen(bytes)).toBe(false);
  });

  it('isolates a throwing watcher and reports it with the key', () => {
    const boom = new Error('boom');
    const next = vi.fn();
    bus.watchState('k', () => {
      throw boom;
    });
    bus.watchState('k', next);
    expect(() => bus.setState('k', 1)).not.toThrow();
    expect(next).toHaveBeenCalledWith(1, undefined, expect.anything());
    expect(onError).toHaveBeenCalledWith(boom, { kind: 'watcher', key: 'k', source: null });
  });

  it('delivers changes in FIFO order when a watcher sets state, so every watcher sees the same sequence', () => {
    const seenA: unknown[] = [];
    const seenB: unknown[] = [];
    bus.watchState('v', (value) => {
      seenA.push(value);
      if (value === 1) bus.setState('v', 2);
    });
    bus.watchState('v', (value) => seenB.push(value));
    bus.setState('v', 1);
    expect(seenA).toEqual([1, 2]);
    expect(seenB).toEqual([1, 2]);
    expect(bus.getState('v')).toBe(2);
  });

  it('stops watching on cleanup (idempotent) and on signal abort', () => {
    const watcher = vi.fn();
    const off = bus.watchState('k', watcher);
    off();
    off();
    const controller = new AbortController();
    const viaSignal = vi.fn();
    bus.watchState('k', viaSignal, { signal: controller.signal });
    controller.abort();
    const never = vi.fn();
    bus.watchState('k', never, { signal: controller.signal, immediate: true });
    bus.setState('k', 1);
    expect(watcher).not.toHaveBeenCalled();
    expect(viaSignal).not.toHaveBeenCalled();
    expect(never).not.toHaveBeenCalled();
    expect(bus.inspect().counts.watchers).toBe(0);
  });

  it('retains nothing for a key that has no value and no watchers', () => {
    const off = bus.watchState('temp', () => {});
    off();
    bus.setState('gone', 1);
    bus.setState('gone', undefined);
    expect(bus.inspect().state).toEqual([]);
  });

  it.each(['__proto__', 'constructor', 'toString'])('treats "%s" like any other key', (key) => {
    expect(bus.getState(key)).toBeUndefined();
    const watcher = vi.fn();
    bus.watchState(key, watcher);
    bus.setState(key, { ok: true });
    expect(bus.getState(key)).toEqual({ ok: true });
    expect(watcher).toHaveBeenCalledWith({ ok: true }, undefined, expect.objectContaining({ key }));
  });

  it('rejects bad keys and listeners with InvalidArgumentError', () => {
    expect(() => bus.setState('', 1)).toThrow(InvalidArgumentError);
    expect(() => bus.getState(undefined as unknown as string)).toThrow(InvalidArgumentError);
    expect(() => bus.watchState('k', 'nope' as unknown as () => void)).toThrow(InvalidArgumentError);
    expect(bus.inspect().state).toEqual([]);
  });
});

describe('setState options', () => {
  it('marks optimistic writes and what carried a value, for watchers and observers', () => {
    const watcher = vi.fn();
    const records: unknown[] = [];
    bus.observe((record) => records.push(record));
    bus.watchState('cart', watcher);
    bus.scope('cart').setState('cart', 1, { optimistic: true });
    bus.setState('cart', 2, { via: 'tabs:shop' });
    expect(watcher.mock.calls.map(([, , meta]) => [meta.source, meta.optimistic, meta.via])).toEqual([
      ['cart', true, undefined],
      [null, false, 'tabs:shop'],
    ]);
    expect(records).toContainEqual(expect.objectContaining({ type: 'state', optimistic: true, source: 'cart' }));
  });
});
