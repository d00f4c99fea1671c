import { type Bus, createBus } from '@mfe-bus/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RequestEntry } from './entries';
import { type Recorder, record } from './record';

let bus: Bus;
let recorder: Recorder;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(1000);
  bus = createBus({ onError: () => {} });
  recorder = record(bus);
});
afterEach(() => {
  bus.destroy();
  vi.useRealTimers();
});

const requests = () => recorder.entries().filter((entry): entry is RequestEntry => entry.type === 'request');
const steps = (entry: RequestEntry | undefined) =>
  entry?.steps.map(({ step, app, durationMs }) => [step, app, durationMs]);
/** A provider that answers after `ms` of (fake) time. */
const answersAfter =
  (ms: number, result: unknown = 'ok') =>
  () =>
    new Promise((resolve) => setTimeout(() => resolve(result), ms));

describe('request entries', () => {
  it('make one entry per call: queued, joined, provider registered, started, settled, with durations', async () => {
    const first = bus.scope('react').request('user:permissions', { userId: 'u1' });
    await vi.advanceTimersByTimeAsync(10);
    const second = bus.scope('vue').request('user:permissions', { userId: 'u1' });
    await vi.advanceTimersByTimeAsync(30);
    bus.scope('shell').provide('user:permissions', answersAfter(25, ['read']));
    await vi.advanceTimersByTimeAsync(25);
    await Promise.all([first, second]);

    expect(requests()).toHaveLength(1);
    const [call] = requests();
    expect(call).toMatchObject({
      timestamp: 1000,
      key: 'user:permissions',
      params: { userId: 'u1' },
      source: 'react',
      provider: 'shell',
      status: 'settled',
      durationMs: 65,
    });
    expect(steps(call)).toEqual([
      ['queued', 'react', 0],
      ['joined', 'vue', 10],
      ['provided', 'shell', 40],
      ['started', 'react', 40],
      ['settled', 'react', 65],
    ]);
  });

  it('show a call in flight as running, and a cache hit as an entry of its own', async () => {
    bus.provide('user', answersAfter(5), { ttlMs: 1000 });
    const pending = bus.request('user', { id: 1 });
    expect(requests()[0]?.status).toBe('running');
    await vi.advanceTimersByTimeAsync(5);
    await pending;
    await bus.scope('svelte').request('user', { id: 1 });
    expect(requests().map((entry) => [entry.call, entry.status, entry.source])).toEqual([
      [1, 'settled', null],
      [0, 'cache-hit', 'svelte'],
    ]);
  });

  it('record a failed call with its error', async () => {
    bus.scope('shell').provide('user', () => {
      throw new Error('backend down');
    });
    await expect(bus.request('user')).rejects.toThrow('backend down');
    const [call] = requests();
    expect(call?.status).toBe('failed');
    expect(call?.steps.at(-1)?.error).toMatchObject({ message: 'backend down' });
  });

  it('mark a call timed out or aborted only once every requester gave up', async () => {
    const patient = bus.scope('react').request('slow', undefined, { timeoutMs: 100 });
    const impatient = bus.scope('vue').request('slow', undefined, { timeoutMs: 20 });
    const caught = [patient.catch((error) => error), impatient.catch((error) => error)];
    await vi.advanceTimersByTimeAsync(20);
    expect(requests()[0]?.status).toBe('waiting');
    await vi.advanceTimersByTimeAsync(80);
    await Promise.all(caught);
    expect(requests()[0]?.status).toBe('timed-out');
    expect(steps(requests()[0])).toEqual([
      ['queued', 'react', 0],
      ['joined', 'vue', 0],
      ['timed-out', 'vue', 20],
      ['timed-out', 'react', 100],
    ]);

    const controller = new AbortController();
    const aborted = bus.request('other', undefined, { signal: controller.signal }).catch((error) => error);
    controller.abort(new Error('left the page'));
    await aborted;
    expect(requests()[1]?.status).toBe('aborted');
  });

  it('keep updating a call after older entries were dropped, and start over from the step in hand once it was dropped', async () => {
    recorder.stop();
    recorder = record(bus, { limit: 3 });
    bus.provide('user', answersAfter(10));
    const pending = bus.request('user');
    bus.publish('t', 1);
    bus.publish('t', 2);
    await vi.advanceTimersByTimeAsync(10);
    await pending;
    expect(requests()[0]?.status).toBe('settled');

    const dropped = bus.request('user');
    for (let n = 0; n < 3; n++) bus.publish('t', n);
    await vi.advanceTimersByTimeAsync(10);
    await dropped;
    const [restarted] = requests();
    expect(steps(restarted)).toEqual([['settled', null, 10]]);
    expect(restarted).toMatchObject({ timestamp: 1010, status: 'settled' });
  });
});
