import { type Bus, createBus } from '@mfe-bus/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installFakeReduxDevTools } from '../../test/fake-redux-devtools';
import { connectReduxDevTools } from './connect-redux-devtools';

let bus: Bus;
let devtools: ReturnType<typeof installFakeReduxDevTools>;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(1000);
  bus = createBus({ onError: () => {} });
  devtools = installFakeReduxDevTools();
});
afterEach(() => {
  devtools.uninstall();
  bus.destroy();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('connectReduxDevTools', () => {
  it('connects under its name with time travel off and starts from every state key', () => {
    bus.setState('theme', 'dark');
    bus.setState('user', { name: 'Ada' });
    connectReduxDevTools(bus, { name: 'shop' });
    expect(devtools.connections).toEqual([
      { name: 'shop', features: { pause: true, export: true, dispatch: true, jump: false } },
    ]);
    expect(devtools.inits).toEqual([{ theme: 'dark', user: { name: 'Ada' } }]);
  });

  it('sends each publish, state change and request step as an action named after its app, with the state tree', async () => {
    connectReduxDevTools(bus);
    expect(devtools.connections[0]?.name).toBe('mfe-bus');
    bus.scope('cart').publish('cart:updated', { count: 1 });
    bus.scope('vue').setState('theme', 'dark');
    bus.scope('react').subscribe('auth:*', () => {}); // churn: no action
    bus.scope('shell').provide('user:permissions', () => ['read']);
    await bus.scope('react').request('user:permissions', { userId: 'u1' });
    bus.publish('ping', null);

    expect(devtools.types()).toEqual([
      '[cart] publish cart:updated',
      '[vue] set theme',
      '[shell] provide user:permissions',
      '[react] request:started user:permissions',
      '[react] request:settled user:permissions',
      '[bus] publish ping',
    ]);
    expect(devtools.sent[0]).toEqual({
      action: expect.objectContaining({ type: '[cart] publish cart:updated', payload: { count: 1 }, receivers: 0 }),
      state: {},
    });
    expect(devtools.sent[1]).toEqual({
      action: expect.objectContaining({ previous: undefined, next: 'dark', source: 'vue' }),
      state: { theme: 'dark' },
    });
    expect(devtools.sent[3]?.action).toMatchObject({ params: { userId: 'u1' }, provider: 'shell' });
  });

  it('sends contract violations as actions', () => {
    connectReduxDevTools(bus);
    bus.use({
      setup: (tools) =>
        tools.report(new Error('bad payload'), { report: 'violation', name: 'cart:updated', source: 'react' }),
    });
    expect(devtools.types()).toEqual(['[react] violation cart:updated']);
  });

  it('summarises large values instead of handing them to the extension', () => {
    connectReduxDevTools(bus);
    const big = Array.from({ length: 50_000 }, (_, index) => index);
    bus.setState('big', big);
    bus.setState('text', 'x'.repeat(200_000));
    bus.setState('small', [1, 2, 3]);
    expect(devtools.sent[0]?.action.next).toBe('[summarised: Array(50000)]');
    expect(devtools.sent.at(-1)?.state).toEqual({
      big: '[summarised: Array(50000)]',
      text: '[summarised: 200000 chars]',
      small: [1, 2, 3],
    });
  });

  it('publishes an action dispatched from the monitor, through the bus plugins (contracts)', () => {
    connectReduxDevTools(bus);
    const received = vi.fn();
    bus.subscribe('cart:updated', (payload, meta) => received(payload, meta.source));
    const checked = vi.fn((_topic: string, payload: unknown) => payload);
    bus.use({ publish: checked });
    devtools.fromMonitor({ type: 'ACTION', payload: '{ "type": "cart:updated", "payload": { "count": 5 } }' });
    expect(received).toHaveBeenCalledWith({ count: 5 }, 'redux-devtools');
    expect(checked).toHaveBeenCalledWith('cart:updated', { count: 5 }, expect.anything());
    expect(devtools.types()).toContain('[redux-devtools] publish cart:updated');
  });

  it('warns instead of throwing when a dispatched message cannot be published', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    connectReduxDevTools(bus);
    bus.use({
      publish() {
        throw new Error('contract violation');
      },
    });
    devtools.fromMonitor({ type: 'ACTION', payload: 'not json' });
    devtools.fromMonitor({ type: 'ACTION', payload: '{ "payload": 1 }' });
    devtools.fromMonitor({ type: 'ACTION', payload: '{ "type": "cart:updated" }' });
    expect(warn).toHaveBeenCalledTimes(3);
    expect(String(warn.mock.calls[2]?.[1])).toContain('contract violation');
  });

  it('does not time travel unless asked: a jump changes no state', () => {
    connectReduxDevTools(bus);
    bus.setState('theme', 'dark');
    devtools.fromMonitor({ type: 'DISPATCH', payload: { type: 'JUMP_TO_STATE' }, state: '{"theme":"light"}' });
    expect(bus.getState('theme')).toBe('dark');
  });

  it('with timeTravel, writes back the keys a jump changes, leaving summaries alone and sending no actions', () => {
    connectReduxDevTools(bus, { timeTravel: true });
    expect(devtools.connections[0]?.features.jump).toBe(true);
    bus.setState('theme', 'dark');
    bus.setState('user', { name: 'Ada' });
    bus.setState(
      'big',
      Array.from({ length: 5000 }, () => 'item'),
    );
    const watcher = vi.fn();
    bus.watchState('user', watcher);
    const sentBefore = devtools.sent.length;
    devtools.fromMonitor({
      type: 'DISPATCH',
      payload: { type: 'JUMP_TO_ACTION' },
      state: '{"theme":"light","user":{"name":"Ada"},"big":"[summarised: Array(5000)]"}',
    });
    expect(bus.getState('theme')).toBe('light');
    expect(watcher).not.toHaveBeenCalled(); // unchanged keys are not written
    expect(bus.getState<string[]>('big')).toHaveLength(5000);
    expect(devtools.sent).toHaveLength(sentBefore);
  });

  it('stops sending while the monitor pauses recording, and re-initialises on commit', () => {
    connectReduxDevTools(bus);
    devtools.fromMonitor({ type: 'DISPATCH', payload: { type: 'PAUSE_RECORDING', status: true } });
    bus.setState('theme', 'dark');
    expect(devtools.sent).toEqual([]);
    devtools.fromMonitor({ type: 'DISPATCH', payload: { type: 'PAUSE_RECORDING', status: false } });
    bus.setState('theme', 'light');
    expect(devtools.types()).toEqual(['[bus] set theme']);
    devtools.fromMonitor({ type: 'DISPATCH', payload: { type: 'COMMIT' } });
    expect(devtools.inits.at(-1)).toEqual({ theme: 'light' });
  });

  it('stops sending and listening after cleanup', () => {
    const cleanup = connectReduxDevTools(bus);
    cleanup();
    cleanup();
    bus.publish('t', 1);
    expect(devtools.sent).toEqual([]);
    expect(devtools.listeners.size).toBe(0);
  });

  it('does nothing when the extension is absent', () => {
    devtools.uninstall();
    const cleanup = connectReduxDevTools(bus);
    const late = installFakeReduxDevTools(); // installed afterwards: still not used
    bus.setState('theme', 'dark');
    bus.publish('t', 1);
    expect(late.connections).toEqual([]);
    expect(late.sent).toEqual([]);
    cleanup();
    late.uninstall();
  });
});
