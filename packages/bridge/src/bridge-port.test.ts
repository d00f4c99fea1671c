import { BusDestroyedError, MfeBusError } from '@mfe-bus/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { countPosts, holdings, NOTHING, prototypeIsClean, testBus, until } from '../test/support';
import { BridgeError } from './bridge-error';
import { bridgePort } from './bridge-port';
import type { Bridge, PortBridgeOptions } from './types';

const open: Bridge[] = [];
const channels: MessageChannel[] = [];
afterEach(() => {
  for (const bridge of open.splice(0)) bridge.close();
  for (const { port1, port2 } of channels.splice(0)) {
    port1.close();
    port2.close();
  }
});

/** Two buses bridged over a real MessageChannel; the shell gives what the frame takes, and the other way. */
function pair(shellOptions: Partial<PortBridgeOptions> = {}, frameOptions: Partial<PortBridgeOptions> = {}) {
  const channel = new MessageChannel();
  channels.push(channel);
  const shell = testBus();
  const frame = testBus();
  const shellPosts = countPosts(channel.port1);
  const framePosts = countPosts(channel.port2);
  const connect = () => {
    const shellBridge = bridgePort(shell.bus, channel.port1, {
      share: {
        events: { out: ['nav:*', 'auth:*'], in: ['cart:*'] },
        state: { out: ['user', 'theme'], in: ['theme'] },
        requests: { out: ['user:permissions'] },
      },
      ...shellOptions,
    });
    const frameBridge = bridgePort(frame.bus, channel.port2, {
      share: {
        events: { out: ['cart:*'], in: ['nav:*'] },
        state: { out: ['theme'], in: ['user', 'theme'] },
        requests: { in: ['user:permissions'] },
      },
      ...frameOptions,
    });
    open.push(shellBridge, frameBridge);
    return { shellBridge, frameBridge };
  };
  return { shell, frame, shellPosts, framePosts, connect, channel };
}

describe('bridgePort: events', () => {
  it('carries listed events both ways, keeping meta.source and setting meta.via', async () => {
    const { shell, frame, connect } = pair();
    const { shellBridge, frameBridge } = connect();
    await Promise.all([shellBridge.ready, frameBridge.ready]);
    const inFrame = vi.fn();
    const inShell = vi.fn();
    frame.bus.subscribe('*', (payload, meta) => inFrame(meta.topic, payload, meta.source, meta.via));
    shell.bus.subscribe('*', (payload, meta) => inShell(meta.topic, payload, meta.source, meta.via));

    shell.bus.scope('router').publish('nav:go', { to: '/cart' });
    frame.bus.scope('shop').publish('cart:updated', { count: 2 });
    await until(() => expect(inFrame).toHaveBeenCalledWith('nav:go', { to: '/cart' }, 'router', 'port:peer'));
    await until(() => expect(inShell).toHaveBeenCalledWith('cart:updated', { count: 2 }, 'shop', 'port:peer'));
  });

  it('lets nothing cross that is not listed, in either direction', async () => {
    const { shell, frame, connect } = pair();
    const { shellBridge } = connect();
    await shellBridge.ready;
    const inFrame = vi.fn();
    const inShell = vi.fn();
    frame.bus.subscribe('*', (_payload, meta) => meta.via && inFrame(meta.topic));
    shell.bus.subscribe('*', (_payload, meta) => meta.via && inShell(meta.topic));
    shell.bus.publish('admin:secret', 1); // not in the shell's out
    frame.bus.publish('nav:back', 1); // the frame does not give nav:*
    shell.bus.publish('auth:login', 1); // the shell gives auth:*, the frame does not take it
    shell.bus.publish('nav:go', 1); // a sentinel that does cross
    frame.bus.publish('cart:updated', 1);
    await until(() => expect(inFrame).toHaveBeenCalledWith('nav:go'));
    await until(() => expect(inShell).toHaveBeenCalledWith('cart:updated'));
    expect(inFrame.mock.calls.map(([topic]) => topic)).toEqual(['nav:go']);
    expect(inShell.mock.calls.map(([topic]) => topic)).toEqual(['cart:updated']);
    expect(frame.reports()).toEqual([
      expect.objectContaining({
        report: 'dropped',
        name: 'auth:login',
        error: expect.objectContaining({ code: 'DROPPED' }),
      }),
    ]);
  });

  it('never echoes an event back, and sends one message per event when patterns overlap', async () => {
    const { shell, frame, connect, shellPosts, framePosts } = pair(
      { share: { events: { out: ['cart:*', 'cart:updated'], in: ['cart:*'] } } },
      { share: { events: { out: ['cart:*'], in: ['cart:*'] } } },
    );
    const { shellBridge, frameBridge } = connect();
    await Promise.all([shellBridge.ready, frameBridge.ready]);
    const before = { shell: shellPosts.length, frame: framePosts.length };
    const inShell = vi.fn();
    shell.bus.subscribe('cart:*', inShell);
    shell.bus.publish('cart:updated', 1);
    frame.bus.publish('cart:cleared', 2);
    await until(() => expect(inShell).toHaveBeenCalledTimes(2));
    const inFrame = vi.fn();
    frame.bus.subscribe('cart:updated', inFrame, { replay: true });
    await until(() => expect(inFrame).toHaveBeenCalledTimes(1));
    expect(shellPosts.length - before.shell).toBe(1);
    expect(framePosts.length - before.frame).toBe(1);
  });

  it('delivers what was published before the other end bridged the port', async () => {
    const channel = new MessageChannel();
    channels.push(channel);
    const shell = testBus();
    const frame = testBus();
    open.push(bridgePort(shell.bus, channel.port1, { share: { events: { out: ['n:*'] } } }));
    for (const n of [1, 2, 3]) shell.bus.publish('n:tick', n);
    const seen: unknown[] = [];
    frame.bus.subscribe('n:tick', (payload) => seen.push(payload));
    open.push(bridgePort(frame.bus, channel.port2, { share: { events: { in: ['n:*'] } } }));
    await until(() => expect(seen).toEqual([1, 2, 3]));
  });
});

