import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeServer } from '../test/fake-socket';
import { flush, statusOf, testBus } from '../test/harness';
import { connectLive } from './connect-live';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('connectLive: opened on demand', () => {
  it('opens nothing until a listener of one of its topics appears, then one connection for all of them', async () => {
    const { bus } = testBus();
    const server = fakeServer();
    connectLive(bus, { id: 'test', topics: ['admin:*', 'inbox:unread'], open: server.open });
    bus.subscribe('cart:updated', () => {});
    bus.watchState('live:test:status', () => {});
    await flush();
    expect(server.sockets).toHaveLength(0);
    expect(statusOf(bus)).toEqual({ state: 'closed', attempt: 0, error: null, leader: false });

    const offs = [
      bus.subscribe('admin:announcement', () => {}),
      bus.subscribe('admin:*', () => {}),
      bus.scope('vue').subscribe('admin:user-banned', () => {}),
      bus.watchState('inbox:unread', () => {}),
    ];
    await flush();
    expect(server.sockets).toHaveLength(1);
    expect(statusOf(bus)).toMatchObject({ state: 'connecting', attempt: 0, leader: true });
    server.current.open();
    expect(statusOf(bus)).toEqual({ state: 'open', attempt: 0, error: null, leader: true });
    for (const off of offs) off();
    expect(server.live).toBe(1);
  });

  it('closes idleCloseMs after the last listener left, and not if one comes back in time', async () => {
    const { bus } = testBus();
    const server = fakeServer();
    connectLive(bus, { id: 'test', topics: ['admin:*'], open: server.open, idleCloseMs: 1000 });
    const first = bus.subscribe('admin:announcement', () => {});
    await flush();
    server.current.open();
    first();
    await vi.advanceTimersByTimeAsync(999);
    const second = bus.subscribe('admin:announcement', () => {});
    await vi.advanceTimersByTimeAsync(5000);
    expect(server.sockets).toHaveLength(1);
    expect(server.live).toBe(1);

    second();
    await vi.advanceTimersByTimeAsync(999);
    expect(server.live).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.live).toBe(0);
    expect(statusOf(bus)).toEqual({ state: 'closed', attempt: 0, error: null, leader: false });

    bus.subscribe('admin:announcement', () => {});
    await flush();
    expect(server.sockets).toHaveLength(2);
  });

  it('its cleanup closes at once and stops reacting to listeners', async () => {
    const { bus } = testBus();
    const server = fakeServer();
    const disconnect = connectLive(bus, { id: 'test', topics: ['admin:*'], open: server.open });
    bus.subscribe('admin:announcement', () => {});
    await flush();
    disconnect();
    disconnect();
    expect(server.live).toBe(0);
    expect(statusOf(bus)?.state).toBe('closed');
    bus.subscribe('admin:ban', () => {});
    await flush();
    expect(server.sockets).toHaveLength(1);
  });

  it('closes when the bus is destroyed', async () => {
    const { bus } = testBus();
    const server = fakeServer();
    connectLive(bus, { id: 'test', topics: ['admin:*'], open: server.open, idleCloseMs: 10 });
    bus.subscribe('admin:announcement', () => {});
    await flush();
    bus.destroy();
    await vi.advanceTimersByTimeAsync(10);
    expect(server.live).toBe(0);
  });
});

