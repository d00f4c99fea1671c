import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBus } from '../bus/create-bus';
import type { BusRecord } from '../records';
import type { Bus } from '../types';

let bus: Bus;
let records: BusRecord[];
const onError = vi.fn();

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(1000);
  onError.mockReset();
  bus = createBus({ onError });
  records = [];
  bus.observe((record) => records.push(record));
});
afterEach(() => {
  bus.destroy();
  vi.useRealTimers();
});

const types = () => records.map((record) => record.type);

describe('bus.observe', () => {
  it('records publishes with receivers, subscriptions and replays, in order', () => {
    const cart = bus.scope('cart');
    bus.publish('cart:updated', { count: 1 });
    const off = cart.subscribe('cart:*', () => {});
    bus.subscribe('cart:updated', () => {});
    cart.publish('cart:updated', { count: 2 }, { replay: false });
    off();
    expect(records).toEqual([
      {
        type: 'publish',
        timestamp: 1000,
        seq: 1,
        topic: 'cart:updated',
        source: null,
        payload: { count: 1 },
        receivers: 0,
        receiverApps: [],
        replay: true,
      },
      { type: 'subscribe', timestamp: 1000, topic: 'cart:*', source: 'cart' },
      { type: 'replay', timestamp: 1000, topic: 'cart:*', source: 'cart', seqs: [1] },
      { type: 'subscribe', timestamp: 1000, topic: 'cart:updated', source: null },
      { type: 'replay', timestamp: 1000, topic: 'cart:updated', source: null, seqs: [1] },
      expect.objectContaining({ type: 'publish', seq: 2, source: 'cart', receiverApps: ['cart', null], replay: false }),
      { type: 'unsubscribe', timestamp: 1000, topic: 'cart:*', source: 'cart' },
    ]);
  });

  it('records state writes and watchers', () => {
    const shell = bus.scope('shell');
    const stop = bus.watchState('theme', () => {});
    shell.setState('theme', 'dark');
    shell.setState('theme', 'dark'); // equal: nothing happens, nothing is recorded
    stop();
    expect(records).toEqual([
      { type: 'watch', timestamp: 1000, key: 'theme', source: null },
      {
        type: 'state',
        timestamp: 1000,
        key: 'theme',
        previous: undefined,
        next: 'dark',
        source: 'shell',
        optimistic: false,
      },
      { type: 'unwatch', timestamp: 1000, key: 'theme', source: null },
    ]);
  });

  it('records each step of a request, naming its call, requester and provider', async () => {
    const cart = bus.scope('cart');
    const auth = bus.scope('auth');
    const first = cart.request('perm', { id: 1 });
    const joined = bus.request('perm', { id: 1 });
    vi.advanceTimersByTime(40);
    auth.provide('perm', () => ['read'], { ttlMs: 1000 });
    await Promise.all([first, joined]);
    await bus.request('perm', { id: 1 });
    const timedOut = bus.request('none', undefined, { timeoutMs: 5 }).catch(() => {});
    await vi.advanceTimersByTimeAsync(5);
    await timedOut;
    const aborted = new AbortController();
    const gone = bus.request('none', undefined, { signal: aborted.signal }).catch(() => {});
    aborted.abort(new Error('left'));
    await gone;
    const steps = records.filter((record) => record.type.startsWith('request:'));
    expect(steps.map((step) => step.type)).toEqual([
      'request:queued',
      'request:joined',
      'request:started',
      'request:settled',
      'request:cache-hit',
      'request:queued',
      'request:timed-out',
      'request:queued',
      'request:aborted',
    ]);
    expect(steps[0]).toEqual({
      type: 'request:queued',
      timestamp: 1000,
      call: 1,
      key: 'perm',
      paramsKey: '{"id":1}',
      params: { id: 1 },
      requester: 'cart',
      provider: null,
      durationMs: 0,
    });
    expect(steps[1]).toMatchObject({ call: 1, requester: null });
    expect(steps[2]).toMatchObject({ call: 1, requester: 'cart', provider: 'auth', durationMs: 40 });
    expect(steps[4]).toMatchObject({ call: 0, provider: 'auth' });
    expect(steps[6]).toMatchObject({ call: 2, error: { name: 'ProviderTimeoutError', code: 'PROVIDER_TIMEOUT' } });
    expect(steps[8]).toMatchObject({ call: 3, error: { name: 'Error', message: 'left' } });
    expect(records.find((record) => record.type === 'provide')).toEqual({
      type: 'provide',
      timestamp: 1040,
      key: 'perm',
      source: 'auth',
      ttlMs: 1000,
      registered: 1,
    });
  });

  it('records listener errors and keeps every record JSON-able', () => {
    bus.scope('cart').subscribe('t', () => {
      throw new TypeError('bad handler');
    });
    const cyclic: Record<string, unknown> = { big: 10n };
    cyclic.self = cyclic;
    bus.publish('t', cyclic);
    expect(records.at(-2)).toEqual({
      type: 'listener-error',
      timestamp: 1000,
      kind: 'subscriber',
      name: 't',
      source: 'cart',
      error: { name: 'TypeError', message: 'bad handler' },
    });
    expect(records.at(-1)).toMatchObject({ type: 'publish', payload: { big: '10n', self: '[Circular]' } });
    expect(JSON.parse(JSON.stringify(records))).toEqual(records);
  });

  it('isolates a throwing observer and stops calling one that was cleaned up', () => {
    const failing = bus.observe(() => {
      throw new Error('observer');
    });
    const late = vi.fn();
    const stop = bus.observe(late);
    bus.publish('t', 1);
    expect(late).toHaveBeenCalledOnce();
    expect(onError).toHaveBeenCalledWith(new Error('observer'), { kind: 'bus', detail: 'an observer threw' });
    stop();
    failing();
    bus.publish('t', 2);
    expect(late).toHaveBeenCalledOnce();
    expect(types()).toEqual(['publish', 'publish']);
  });
});