describe('bridgePort: state', () => {
  it('sends a snapshot of the shared keys when it connects, and ready waits for the other side', async () => {
    const { shell, frame, connect } = pair();
    shell.bus.scope('auth').setState('user', { id: 'u1' });
    shell.bus.setState('theme', 'dark');
    shell.bus.setState('secret', 'not shared');
    const { frameBridge } = connect();
    expect(frameBridge.status).toBe('connecting');
    await frameBridge.ready;
    expect(frameBridge.status).toBe('open');
    expect(frame.bus.getState('user')).toEqual({ id: 'u1' });
    expect(frame.bus.getState('theme')).toBe('dark');
    expect(frame.bus.getState('secret')).toBeUndefined();
    expect(frame.bus.inspect().state).toContainEqual(expect.objectContaining({ key: 'user', source: 'auth' }));
  });

  it('follows changes both ways as shared, with meta.via, and never back', async () => {
    const { shell, frame, connect, shellPosts } = pair();
    const { shellBridge, frameBridge } = connect();
    await Promise.all([shellBridge.ready, frameBridge.ready]);
    const watched = vi.fn();
    shell.bus.watchState('theme', (value, _previous, meta) => watched(value, meta.source, meta.via));
    const before = shellPosts.length;
    frame.bus.scope('shop').setState('theme', 'light');
    await until(() => expect(watched).toHaveBeenCalledWith('light', 'shop', 'port:peer'));
    // The shell took the write and sent nothing back.
    expect(shellPosts.length).toBe(before);
    frame.bus.setState('user', { id: 'forged' }); // the frame does not give `user`
    shell.bus.setState('theme', 'blue');
    await until(() => expect(frame.bus.getState('theme')).toBe('blue'));
    expect(shell.bus.getState('user')).toBeUndefined();
  });

  it('converges on the last writer by logical clock when both sides write at once', async () => {
    const { shell, frame, connect } = pair();
    const { shellBridge, frameBridge } = connect();
    await Promise.all([shellBridge.ready, frameBridge.ready]);
    // Neither has seen the other's write when it makes its own: the same clock, the writer id decides.
    shell.bus.setState('theme', 'from-shell');
    frame.bus.setState('theme', 'from-frame');
    await until(() => expect(shell.bus.getState('theme')).toBe(frame.bus.getState('theme')));
    // Then a later write wins everywhere, whichever side makes it.
    frame.bus.setState('theme', 'later');
    await until(() => expect(shell.bus.getState('theme')).toBe('later'));
  });

  it('carries deletes', async () => {
    const { shell, frame, connect } = pair();
    shell.bus.setState('user', { id: 'u1' });
    const { frameBridge } = connect();
    await frameBridge.ready;
    shell.bus.setState('user', undefined);
    await until(() => expect(frame.bus.getState('user')).toBeUndefined());
  });
});

