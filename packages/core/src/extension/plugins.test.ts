import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBus } from '../bus/create-bus';
import { InvalidArgumentError } from '../errors';
import type { BusRecord } from '../records';
import type { Bus, BusPlugin } from '../types';

let bus: Bus;
const onError = vi.fn();
beforeEach(() => {
  onError.mockReset();
  bus = createBus({ onError });
});
afterEach(() => bus.destroy());

const refuse = (message: string) => () => {
  throw new Error(message);
};

describe('bus.use: publish and setState hooks', () => {
  it('run in installation order, may replace the value, and see the app', () => {
    const order: string[] = [];
    bus.use({
      publish(topic, payload, meta) {
        order.push(`first:${topic}:${meta.source}`);
        return { ...(payload as object), first: true };
      },
    });
    bus.use({
      publish(_topic, payload) {
        order.push('second');
        return { ...(payload as object), second: true };
      },
    });
    const received = vi.fn();
    bus.subscribe('t', received);
    bus.scope('cart').publish('t', { count: 1 });
    expect(order).toEqual(['first:t:cart', 'second']);
    expect(received).toHaveBeenCalledWith({ count: 1, first: true, second: true }, expect.anything());
    expect(Object.isFrozen(received.mock.calls[0]?.[0])).toBe(true);
  });

  it('refuse a call by throwing: the caller and onError get the error, nobody gets the event, the bus goes on', () => {
    const off = bus.use({ name: 'guard', publish: refuse('no') });
    const received = vi.fn();
    bus.subscribe('t', received);
    expect(() => bus.scope('cart').publish('t', 1)).toThrow('no');
    expect(onError).toHaveBeenCalledWith(new Error('no'), {
      kind: 'plugin',
      hook: 'publish',
      name: 't',
      source: 'cart',
    });
    expect(received).not.toHaveBeenCalled();
    expect(bus.inspect().topics).toEqual([{ topic: 't', subscribers: 1, buffered: [] }]);
    off();
    bus.publish('t', 2);
    expect(received).toHaveBeenCalledOnce();
  });

  it('keep an event out of the replay buffer with meta.replay = false', () => {
    bus.use({
      publish(topic, payload, meta) {
        if (topic.startsWith('auth:')) meta.replay = false;
        return payload;
      },
    });
    bus.publish('auth:secret', 'secret');
    bus.publish('cart:count', 1);
    const late = vi.fn();
    bus.subscribe('*', late);
    expect(late.mock.calls.map(([payload]) => payload)).toEqual([1]);
  });

  it('refuse a publish hook that returns a promise: publish is synchronous', () => {
    bus.use({ name: 'async', publish: async (_topic, payload) => payload });
    expect(() => bus.publish('t', 1)).toThrow(InvalidArgumentError);
    expect(() => bus.publish('t', 1)).toThrow(/plugin async: the publish hook returned a promise/);
  });

  it('see state writes after the updater, and a refused write changes nothing', () => {
    const seen = vi.fn((_key: string, next: unknown) => (next === 'forbidden' ? refuse('forbidden')() : next));
    bus.use({ setState: seen });
    bus.setState('n', 1);
    bus.scope('cart').setState('n', (previous: unknown) => (previous as number) + 1);
    expect(seen).toHaveBeenLastCalledWith('n', 2, 1, { source: 'cart' });
    expect(() => bus.setState('n', 'forbidden')).toThrow('forbidden');
    expect(bus.getState('n')).toBe(2);
  });

  it('refuse a provider with the provide hook', () => {
    bus.use({
      provide(key, meta) {
        if (key === 'auth:token' && meta.source !== 'auth') throw new Error(`${meta.source} does not own ${key}`);
      },
    });
    expect(() => bus.scope('cart').provide('auth:token', () => 't')).toThrow('cart does not own auth:token');
    bus.scope('auth').provide('auth:token', () => 't');
    expect(bus.inspect().providers).toEqual([expect.objectContaining({ key: 'auth:token', app: 'auth' })]);
  });
});

describe('bus.use: request and result hooks', () => {
  it('check params before the cache and dedupe see them, possibly asynchronously', async () => {
    const provider = vi.fn((params: unknown) => params);
    bus.provide('echo', provider, { ttlMs: 60_000 });
    bus.use({ request: async (_key, params) => ({ ...(params as object), checked: true }) });
    await expect(bus.request('echo', { id: 1 })).resolves.toEqual({ id: 1, checked: true });
    await expect(bus.request('echo', { id: 1 })).resolves.toEqual({ id: 1, checked: true });
    expect(provider).toHaveBeenCalledOnce();
  });

  it('make no provider call when the request hook throws or rejects', async () => {
    const provider = vi.fn(() => 1);
    bus.provide('k', provider);
    const off = bus.use({ request: refuse('bad params') });
    await expect(bus.request('k', 1)).rejects.toThrow('bad params');
    off();
    bus.use({ request: () => Promise.reject(new Error('async bad params')) });
    await expect(bus.scope('cart').request('k', 1)).rejects.toThrow('async bad params');
    expect(provider).not.toHaveBeenCalled();
    expect(onError).toHaveBeenCalledWith(new Error('async bad params'), {
      kind: 'plugin',
      hook: 'request',
      name: 'k',
      source: 'cart',
    });
  });

  it('check a result before it is cached; a rejected result is not cached and rejects the request', async () => {
    let answer: unknown = 'bad';
    bus.scope('auth').provide('k', () => answer, { ttlMs: 60_000 });
    const result = vi.fn(async (_key: string, _params: unknown, value: unknown) => {
      if (value === 'bad') throw new Error('invalid result');
      return `${value}!`;
    });
    bus.use({ result });
    await expect(bus.scope('cart').request('k', 'p')).rejects.toThrow('invalid result');
    expect(result).toHaveBeenCalledWith('k', 'p', 'bad', { source: 'cart', provider: 'auth' });
    expect(bus.inspect().cache).toEqual([]);
    answer = 'good';
    await expect(bus.request('k', 'p')).resolves.toBe('good!');
    await expect(bus.request('k', 'p')).resolves.toBe('good!');
    expect(result).toHaveBeenCalledTimes(2);
  });
});

