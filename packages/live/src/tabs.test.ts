import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeServer } from '../test/fake-socket';
import { FakeBroadcastChannel, FakeLocks } from '../test/fake-tabs';
import { flush, statusOf, testBus } from '../test/harness';
import { connectLive } from './connect-live';
import type { LiveOptions } from './types';

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('navigator', { locks: new FakeLocks() });
  vi.stubGlobal('BroadcastChannel', FakeBroadcastChannel);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** One tab: its own bus, connected with share: 'tabs', recording what reaches `admin:*`. */
function tab(open: LiveOptions['open']) {
  const { bus, errors } = testBus();
  const disconnect = connectLive(bus, { id: 'test', topics: ['admin:*'], open, share: 'tabs', idleCloseMs: 100 });
  const seen: unknown[] = [];
  return { bus, errors, disconnect, seen, listen: () => bus.subscribe('admin:*', (payload) => seen.push(payload)) };
}

describe("share: 'tabs'", () => {
  it('one connection per browser: the leader tab holds it and relays its messages and status', async () => {
    const server = fakeServer();
    const [a, b, c] = [tab(server.open), tab(server.open), tab(server.open)];
    a.listen();
    await flush();
    b.listen();
    c.listen();
    await flush();
    expect(server.sockets).toHaveLength(1);
    server.current.open();
    server.current.message({ topic: 'admin:announcement', payload: 'hello' }, '1');
    await flush();
    for (const each of [a, b, c]) expect(each.seen).toEqual(['hello']);
    expect(statusOf(a.bus)).toEqual({ state: 'open', attempt: 0, error: null, leader: true });
    expect(statusOf(b.bus)).toEqual({ state: 'open', attempt: 0, error: null, leader: false });
    expect(statusOf(c.bus)).toEqual({ state: 'open', attempt: 0, error: null, leader: false });
  });

  it('a tab that joins later learns the current status from the leader', async () => {
    const server = fakeServer();
    const a = tab(server.open);
    a.listen();
    await flush();
    server.current.open();
    const b = tab(server.open);
    b.listen();
    expect(statusOf(b.bus)?.state).toBe('connecting');
    await flush();
    expect(statusOf(b.bus)).toEqual({ state: 'open', attempt: 0, error: null, leader: false });
  });

  it('when the leader tab goes, the next one leads and resumes from the last event id', async () => {
    const server = fakeServer();
    const [a, b] = [tab(server.open), tab(server.open)];
    a.listen();
    await flush();
    b.listen();
    await flush();
    server.current.open();
    server.current.message({ topic: 'admin:announcement', payload: 'one' }, '5');
    await flush();

    a.disconnect(); // the leader tab closes
    await flush();
    expect(server.sockets).toHaveLength(2);
    expect(server.sockets[0]?.closed).toBe(true);
    expect(server.current.context.lastEventId).toBe('5');
    expect(statusOf(b.bus)).toMatchObject({ state: 'connecting', leader: true });
    server.current.open();
    server.current.message({ topic: 'admin:announcement', payload: 'two' }, '6');
    expect(b.seen).toEqual(['one', 'two']);
    expect(a.seen).toEqual(['one']);

    // A status the former leader posted just before it went, arriving late, does not overwrite the new one's.
    const late = new FakeBroadcastChannel('mfe-bus-live:test');
    late.postMessage({ status: { state: 'retrying', attempt: 3, error: 'gone', leader: false } });
    late.close();
    await flush();
    expect(statusOf(b.bus)).toEqual({ state: 'open', attempt: 0, error: null, leader: true });
  });

  it('a leader whose listeners all left hands over after idleCloseMs; a tab with none never leads', async () => {
    const server = fakeServer();
    const [a, b, idle] = [tab(server.open), tab(server.open), tab(server.open)];
    const off = a.listen();
    await flush();
    b.listen();
    await flush();
    off();
    await vi.advanceTimersByTimeAsync(100);
    expect(server.sockets).toHaveLength(2);
    expect(server.live).toBe(1);
    expect(statusOf(a.bus)?.state).toBe('closed');
    expect(statusOf(b.bus)?.leader).toBe(true);
    expect(statusOf(idle.bus)).toEqual({ state: 'closed', attempt: 0, error: null, leader: false });
  });

  it('falls back to one connection per page where Web Locks are missing', async () => {
    vi.stubGlobal('navigator', undefined);
    const server = fakeServer();
    const [a, b] = [tab(server.open), tab(server.open)];
    a.listen();
    b.listen();
    await flush();
    expect(server.sockets).toHaveLength(2);
    expect(statusOf(a.bus)?.leader).toBe(true);
  });
});