describe('bridgePort: requests', () => {
  it('serves a request with the other side provider, as the requester app, through a proxy provider here', async () => {
    const { shell, frame, connect } = pair();
    const provider = vi.fn((params: { userId: string }, { requester }: { requester: string | null }) => [
      params.userId,
      requester,
    ]);
    shell.bus.scope('shell').provide('user:permissions', provider);
    const { frameBridge } = connect();
    await frameBridge.ready;
    await expect(frame.bus.scope('shop').request('user:permissions', { userId: 'u1' })).resolves.toEqual([
      'u1',
      'shop',
    ]);
    expect(frame.bus.inspect().providers).toEqual([expect.objectContaining({ key: 'user:permissions' })]);
  });

  it('waits for a provider (the late-provider rule) on the serving side', async () => {
    const { shell, frame, connect } = pair();
    const { frameBridge } = connect();
    await frameBridge.ready;
    const answer = frame.bus.request('user:permissions', { userId: 'u1' });
    await until(() => expect(shell.bus.inspect().pending).toHaveLength(1));
    shell.bus.provide('user:permissions', () => ['read']);
    await expect(answer).resolves.toEqual(['read']);
  });

  it('carries the abort: the serving side provider signal aborts and nothing is left pending', async () => {
    const { shell, frame, connect } = pair();
    const aborted = vi.fn();
    shell.bus.provide('user:permissions', (_params, { signal }) => {
      signal.addEventListener('abort', aborted);
      return new Promise(() => {});
    });
    const { frameBridge } = connect();
    await frameBridge.ready;
    const controller = new AbortController();
    const answer = frame.bus.request('user:permissions', {}, { signal: controller.signal });
    await until(() => expect(shell.bus.inspect().pending).toHaveLength(1));
    controller.abort(new Error('gave up'));
    await expect(answer).rejects.toThrow('gave up');
    await until(() => expect(aborted).toHaveBeenCalled());
    expect(shell.bus.inspect().pending).toEqual([]);
    expect(frame.bus.inspect().pending).toEqual([]);
  });

  it('rejects with the provider error name, message and code', async () => {
    const { shell, frame, connect } = pair();
    shell.bus.provide('user:permissions', () => {
      throw Object.assign(new TypeError('no such user'), { code: 'NO_USER' });
    });
    const { frameBridge } = connect();
    await frameBridge.ready;
    const error = await frame.bus.request('user:permissions', {}).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'TypeError', message: 'no such user', code: 'NO_USER' });
  });

  it('rejects a key the other side does not offer with NOT_SHARED', async () => {
    const { frame, connect } = pair({}, { share: { requests: { in: ['admin:users'] } } });
    const { frameBridge } = connect();
    await frameBridge.ready;
    await expect(frame.bus.request('admin:users')).rejects.toMatchObject({ code: 'NOT_SHARED' });
  });

  it('the requesting side timeout governs, and a connection that goes away fails what waits', async () => {
    const { shell, frame, connect } = pair();
    shell.bus.provide('user:permissions', () => new Promise(() => {}));
    const { shellBridge, frameBridge } = connect();
    await frameBridge.ready;
    await expect(frame.bus.request('user:permissions', {}, { timeoutMs: 20 })).rejects.toMatchObject({
      code: 'PROVIDER_TIMEOUT',
    });
    const waiting = frame.bus.request('user:permissions', { again: true });
    await until(() => expect(shell.bus.inspect().pending).toHaveLength(1));
    shellBridge.close();
    await expect(waiting).rejects.toMatchObject({ code: 'DISCONNECTED' });
    await until(() => expect(shell.bus.inspect().pending).toEqual([]));
  });
});

