import { type Bus, createBus } from '@mfe-bus/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Recorder, record } from '../recorder/record';
import { appStats, percentile } from './app-stats';

let bus: Bus;
let recorder: Recorder;
beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(5000);
  bus = createBus({ onError: () => {} });
  recorder = record(bus);
});
afterEach(() => {
  bus.destroy();
  vi.useRealTimers();
});

const statsOf = (app: string | null) => appStats(recorder.entries(), bus.inspect().apps).find((s) => s.app === app);

describe('appStats', () => {
  it('takes nearest-rank percentiles', () => {
    expect(percentile([10, 20, 30, 40], 0.5)).toBe(20);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 100], 0.95)).toBe(19);
    expect(percentile([7], 0.95)).toBe(7);
    expect(percentile([], 0.5)).toBe(0);
  });

  it('shows live registrations, first sighting and listener errors per app, zeros once an app unmounted', () => {
    const react = bus.scope('react');
    react.subscribe('t', () => {
      throw new Error('oops');
    });
    react.watchState('theme', () => {});
    vi.advanceTimersByTime(10);
    bus.publish('t', 1);
    expect(statsOf('react')).toMatchObject({
      live: { subscribers: 1, watchers: 1, providers: 0, pending: 0 },
      firstSeen: 5000,
      listenerErrors: 1,
      leak: undefined,
    });
    react.dispose();
    expect(statsOf('react')?.live).toEqual({ app: 'react', subscribers: 0, watchers: 0, providers: 0, pending: 0 });
  });

  it('measures the requests an app served from start to answer, not the wait for it to register', async () => {
    const pending = bus.request('slow');
    vi.advanceTimersByTime(1000); // waiting for a provider: not the provider's latency
    bus.scope('shell').provide('slow', () => new Promise((resolve) => setTimeout(resolve, 30)));
    await vi.advanceTimersByTimeAsync(30);
    await pending;
    bus.scope('shell').provide('fast', () => 'now');
    for (let n = 0; n < 3; n++) await bus.request('fast', n);
    expect(statsOf('shell')?.served).toEqual({ count: 4, median: 0, p95: 30 });
  });

  it('flags an app whose registrations grow across remounts', () => {
    const react = bus.scope('react');
    for (let mount = 0; mount < 3; mount++) {
      react.subscribe('auth:*', () => {});
      // A component that subscribed through a scope object of its own, which nothing disposes.
      bus.scope('react').subscribe(`cart:${mount}`, () => {});
      react.dispose();
    }
    expect(statsOf('react')?.leak).toBe(
      'keeps 3 registrations after dispose(); registrations grow across remounts: 1 → 2 → 3 left after each unmount',
    );
  });

  it('flags an app that keeps registrations after its scope was disposed', () => {
    const shop = bus.scope('shop');
    shop.subscribe('cart:*', () => {});
    bus.scope('shop').watchState('theme', () => {}); // made through another scope object, never disposed
    shop.dispose();
    expect(statsOf('shop')?.leak).toBe('keeps 1 registration after dispose()');
    bus.scope('shop').subscribe('cart:*', () => {}); // mounted again: no longer "after dispose"
    expect(statsOf('shop')?.leak).toBeUndefined();
  });

  it('does not flag an app that remounts cleanly', () => {
    const vue = bus.scope('vue');
    for (let mount = 0; mount < 3; mount++) {
      vue.subscribe('auth:*', () => {});
      vue.watchState('theme', () => {});
      vue.provide('remote:vue:status', () => 'ok');
      vue.dispose();
    }
    expect(statsOf('vue')).toMatchObject({ leak: undefined, live: { subscribers: 0 } });
  });
});
