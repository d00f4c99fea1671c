import type { Bus } from '@mfe-bus/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type FakeWindow, framePair, stranger } from '../test/fake-windows';
import { holdings, NOTHING, prototypeIsClean, testBus, until } from '../test/support';
import { bridgeFrame } from './bridge-frame';
import { bridgeParent } from './bridge-parent';
import type { Bridge, FrameBridgeOptions } from './types';

const SHELL = 'https://shell.example';
const SHOP = 'https://shop.example';
const open: Bridge[] = [];
afterEach(() => {
  for (const bridge of open.splice(0)) bridge.close();
  vi.unstubAllGlobals();
});

const shellShare: FrameBridgeOptions['share'] = {
  events: { out: ['nav:*'], in: ['cart:*'] },
  state: { out: ['user', 'theme'], in: ['theme'] },
  requests: { out: ['user:permissions'] },
};
const shopShare: FrameBridgeOptions['share'] = {
  events: { out: ['cart:*'], in: ['nav:*'] },
  state: { out: ['theme'], in: ['user', 'theme'] },
  requests: { in: ['user:permissions'] },
};

/** `bridgeParent` in the framed page: it reads the page's `window`. */
function inFrame(child: FakeWindow, bus: Bus, options: Partial<FrameBridgeOptions> = {}) {
  vi.stubGlobal('window', child);
  const bridge = bridgeParent(bus, { origin: SHELL, share: shopShare, ...options });
  open.push(bridge);
  return bridge;
}

function setup() {
  const windows = framePair(SHELL, SHOP);
  const shell = testBus();
  const shop = testBus();
  const frame = (options: Partial<FrameBridgeOptions> = {}) => {
    const bridge = bridgeFrame(shell.bus, windows.iframe, { origin: SHOP, share: shellShare, app: 'shop', ...options });
    open.push(bridge);
    return bridge;
  };
  return { ...windows, shell, shop, frame };
}