describe('bridgePort: values that cannot be cloned', () => {
  it('throws BridgeError NOT_CLONEABLE to the publisher, the writer and the requester, locally', async () => {
    const { shell, frame, connect } = pair();
    const { frameBridge } = connect();
    await frameBridge.ready;
    const publish = () => shell.bus.publish('nav:go', { back: () => {} });
    expect(publish).toThrow(BridgeError);
    expect(publish).toThrow(expect.objectContaining({ code: 'NOT_CLONEABLE', key: 'nav:go' }));
    expect(() => shell.bus.setState('theme', Symbol('x'))).toThrow(expect.objectContaining({ key: 'theme' }));
    expect(shell.bus.getState('theme')).toBeUndefined();
    // Plain data to the bus, but no structured clone takes a proxy.
    await expect(frame.bus.request('user:permissions', new Proxy({}, {}))).rejects.toMatchObject({
      code: 'NOT_CLONEABLE',
    });
    // What is not shared is not checked.
    expect(() => shell.bus.publish('local:only', { fn: () => {} })).not.toThrow();
    const error = new BridgeError('NOT_CLONEABLE', 'x', 'k');
    expect(error).toBeInstanceOf(MfeBusError);
    expect(new BusDestroyedError('x')).not.toBeInstanceOf(BridgeError);
  });

  it('rejects a result that cannot cross, and reports it on the serving side', async () => {
    const { shell, frame, connect } = pair();
    shell.bus.provide('user:permissions', () => ({ check: () => true }));
    const { frameBridge } = connect();
    await frameBridge.ready;
    await expect(frame.bus.request('user:permissions')).rejects.toMatchObject({ code: 'NOT_CLONEABLE' });
    expect(shell.reports()).toContainEqual(expect.objectContaining({ name: 'user:permissions' }));
  });
});

describe('bridgePort: what arrives is untrusted', () => {
  it('drops and reports malformed envelopes, other versions and replayed sequence numbers; Object.prototype stays clean', async () => {
    const channel = new MessageChannel();
    channels.push(channel);
    const { bus, reports } = testBus();
    open.push(
      bridgePort(bus, channel.port1, { share: { events: { in: ['cart:*', '__proto__'] }, state: { in: ['theme'] } } }),
    );
    const seen = vi.fn();
    bus.subscribe('*', (payload, meta) => seen(meta.topic, payload));
    const hostile = channel.port2;
    const forged = [
      JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}'),
      [2, 1, 'x', 'event', 'cart:updated', 1, null], // another version
      [1, 1, 'x', 'event', 'cart:updated'], // too short
      [1, 1, 'x', 'event', '', 1, null, true], // no topic
      [1, -1, 'x', 'event', 'cart:updated', 1, null, true], // no sequence number
      [1, 1, 'x', 'state', ['theme', 'dark', Number.POSITIVE_INFINITY, 'w', null]], // a clock that is no count
      [1, 1, 'x', 'mystery'],
      'a string',
      null,
    ];
    for (const message of forged) hostile.postMessage(message);
    // Plain data whatever its keys: a payload with __proto__ is delivered as a value, a topic named __proto__ too.
    hostile.postMessage([
      1,
      1,
      'x',
      'event',
      'cart:updated',
      JSON.parse('{"__proto__": {"polluted": true}}'),
      null,
      true,
    ]);
    hostile.postMessage([1, 1, 'x', 'event', 'cart:updated', 'replayed', null, true]); // seq 1 again
    hostile.postMessage([1, 2, 'x', 'event', '__proto__', 'a topic like any other', null, true]);
    await until(() => expect(seen).toHaveBeenCalledWith('__proto__', 'a topic like any other'));
    expect(seen).toHaveBeenCalledTimes(2);
    expect(Object.hasOwn(seen.mock.calls[0]?.[1] as object, '__proto__')).toBe(true);
    expect(prototypeIsClean()).toBe(true);
    expect(reports().map((record) => record.detail)).toEqual([
      ...forged.map((_, index) => expect.objectContaining({ reason: index === 1 ? 'version' : 'envelope' })),
      expect.objectContaining({ reason: 'sequence' }),
    ]);
    expect(reports().every((record) => record.error.code === 'DROPPED')).toBe(true);
  });

  it('validates what arrives with the receiving bus contracts: dropped and reported, never thrown', async () => {
    const { defineContracts, installContracts } = await import('@mfe-bus/contracts');
    const v = await import('valibot');
    const { shell, frame, connect } = pair();
    const contracts = defineContracts({
      events: { 'cart:updated': { schema: v.object({ count: v.number() }) } },
      state: { theme: { schema: v.picklist(['light', 'dark']) } },
    });
    installContracts(shell.bus, contracts, { mode: 'reject' });
    const { shellBridge } = connect();
    await shellBridge.ready;
    const seen = vi.fn();
    shell.bus.subscribe('cart:updated', (payload) => seen(payload));
    frame.bus.publish('cart:updated', { count: 'many' });
    frame.bus.setState('theme', 'neon');
    frame.bus.publish('cart:updated', { count: 3 });
    await until(() => expect(seen).toHaveBeenCalledWith({ count: 3 }));
    expect(seen).toHaveBeenCalledTimes(1);
    await until(() => expect(shell.reports().filter((record) => record.report === 'dropped')).toHaveLength(2));
    expect(shell.reports().filter((record) => record.report === 'dropped')).toEqual([
      expect.objectContaining({ name: 'cart:updated', error: expect.objectContaining({ code: 'CONTRACT_VIOLATION' }) }),
      expect.objectContaining({ name: 'theme', error: expect.objectContaining({ code: 'CONTRACT_VIOLATION' }) }),
    ]);
    expect(shell.bus.getState('theme')).toBeUndefined();
  });
});

