import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeServer } from '../test/fake-socket';
import { flush, statusOf, testBus } from '../test/harness';
import { connectLive } from './connect-live';
import type { LiveStatus } from './types';

beforeEach(() => {
  vi.useFakeTimers();
  // The low end of each jittered wait: minDelayMs * 2^(attempt - 1) / 2.
  vi.spyOn(Math, 'random').mockReturnValue(0);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('reconnection', () => {
  it('retries with exponential backoff, tells each step in the status, and starts over once open', async () => {
    const { bus } = testBus();
    const server = fakeServer();
    connectLive(bus, { id: 'test', topics: ['t'], open: server.open, retry: { minDelayMs: 1000, maxDelayMs: 4000 } });
    const statuses: LiveStatus[] = [];
    bus.watchState<LiveStatus>('live:test:status', (status) => status && statuses.push(status));
    bus.subscribe('t', () => {});
    await flush();

    const waits: number[] = [];
    for (let attempt = 1; attempt <= 5; attempt++) {
      server.current.error();
      const before = server.sockets.length;
      let waited = 0;
      while (server.sockets.length === before) {
        await vi.advanceTimersByTimeAsync(50);
        waited += 50;
      }
      waits.push(waited);
    }
    expect(waits).toEqual([500, 1000, 2000, 2000, 2000]);
    expect(server.live).toBe(1);
    expect(statuses.slice(0, 4)).toEqual([
      { state: 'connecting', attempt: 0, error: null, leader: true },
      { state: 'retrying', attempt: 1, error: 'connection error', leader: true },
      { state: 'connecting', attempt: 1, error: 'connection error', leader: true },
      { state: 'retrying', attempt: 2, error: 'connection error', leader: true },
    ]);

    server.current.open();
    expect(statusOf(bus)).toEqual({ state: 'open', attempt: 0, error: null, leader: true });
    server.current.error();
    expect(statusOf(bus)).toEqual({ state: 'retrying', attempt: 1, error: 'connection error', leader: true });
    await vi.advanceTimersByTimeAsync(500);
    expect(server.sockets).toHaveLength(7);
  });

  it('gives up after retry.attempts failures in a row: status closed with the last error', async () => {
    const { bus } = testBus();
    const server = fakeServer({ websocket: true });
    connectLive(bus, { id: 'test', topics: ['t'], open: server.open, retry: { minDelayMs: 10, attempts: 2 } });
    bus.subscribe('t', () => {});
    await flush();
    server.current.drop(1011);
    await vi.advanceTimersByTimeAsync(10);
    server.current.drop(1012);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.sockets).toHaveLength(2);
    expect(statusOf(bus)).toEqual({ state: 'closed', attempt: 2, error: 'closed (code 1012)', leader: true });
  });

  it('an open that throws counts as a failed attempt', async () => {
    const { bus } = testBus();
    let calls = 0;
    const server = fakeServer();
    connectLive(bus, {
      id: 'test',
      topics: ['t'],
      retry: { minDelayMs: 10 },
      open: (context) => {
        if (++calls === 1) throw new SyntaxError('bad URL');
        return server.open(context);
      },
    });
    bus.subscribe('t', () => {});
    await flush();
    expect(statusOf(bus)).toMatchObject({ state: 'retrying', error: 'SyntaxError: bad URL' });
    await vi.advanceTimersByTimeAsync(5);
    expect(server.sockets).toHaveLength(1);
  });

  it('an error and a close of the same socket count once; events of a replaced socket are ignored', async () => {
    const { bus } = testBus();
    const server = fakeServer({ websocket: true });
    connectLive(bus, { id: 'test', topics: ['t'], open: server.open, retry: { minDelayMs: 10 } });
    const payloads: unknown[] = [];
    bus.subscribe('t', (payload) => payloads.push(payload));
    await flush();
    const first = server.current;
    first.error();
    first.drop();
    expect(statusOf(bus)?.attempt).toBe(1);
    await vi.advanceTimersByTimeAsync(5);
    first.message({ topic: 't', payload: 'stale' });
    first.open();
    expect(payloads).toEqual([]);
    expect(statusOf(bus)?.state).toBe('connecting');
  });
});

describe('resuming', () => {
  it('opens again with the last event id an EventSource saw', async () => {
    const { bus } = testBus();
    const server = fakeServer();
    connectLive(bus, { id: 'test', topics: ['t'], open: server.open, retry: { minDelayMs: 10 } });
    bus.subscribe('t', () => {});
    await flush();
    expect(server.current.context.lastEventId).toBeUndefined();
    server.current.open();
    server.current.message({ topic: 't', payload: 1 }, '41');
    server.current.message('not json', '42');
    server.current.error();
    await vi.advanceTimersByTimeAsync(10);
    expect(server.sockets).toHaveLength(2);
    expect(server.current.context.lastEventId).toBe('42');
  });

  it('sends a WebSocket the resume message after each open: last id (from the data) and topics', async () => {
    const { bus } = testBus();
    const server = fakeServer({ websocket: true });
    connectLive(bus, { id: 'test', topics: ['admin:*', 'inbox:unread'], open: server.open, retry: { minDelayMs: 10 } });
    bus.subscribe('admin:x', () => {});
    await flush();
    server.current.open();
    expect(server.current.sent.map((text) => JSON.parse(text))).toEqual([
      { type: 'resume', topics: ['admin:*', 'inbox:unread'] },
    ]);
    server.current.message({ id: 7, topic: 'admin:x', payload: 'a' });
    server.current.drop();
    await vi.advanceTimersByTimeAsync(10);
    server.current.open();
    expect(server.current.context.lastEventId).toBe('7');
    expect(JSON.parse(server.current.sent[0] ?? '')).toEqual({
      type: 'resume',
      lastEventId: '7',
      topics: ['admin:*', 'inbox:unread'],
    });
  });

  it('resume: a custom message, or false for none', async () => {
    const { bus } = testBus();
    const custom = fakeServer({ websocket: true });
    const none = fakeServer({ websocket: true });
    connectLive(bus, { id: 'a', topics: ['a'], open: custom.open, resume: ({ topics }) => `SUB ${topics}` });
    connectLive(bus, { id: 'b', topics: ['b'], open: none.open, resume: false });
    bus.subscribe('a', () => {});
    bus.subscribe('b', () => {});
    await flush();
    custom.current.open();
    none.current.open();
    expect(custom.current.sent).toEqual(['SUB a']);
    expect(none.current.sent).toEqual([]);
  });
});

describe('auth token', () => {
  it('opens with bus.request("auth:token") and reopens with the new token on auth:token-refreshed', async () => {
    const { bus } = testBus();
    let token = 'token-1';
    bus.provide('auth:token', () => token, { ttlMs: 60_000 });
    const server = fakeServer();
    connectLive(bus, { id: 'test', topics: ['t'], open: server.open, auth: true });
    bus.publish('auth:token-refreshed', {}); // before any connection: nothing to reopen
    bus.subscribe('t', () => {});
    await flush();
    expect(server.sockets.map((socket) => socket.context.token)).toEqual(['token-1']);
    server.current.open();

    token = 'token-2';
    bus.publish('auth:token-refreshed', { token });
    await flush();
    expect(server.sockets.map((socket) => socket.context.token)).toEqual(['token-1', 'token-2']);
    expect(server.sockets.map((socket) => socket.closed)).toEqual([true, false]);
    expect(server.sockets[0]?.context.signal.aborted).toBe(true);
    expect(statusOf(bus)).toMatchObject({ state: 'connecting', attempt: 0 });
  });

  it('custom keys; a token that is not a string is none; a failed request is a failed attempt', async () => {
    const { bus } = testBus();
    let answer: () => unknown = () => 42;
    bus.provide('session:jwt', () => answer());
    const server = fakeServer();
    connectLive(bus, {
      id: 'test',
      topics: ['t'],
      open: server.open,
      auth: { request: 'session:jwt', refreshed: 'session:renewed' },
      retry: { minDelayMs: 10 },
    });
    bus.subscribe('t', () => {});
    await flush();
    expect(server.current.context.token).toBeUndefined();
    answer = () => {
      throw new Error('signed out');
    };
    bus.publish('session:renewed', null);
    await flush();
    expect(server.sockets).toHaveLength(1);
    expect(statusOf(bus)).toMatchObject({ state: 'retrying', attempt: 1, error: 'Error: signed out' });
    answer = () => 'jwt';
    await vi.advanceTimersByTimeAsync(5);
    expect(server.current.context.token).toBe('jwt');
  });
});
