import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBus } from '../bus/create-bus';
import { InvalidArgumentError } from '../errors';
import type { Bus } from '../types';

let bus: Bus;
const onError = vi.fn();
beforeEach(() => {
  onError.mockReset();
  bus = createBus({ onError });
});
afterEach(() => bus.destroy());

function tracked() {
  const log: string[] = [];
  const start = vi.fn((name: string) => {
    log.push(`start ${name}`);
    return () => log.push(`stop ${name}`);
  });
  return { log, start };
}

describe('bus.onDemand', () => {
  it('starts on the first matching subscriber and stops after the last one leaves', () => {
    const { log, start } = tracked();
    bus.onDemand('admin:*', start);
    const a = bus.subscribe('admin:ban', () => {});
    const b = bus.scope('cart').subscribe('admin:*', () => {});
    const c = bus.subscribe('admin:users:*', () => {});
    bus.subscribe('cart:updated', () => {});
    expect(log).toEqual(['start admin:*']);
    a();
    b();
    expect(log).toEqual(['start admin:*']);
    c();
    expect(log).toEqual(['start admin:*', 'stop admin:*']);
    bus.subscribe('admin:ban', () => {});
    expect(log).toEqual(['start admin:*', 'stop admin:*', 'start admin:*']);
  });

  it('counts a wildcard subscriber, whose events include the demanded topic', () => {
    const { log, start } = tracked();
    bus.onDemand('admin:ban', start);
    bus.subscribe('*', () => {})();
    expect(log).toEqual(['start admin:ban', 'stop admin:ban']);
  });

  it('counts state watchers of a key, starting before the immediate call', () => {
    bus.onDemand('colour', () => {
      bus.setState('colour', 'stored');
    });
    const watcher = vi.fn();
    bus.watchState('colour', watcher, { immediate: true });
    expect(watcher.mock.calls.map(([value]) => value)).toEqual(['stored']);
  });

  it('starts at once for listeners that exist already, and stops when its cleanup runs', () => {
    bus.subscribe('live:feed', () => {});
    const { log, start } = tracked();
    const off = bus.onDemand('live:*', start);
    expect(log).toEqual(['start live:*']);
    off();
    off();
    expect(log).toEqual(['start live:*', 'stop live:*']);
    bus.subscribe('live:other', () => {});
    expect(start).toHaveBeenCalledOnce();
  });

  it('reports a start or stop that throws, and the subscription still works', () => {
    bus.onDemand('t', () => {
      throw new Error('cannot connect');
    });
    bus.onDemand('t', () => () => {
      throw new Error('cannot disconnect');
    });
    const received = vi.fn();
    const off = bus.subscribe('t', received);
    bus.publish('t', 1);
    off();
    expect(received).toHaveBeenCalledOnce();
    expect(onError.mock.calls).toEqual([
      [new Error('cannot connect'), { kind: 'demand', hook: 'start', name: 't', source: null }],
      [new Error('cannot disconnect'), { kind: 'demand', hook: 'stop', name: 't', source: null }],
    ]);
  });

  it('stops what runs when the bus is destroyed', () => {
    const { log, start } = tracked();
    bus.onDemand('t', start);
    bus.subscribe('t', () => {});
    bus.destroy();
    expect(log).toEqual(['start t', 'stop t']);
  });

  it('runs start before the first listener is registered, so what start publishes reaches it once', () => {
    bus.onDemand('live:*', () => bus.publish('live:status', 'connecting'));
    const received = vi.fn();
    bus.subscribe('live:status', received);
    expect(received.mock.calls.map(([payload, meta]) => [payload, meta.replayed])).toEqual([['connecting', true]]);
  });

  it('refuses bad names and starts', () => {
    expect(() => bus.onDemand('a*b', () => {})).toThrow(InvalidArgumentError);
    expect(() => bus.onDemand('', () => {})).toThrow(InvalidArgumentError);
    expect(() => bus.onDemand('t', 'start' as never)).toThrow(InvalidArgumentError);
  });
});