describe('bridgePort: sensitive topics', () => {
  it('an event the sending bus holds sensitive is kept out of replay on the other side too', async () => {
    const { defineContracts, installContracts } = await import('@mfe-bus/contracts');
    const v = await import('valibot');
    const { shell, frame, connect } = pair();
    const token = { schema: v.object({ token: v.string() }), sensitive: true };
    installContracts(shell.bus, defineContracts({ events: { 'nav:token': token } }), { mode: 'reject' });
    const { frameBridge } = connect();
    await frameBridge.ready;
    const live = vi.fn();
    frame.bus.subscribe('nav:*', (payload) => live(payload));
    shell.bus.publish('nav:token', { token: 't1' });
    shell.bus.publish('nav:go', '/cart');
    await until(() => expect(live).toHaveBeenCalledTimes(2));
    const late = vi.fn();
    frame.bus.subscribe('nav:*', (payload) => late(payload));
    expect(late.mock.calls).toEqual([['/cart']]);
  });

  it('an event published { replay: false } is not replayable on the other side either', async () => {
    const { shell, frame, connect } = pair();
    const { frameBridge } = connect();
    await frameBridge.ready;
    const live = vi.fn();
    frame.bus.subscribe('nav:*', (payload) => live(payload));
    shell.bus.publish('nav:confirm', 'delete', { replay: false });
    shell.bus.publish('nav:go', '/cart');
    await until(() => expect(live).toHaveBeenCalledTimes(2));
    const late = vi.fn();
    frame.bus.subscribe('nav:*', (payload) => late(payload));
    expect(late.mock.calls).toEqual([['/cart']]);
  });
});

describe('bridgePort: close()', () => {
  it('leaves zero registrations on both buses and tells the other side', async () => {
    const { shell, frame, connect } = pair();
    shell.bus.provide('user:permissions', () => ['read']);
    const { shellBridge, frameBridge } = connect();
    await Promise.all([shellBridge.ready, frameBridge.ready]);
    await frame.bus.request('user:permissions');
    expect(holdings(frame.bus)).not.toEqual(NOTHING);
    frameBridge.close();
    shellBridge.close();
    expect(frameBridge.status).toBe('closed');
    expect(holdings(frame.bus)).toEqual(NOTHING);
    expect(holdings(shell.bus).counts).toEqual({ ...NOTHING.counts, providers: 1 });
    // The plugin is gone too: nothing shared any more, nothing refused.
    expect(() => shell.bus.publish('nav:go', { fn: () => {} })).not.toThrow();
    // A second bridge may take the name again.
    const again = new MessageChannel();
    channels.push(again);
    open.push(bridgePort(shell.bus, again.port1, { share: {} }));
  });

  it('refuses a second bridge of the same name on one bus', () => {
    const { shell } = pair();
    const { port1, port2 } = new MessageChannel();
    channels.push({ port1, port2 } as MessageChannel);
    open.push(bridgePort(shell.bus, port1, { share: {} }));
    expect(() => bridgePort(shell.bus, port2, { share: {} })).toThrow(/own app/);
    open.push(bridgePort(shell.bus, port2, { share: {}, app: 'worker' }));
  });
});

describe('bridgePort: what arrived is not cloned twice, what is published meanwhile is checked', () => {
  it('a handler publishing an uncloneable payload while an arrived event is delivered still gets NOT_CLONEABLE', async () => {
    const { shell, frame, connect } = pair();
    const { frameBridge } = connect();
    await frameBridge.ready;
    const outcome = vi.fn();
    frame.bus.subscribe('nav:go', () => {
      try {
        frame.bus.publish('cart:updated', { render: () => {} });
        outcome('published');
      } catch (error) {
        outcome((error as BridgeError).code);
      }
    });
    shell.bus.publish('nav:go', '/cart');
    await until(() => expect(outcome).toHaveBeenCalledWith('NOT_CLONEABLE'));
  });
});
