import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { InvalidArgumentError, ScopeDisposedError } from '../errors';
import type { Bus } from '../types';
import { createBus } from './create-bus';

let bus: Bus;
beforeEach(() => {
  bus = createBus();
});
afterEach(() => bus.destroy());

const zero = { subscribers: 0, watchers: 0, providers: 0, pending: 0 };

describe('bus.scope(app)', () => {
  it('marks what an app publishes and writes with its name', () => {
    const cart = bus.scope('cart');
    const events = vi.fn();
    const watcher = vi.fn();
    bus.subscribe('cart:updated', events);
    bus.watchState('theme', watcher);
    cart.publish('cart:updated', { count: 1 });
    bus.publish('cart:updated', { count: 2 });
    cart.setState('theme', 'dark');
    expect(events.mock.calls.map(([, meta]) => meta.source)).toEqual(['cart', null]);
    expect(watcher).toHaveBeenCalledWith('dark', undefined, {
      key: 'theme',
      source: 'cart',
      timestamp: expect.any(Number),
      optimistic: false,
      via: undefined,
    });
    expect(bus.inspect().state).toEqual([
      expect.objectContaining({ key: 'theme', source: 'cart', updatedAt: expect.any(Number) }),
    ]);
    expect(cart.getState('theme')).toBe('dark');
  });

  it('tells a provider which app asked, and lists the apps in inspect()', async () => {
    const auth = bus.scope('auth');
    const cart = bus.scope('cart');
    auth.provide('user:permissions', (_params, { requester }) => [`for ${requester}`]);
    await expect(cart.request('user:permissions')).resolves.toEqual(['for cart']);
    cart.subscribe('auth:*', () => {});
    cart.watchState('theme', () => {});
    bus.subscribe('x', () => {});
    cart.request('nobody', undefined, { timeoutMs: 100_000 }).catch(() => {});
    const snapshot = bus.inspect();
    expect(snapshot.apps).toEqual([
      { app: null, subscribers: 1, watchers: 0, providers: 0, pending: 0 },
      { app: 'auth', subscribers: 0, watchers: 0, providers: 1, pending: 0 },
      { app: 'cart', subscribers: 1, watchers: 1, providers: 0, pending: 1 },
    ]);
    expect(snapshot.providers).toEqual([expect.objectContaining({ key: 'user:permissions', app: 'auth' })]);
    expect(snapshot.pending).toEqual([expect.objectContaining({ key: 'nobody', apps: ['cart'] })]);
    cart.dispose();
  });

  it('removes everything registered through it in one dispose(), and stays usable', async () => {
    const cart = bus.scope('cart');
    const other = bus.scope('other');
    const kept = vi.fn();
    other.subscribe('t', kept);
    const dropped = vi.fn();
    cart.subscribe('t', dropped);
    cart.subscribe('t:*', dropped);
    cart.watchState('k', dropped);
    cart.provide('r', () => 1);
    const waiting = cart.request('nobody', undefined, { timeoutMs: 100_000 });
    const offEarly = cart.subscribe('early', dropped);
    offEarly(); // already undone: dispose() does not run it again
    expect(bus.inspect().counts).toEqual({ subscribers: 3, watchers: 1, providers: 1, pending: 1 });

    cart.dispose();
    await expect(waiting).rejects.toBeInstanceOf(ScopeDisposedError);
    await expect(waiting).rejects.toMatchObject({ code: 'SCOPE_DISPOSED', app: 'cart' });
    expect(bus.inspect().counts).toEqual({ ...zero, subscribers: 1 });
    bus.publish('t', 1);
    bus.setState('k', 1);
    expect(dropped).not.toHaveBeenCalled();
    expect(kept).toHaveBeenCalledOnce();
    await expect(bus.request('r', undefined, { timeoutMs: 1 })).rejects.toThrow(/no answer/);

    cart.subscribe('t', dropped, { replay: false }); // a remount reuses the scope
    bus.publish('t', 2);
    expect(dropped).toHaveBeenCalledOnce();
    cart.dispose();
    cart.dispose();
    other.dispose();
    expect(bus.inspect().counts).toEqual(zero);
  });

  it('keeps a requester that does not belong to the scope when the scope disposes', async () => {
    const cart = bus.scope('cart');
    const fromCart = cart.request('shared', undefined, { timeoutMs: 100_000 });
    const fromShell = bus.request('shared', undefined, { timeoutMs: 100_000 });
    cart.dispose();
    await expect(fromCart).rejects.toBeInstanceOf(ScopeDisposedError);
    bus.provide('shared', () => 'ok');
    await expect(fromShell).resolves.toBe('ok');
  });

  it('needs a non-empty app name', () => {
    expect(() => bus.scope('')).toThrow(InvalidArgumentError);
    expect(() => bus.scope(42 as unknown as string)).toThrow(InvalidArgumentError);
  });
});

describe('a dispose record', () => {
  it('tells observers what a scope removed and what its app still holds', () => {
    const records: unknown[] = [];
    bus.observe((record) => records.push(record));
    const first = bus.scope('cart');
    const second = bus.scope('cart');
    first.subscribe('t', () => {});
    first.watchState('k', () => {});
    second.subscribe('t', () => {});
    first.dispose();
    expect(records.at(-1)).toEqual({
      type: 'dispose',
      timestamp: expect.any(Number),
      source: 'cart',
      removed: 2,
      kept: { subscribers: 1, watchers: 0, providers: 0, pending: 0 },
    });
    second.dispose();
    expect(records.at(-1)).toMatchObject({ removed: 1, kept: { subscribers: 0 } });
  });
});