describe('connectLive: routing', () => {
  it('publishes and writes what route maps each message to, as the app live:<id>', async () => {
    const { bus } = testBus();
    const server = fakeServer();
    connectLive(bus, {
      id: 'test',
      topics: ['admin:*'],
      open: server.open,
      route: ({ data }) => {
        const message = data as { kind: string; text?: string; userId?: string };
        if (message.kind === 'announce') return { topic: 'admin:announcement', payload: { text: message.text } };
        if (message.kind === 'ban') {
          return [
            { topic: 'admin:user-banned', payload: { userId: message.userId } },
            { state: 'admin:last-ban', value: message.userId },
          ];
        }
        return undefined;
      },
    });
    const seen: [string, unknown, string | null][] = [];
    bus.subscribe('admin:*', (payload, meta) => seen.push([meta.topic, payload, meta.source]));
    await flush();
    server.current.message({ kind: 'announce', text: 'hello' });
    server.current.message({ kind: 'ban', userId: 'u-1' });
    server.current.message({ kind: 'other' });
    expect(seen).toEqual([
      ['admin:announcement', { text: 'hello' }, 'live:test'],
      ['admin:user-banned', { userId: 'u-1' }, 'live:test'],
    ]);
    expect(bus.getState('admin:last-ban')).toBe('u-1');
    expect(bus.inspect().state.find(({ key }) => key === 'admin:last-ban')?.source).toBe('live:test');
  });

  it('without route, a message is an operation itself', async () => {
    const { bus } = testBus();
    const server = fakeServer();
    connectLive(bus, { id: 'test', topics: ['admin:*', 'inbox:unread'], open: server.open });
    const payloads: unknown[] = [];
    bus.subscribe('admin:announcement', (payload) => payloads.push(payload));
    await flush();
    server.current.message({ topic: 'admin:announcement', payload: 'hi' });
    server.current.message({ state: 'inbox:unread', value: 3 });
    expect(payloads).toEqual(['hi']);
    expect(bus.getState('inbox:unread')).toBe(3);
  });

  it('reports malformed messages (invalid JSON, route throws, unknown shape) and stays connected', async () => {
    const { bus, errors, records } = testBus();
    const server = fakeServer();
    connectLive(bus, {
      id: 'test',
      topics: ['admin:*'],
      open: server.open,
      route: (message) => {
        if ((message.data as { boom?: boolean }).boom) throw new Error('route failed');
        return message.data as never;
      },
    });
    const payloads: unknown[] = [];
    bus.subscribe('admin:announcement', (payload) => payloads.push(payload));
    await flush();
    server.current.open();
    server.current.message('{not json', '1');
    server.current.message({ boom: true });
    server.current.message({ nonsense: 1 });
    server.current.message([{ topic: 'admin:announcement', payload: 'half' }, 42]);
    server.current.message({ topic: 'admin:announcement', payload: 'fine' });

    expect(payloads).toEqual(['fine']);
    expect(errors.map(([error, context]) => [(error as Error).message, context])).toEqual([
      [expect.stringContaining('JSON'), expect.objectContaining({ kind: 'report', report: 'malformed-message' })],
      ['route failed', expect.objectContaining({ report: 'malformed-message', name: 'live:test' })],
      ['unknown message shape', expect.objectContaining({ detail: '{"nonsense":1}' })],
      ['unknown message shape', expect.objectContaining({ source: 'live:test' })],
    ]);
    expect(records.filter((record) => record.type === 'report')).toHaveLength(4);
    expect(server.sockets).toHaveLength(1);
    expect(statusOf(bus)?.state).toBe('open');
    expect(bus.inspect().counts.providers).toBe(0);
  });

  it('what the bus refuses (a plugin) it reports itself; the connection goes on', async () => {
    const { bus, errors } = testBus();
    bus.use({
      name: 'strict',
      publish(topic, payload) {
        if (topic === 'admin:forbidden') throw new Error('refused');
        return payload;
      },
    });
    const server = fakeServer();
    connectLive(bus, { id: 'test', topics: ['admin:*'], open: server.open });
    const topics: string[] = [];
    bus.subscribe('admin:*', (_payload, meta) => topics.push(meta.topic));
    await flush();
    server.current.message([
      { topic: 'admin:forbidden', payload: 1 },
      { topic: 'admin:announcement', payload: 2 },
    ]);
    expect(topics).toEqual(['admin:announcement']);
    expect(errors.map(([, context]) => context.kind)).toEqual(['plugin']);
  });
});