describe('bus.use: setup and report', () => {
  it('hands a plugin a report() that reaches onError and observers', () => {
    const records: BusRecord[] = [];
    bus.observe((record) => records.push(record));
    let tools: Parameters<NonNullable<BusPlugin['setup']>>[0] | undefined;
    bus.use({ name: 'contracts', setup: (given) => (tools = given) });
    tools?.report(new Error('payload.count must be a number'), {
      report: 'violation',
      name: 'cart:updated',
      source: 'cart',
      detail: { path: ['count'] },
    });
    expect(onError).toHaveBeenCalledWith(new Error('payload.count must be a number'), {
      kind: 'report',
      report: 'violation',
      name: 'cart:updated',
      source: 'cart',
      detail: { path: ['count'] },
    });
    expect(records).toEqual([
      {
        type: 'report',
        timestamp: expect.any(Number),
        report: 'violation',
        name: 'cart:updated',
        source: 'cart',
        error: { name: 'Error', message: 'payload.count must be a number' },
        detail: { path: ['count'] },
      },
    ]);
  });

  it('refuses what is not a plugin object', () => {
    expect(() => bus.use(null as unknown as BusPlugin)).toThrow(InvalidArgumentError);
  });
});

describe('bus.use: sensitive', () => {
  it('hides the payloads and values a plugin names from observers, inspect() and debug output', () => {
    const records: BusRecord[] = [];
    bus.observe((record) => records.push(record));
    bus.use({ sensitive: (kind, name) => (kind === 'event' ? name.startsWith('auth:') : name === 'token') });
    const received = vi.fn();
    bus.subscribe('auth:token', received);
    bus.publish('auth:token', { token: 'secret' });
    bus.publish('cart:count', 1);
    bus.setState('token', 'secret');
    bus.setState('theme', 'dark');
    expect(received).toHaveBeenCalledWith({ token: 'secret' }, expect.anything());
    const text = JSON.stringify([records, bus.inspect()]);
    expect(text).not.toContain('secret');
    expect(records).toContainEqual(
      expect.objectContaining({ type: 'publish', topic: 'auth:token', payload: '[Sensitive]' }),
    );
    expect(records).toContainEqual(expect.objectContaining({ type: 'publish', topic: 'cart:count', payload: 1 }));
    expect(bus.inspect().state).toEqual([
      expect.objectContaining({ key: 'token', value: '[Sensitive]' }),
      expect.objectContaining({ key: 'theme', value: 'dark' }),
    ]);
  });

  it('treats a sensitive hook that throws as saying yes', () => {
    bus.use({
      sensitive: () => {
        throw new Error('unsure');
      },
    });
    bus.publish('t', 'secret');
    expect(JSON.stringify(bus.inspect())).not.toContain('secret');
  });
});

describe('PluginTools.isSensitive', () => {
  it("answers what the installed plugins' sensitive hooks say", () => {
    let tools: Parameters<NonNullable<BusPlugin['setup']>>[0] | undefined;
    bus.use({ setup: (given) => (tools = given) });
    expect(tools?.isSensitive('event', 'auth:token')).toBe(false);
    const uninstall = bus.use({ sensitive: (kind, name) => kind === 'event' && name === 'auth:token' });
    expect(tools?.isSensitive('event', 'auth:token')).toBe(true);
    expect(tools?.isSensitive('state', 'auth:token')).toBe(false);
    uninstall();
    expect(tools?.isSensitive('event', 'auth:token')).toBe(false);
  });
});

describe('bus.use: what carried a write', () => {
  it('tells publish and setState hooks the via of bridged input, and subscribers whether an event may replay', () => {
    const seen: unknown[] = [];
    bus.use({
      publish(_topic, payload, meta) {
        seen.push(['publish', meta.via]);
        return payload;
      },
      setState(_key, next, _previous, meta) {
        seen.push(['setState', meta.via]);
        return next;
      },
    });
    const received = vi.fn();
    bus.subscribe('t', received);
    bus.publish('t', 1, { via: 'frame:shop', replay: false });
    bus.setState('k', 1, { via: 'tabs' });
    bus.publish('t', 2);
    expect(seen).toEqual([
      ['publish', 'frame:shop'],
      ['setState', 'tabs'],
      ['publish', undefined],
    ]);
    expect(received.mock.calls.map(([, meta]) => meta.replay)).toEqual([false, true]);
  });
});