describe('bridgeFrame + bridgeParent', () => {
  it('connects whichever side starts first, over a private port, and carries what is shared', async () => {
    for (const frameFirst of [true, false]) {
      const { child, shell, shop, frame } = setup();
      shell.bus.setState('user', { id: 'u1' });
      const [parentBridge, childBridge] = frameFirst
        ? [frame(), inFrame(child, shop.bus)]
        : [inFrame(child, shop.bus), frame()].reverse();
      await Promise.all([parentBridge?.ready, childBridge?.ready]);
      expect(shop.bus.getState('user')).toEqual({ id: 'u1' });
      const carts: unknown[] = [];
      shell.bus.subscribe('cart:*', (payload, meta) => carts.push([payload, meta.source, meta.via]));
      shop.bus.scope('shop').publish('cart:updated', { count: 1 });
      await until(() => expect(carts).toEqual([[{ count: 1 }, 'shop', 'frame:shop']]));
      for (const bridge of open.splice(0)) bridge.close();
    }
  });

  it('refuses "*", "null" and origins that are not exact', () => {
    const { shell, iframe } = setup();
    for (const origin of ['*', 'null', 'https://shop.example/', 'shop.example', '', []]) {
      expect(() => bridgeFrame(shell.bus, iframe, { origin, share: {} })).toThrow(/not exact/);
    }
    expect(holdings(shell.bus)).toEqual(NOTHING);
  });

  it('drops and reports, once each, look-alike origins, a null origin and the right origin from the wrong window', async () => {
    const { parent, child, shell, shop, frame } = setup();
    const bridge = frame();
    const forged = [
      ['mfe-bus:bridge', 1, 'hello', 'forged'],
      ['mfe-bus:bridge', 2, 'hello', 'other-version'],
      JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}'),
      ['mfe-bus:bridge', 1, 'connect', { __proto__: { polluted: true } }],
    ];
    const strangers = ['https://shop.example.evil', 'https://shop.example:444', 'null', SHOP].map((origin) =>
      stranger(parent, origin),
    );
    for (const post of strangers) for (const message of [...forged, ...forged]) post.postMessage(message, '*');
    // Unrelated messages (other libraries') pass by without a report.
    strangers[0]?.postMessage({ type: 'webpackOk' }, '*');
    inFrame(child, shop.bus);
    await bridge.ready;
    expect(prototypeIsClean()).toBe(true);
    expect(shell.reports().map(({ detail }) => detail)).toEqual([
      expect.objectContaining({ reason: 'origin', origin: 'https://shop.example.evil' }),
      expect.objectContaining({ reason: 'origin', origin: 'https://shop.example:444' }),
      expect.objectContaining({ reason: 'origin', origin: 'null' }),
      expect.objectContaining({ reason: 'source', origin: SHOP }),
    ]);
    expect(shell.errors).toHaveLength(4);
    // None of them connected: only the real frame did.
    expect(bridge.status).toBe('open');
  });

  it('in the frame, reads only the parent window on an allowed origin', async () => {
    const { child, shell, shop, frame } = setup();
    const childBridge = inFrame(child, shop.bus);
    const { port1 } = new MessageChannel();
    stranger(child, 'https://shell.example.evil').postMessage(['mfe-bus:bridge', 1, 'connect', 'x'], '*', [port1]);
    stranger(child, SHELL).postMessage(['mfe-bus:bridge', 1, 'ping', 'x'], '*');
    frame();
    await childBridge.ready;
    expect(shop.reports().map(({ detail }) => detail)).toEqual([
      expect.objectContaining({ reason: 'origin' }),
      expect.objectContaining({ reason: 'source' }),
    ]);
    port1.close();
    expect(shell.reports()).toEqual([]);
  });

  it('a reloaded frame connects again and gets the current state at once; events wait for it', async () => {
    const { child, shell, shop, frame } = setup();
    const parentBridge = frame();
    const first = inFrame(child, shop.bus);
    await first.ready;
    // The frame unloads: its bridge says goodbye on pagehide.
    child.dispatchEvent(new Event('pagehide'));
    await until(() => expect(parentBridge.status).toBe('connecting'));
    first.close();
    shop.bus.destroy();
    shell.bus.setState('theme', 'dark');
    shell.bus.publish('nav:go', '/cart');
    const reloaded = testBus();
    const navs: unknown[] = [];
    reloaded.bus.subscribe('nav:go', (payload) => navs.push(payload));
    const second = inFrame(child, reloaded.bus);
    await second.ready;
    expect(reloaded.bus.getState('theme')).toBe('dark');
    await until(() => expect(navs).toEqual(['/cart']));
    expect(parentBridge.status).toBe('open');
    // And it works both ways again.
    reloaded.bus.setState('theme', 'light');
    await until(() => expect(shell.bus.getState('theme')).toBe('light'));
  });

  it('a frame that reloads without a word (a crash) is replaced by its new hello', async () => {
    const { child, shell, shop, frame } = setup();
    frame();
    const first = inFrame(child, shop.bus);
    await first.ready;
    // No pagehide, no goodbye: the old page's bridge is still there, on a port the parent is about to drop.
    const reloaded = testBus();
    shell.bus.setState('user', { id: 'u2' });
    const second = inFrame(child, reloaded.bus);
    await second.ready;
    expect(reloaded.bus.getState('user')).toEqual({ id: 'u2' });
  });

  it('queues events published before the handshake, dropping the oldest (reported once) when full', async () => {
    const { child, shell, shop, frame } = setup();
    const bridge = frame({ queueLimit: 2 });
    for (const step of [1, 2, 3, 4]) shell.bus.publish('nav:step', step);
    const steps: unknown[] = [];
    shop.bus.subscribe('nav:step', (payload) => steps.push(payload));
    inFrame(child, shop.bus);
    await bridge.ready;
    await until(() => expect(steps).toEqual([3, 4]));
    expect(shell.reports()).toEqual([
      expect.objectContaining({ name: 'nav:step', detail: expect.objectContaining({ reason: 'queue-full' }) }),
    ]);
  });

  it('proxies requests from the frame to the parent provider', async () => {
    const { child, shell, shop, frame } = setup();
    shell.bus.provide('user:permissions', (_params, { requester }) => ['read', requester]);
    frame();
    const childBridge = inFrame(child, shop.bus, { app: 'shell' });
    await childBridge.ready;
    await expect(shop.bus.scope('shop').request('user:permissions')).resolves.toEqual(['read', 'shop']);
    // The proxy provider is registered as the parent's app.
    expect(shop.bus.inspect().providers).toEqual([expect.objectContaining({ app: 'shell' })]);
  });

  it('ignores the frames other bridges of the page talk to, and close() leaves nothing', async () => {
    const one = setup();
    const two = framePair(one.parent, 'https://cart.example');
    const first = one.frame();
    const second = bridgeFrame(one.shell.bus, two.iframe, { origin: 'https://cart.example', share: shellShare });
    open.push(second);
    inFrame(one.child, one.shop.bus);
    inFrame(two.child, testBus().bus);
    await Promise.all([first.ready, second.ready]);
    expect(one.shell.reports()).toEqual([]);
    first.close();
    second.close();
    expect(holdings(one.shell.bus)).toEqual(NOTHING);
  });
});
