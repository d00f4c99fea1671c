import { type Bus, type BusRecord, createBus } from '@mfe-bus/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChurnEntry, PublishEntry, TimelineEntry } from './entries';
import { record } from './record';

let bus: Bus;
const onError = vi.fn();

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(1000);
  onError.mockReset();
  bus = createBus({ onError });
});
afterEach(() => {
  bus.destroy();
  vi.useRealTimers();
});

const types = (entries: TimelineEntry[]) => entries.map((entry) => entry.type);

describe('record', () => {
  it('keeps the newest `limit` entries', () => {
    const recorder = record(bus, { limit: 3 });
    for (let n = 1; n <= 5; n++) bus.publish('t', n);
    expect(recorder.entries().map((entry) => (entry as PublishEntry).payload)).toEqual([3, 4, 5]);
    expect(recorder.entries().map((entry) => entry.id)).toEqual([3, 4, 5]);
  });

  it('makes a publish entry with its source, receiver apps and the late subscribers it was replayed to', () => {
    const recorder = record(bus);
    const cart = bus.scope('cart');
    bus.scope('header').subscribe('cart:updated', () => {});
    cart.publish('cart:updated', { count: 1 });
    bus.scope('react').subscribe('cart:*', () => {});
    const [, publish] = recorder.entries();
    expect(publish).toMatchObject({
      type: 'publish',
      id: 2,
      timestamp: 1000,
      seq: 1,
      topic: 'cart:updated',
      source: 'cart',
      payload: { count: 1 },
      receivers: 1,
      receiverApps: ['header'],
      replay: true,
      replayedTo: ['react'],
    });
  });

  it('makes a state entry: the state record (previous and next value, writer) with an id', () => {
    const recorder = record(bus);
    const records: BusRecord[] = [];
    bus.observe((busRecord) => records.push(busRecord));
    bus.scope('vue').setState('theme', 'dark');
    expect(recorder.entries()).toEqual([{ ...records[0], id: 1 }]);
    expect(recorder.entries()[0]).toMatchObject({ key: 'theme', previous: undefined, next: 'dark', source: 'vue' });
  });

  it('groups consecutive subscription changes of one app into a churn entry', () => {
    const recorder = record(bus);
    const react = bus.scope('react');
    react.subscribe('auth:*', () => {});
    react.watchState('theme', () => {});
    bus.scope('vue').subscribe('cart:updated', () => {});
    react.dispose();
    expect(types(recorder.entries())).toEqual(['churn', 'churn', 'churn', 'dispose']);
    const [mount, vue, unmount] = recorder.entries() as ChurnEntry[];
    expect(mount).toMatchObject({
      source: 'react',
      changes: [
        { change: 'subscribe', name: 'auth:*' },
        { change: 'watch', name: 'theme' },
      ],
    });
    expect(vue).toMatchObject({ source: 'vue', changes: [{ change: 'subscribe', name: 'cart:updated' }] });
    expect(unmount).toMatchObject({
      source: 'react',
      changes: [
        { change: 'unsubscribe', name: 'auth:*' },
        { change: 'unwatch', name: 'theme' },
      ],
    });
  });

  it('makes entries for providers, listener errors and reports (contract violations)', () => {
    const recorder = record(bus);
    const stop = bus.scope('shell').provide('user:permissions', () => [], { ttlMs: 500 });
    stop();
    bus.scope('vue').subscribe('boom', () => {
      throw new Error('handler failed');
    });
    bus.publish('boom', 1);
    bus.use({
      setup(tools) {
        tools.report(new Error('payload.count: expected a number'), {
          report: 'violation',
          name: 'cart:updated',
          source: 'react',
        });
      },
    });
    const entries = recorder.entries().filter((entry) => entry.type !== 'churn' && entry.type !== 'publish');
    expect(entries).toEqual([
      expect.objectContaining({ type: 'provide', key: 'user:permissions', source: 'shell', ttlMs: 500, registered: 1 }),
      expect.objectContaining({ type: 'unprovide', key: 'user:permissions', source: 'shell', registered: 0 }),
      expect.objectContaining({
        type: 'listener-error',
        kind: 'subscriber',
        name: 'boom',
        source: 'vue',
        error: expect.objectContaining({ message: 'handler failed' }),
      }),
      expect.objectContaining({
        type: 'report',
        report: 'violation',
        name: 'cart:updated',
        source: 'react',
        error: expect.objectContaining({ message: 'payload.count: expected a number' }),
      }),
    ]);
  });

  it('tells subscribers about every change, until they unsubscribe', () => {
    const recorder = record(bus);
    const listener = vi.fn();
    const off = recorder.subscribe(listener);
    bus.publish('t', 1);
    bus.setState('k', 1);
    recorder.clear();
    expect(listener).toHaveBeenCalledTimes(3);
    off();
    bus.publish('t', 2);
    expect(listener).toHaveBeenCalledTimes(3);
  });

  it('clears its entries', () => {
    const recorder = record(bus);
    bus.publish('t', 1);
    recorder.clear();
    expect(recorder.entries()).toEqual([]);
    bus.publish('t', 2);
    expect(recorder.entries()).toHaveLength(1);
  });

  it('records nothing while paused and goes on after resume()', () => {
    const recorder = record(bus);
    const listener = vi.fn();
    recorder.subscribe(listener);
    bus.publish('t', 1);
    recorder.pause();
    expect(recorder.paused).toBe(true);
    bus.publish('t', 2);
    bus.setState('k', 'while paused');
    recorder.resume();
    recorder.resume(); // twice: still one observer
    bus.publish('t', 3);
    expect(recorder.paused).toBe(false);
    expect(recorder.entries().map((entry) => (entry as PublishEntry).payload)).toEqual([1, 3]);
    expect(listener).toHaveBeenCalledTimes(1 + 3 + 1); // publish, pause, resume ×2, publish
  });

  it('exports JSON that imports into another recorder unchanged, paused so live events stay out', () => {
    const recorder = record(bus);
    bus.scope('shell').setState('user', { name: 'Ada' });
    bus.scope('cart').publish('cart:updated', { count: 2 });
    const json = recorder.export();
    expect(JSON.parse(json)).toEqual({
      format: 'mfe-bus-timeline',
      version: 1,
      exportedAt: 1000,
      entries: recorder.entries(),
    });

    const offline = record(createBus());
    offline.import(json);
    expect(offline.entries()).toEqual(recorder.entries());
    expect(offline.paused).toBe(true);
    offline.resume();
    bus.publish('not on the offline bus', 1);
    expect(offline.entries()).toHaveLength(2);
  });

  it('refuses to import what is not an exported timeline, keeping its entries', () => {
    const recorder = record(bus);
    bus.publish('t', 1);
    expect(() => recorder.import('{"entries": []}')).toThrow(TypeError);
    expect(() => recorder.import('null')).toThrow(TypeError);
    expect(() => recorder.import('not json')).toThrow(SyntaxError);
    expect(recorder.entries()).toHaveLength(1);
    expect(recorder.paused).toBe(false);
  });

  it('gives imported entries room in its limit and new ids after the imported ones', () => {
    const source = record(bus);
    for (let n = 1; n <= 4; n++) bus.publish('t', n);
    const small = record(createBus(), { limit: 2 });
    small.import(source.export());
    expect(small.entries().map((entry) => entry.id)).toEqual([3, 4]);
    small.resume();
    expect(small.entries()).toHaveLength(2);
  });

  it('explains what is missing on a bus without observe (created by mfe-bus 0.1)', () => {
    const oldBus = { ...bus, observe: undefined } as unknown as Bus;
    expect(() => record(oldBus)).toThrow(/observe/);
  });

  it('stops observing for good on stop()', () => {
    const recorder = record(bus);
    const listener = vi.fn();
    recorder.subscribe(listener);
    recorder.stop();
    recorder.resume();
    bus.publish('t', 1);
    expect(recorder.entries()).toEqual([]);
    expect(listener).not.toHaveBeenCalled();
  });
});
