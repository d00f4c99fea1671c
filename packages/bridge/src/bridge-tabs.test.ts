import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { fakeLocks } from '../test/fake-locks';
import { holdings, NOTHING, prototypeIsClean, testBus, until } from '../test/support';
import { bridgeTabs } from './bridge-tabs';
import type { TabBridge } from './types';

let channel = 0;
const open: TabBridge[] = [];
const strangers: BroadcastChannel[] = [];
let posts: MockInstance<BroadcastChannel['postMessage']>;
beforeEach(() => {
  channel++;
  posts = vi.spyOn(BroadcastChannel.prototype, 'postMessage');
});
afterEach(() => {
  for (const bridge of open.splice(0)) bridge.close();
  for (const port of strangers.splice(0)) port.close();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/** A tab: its own bus, bridged on this test's channel. */
function tab(share = { events: ['auth:*'], state: ['user', 'theme'] }) {
  const tab = testBus();
  const bridge = bridgeTabs(tab.bus, { channel: `test-${channel}`, share });
  open.push(bridge);
  return { ...tab, bridge };
}

describe('bridgeTabs', () => {
  it('gives a new tab the others state, and converges writes and deletes', async () => {
    const a = tab();
    a.bus.scope('auth').setState('user', { id: 'u1' });
    const b = tab();
    await until(() => expect(b.bus.getState('user')).toEqual({ id: 'u1' }));
    expect(b.bus.inspect().state).toContainEqual(expect.objectContaining({ key: 'user', source: 'auth' }));
    b.bus.setState('theme', 'dark');
    await until(() => expect(a.bus.getState('theme')).toBe('dark'));
    a.bus.setState('user', undefined);
    await until(() => expect(b.bus.getState('user')).toBeUndefined());
    // A third tab opened later gets the snapshot, the delete included.
    const c = tab();
    await until(() => expect(c.bus.getState('theme')).toBe('dark'));
    expect(c.bus.getState('user')).toBeUndefined();
  });

  it('a new tab value written before it bridged loses to the others newer one', async () => {
    const a = tab();
    for (const theme of ['light', 'dark', 'blue']) a.bus.setState('theme', theme);
    const fresh = testBus();
    fresh.bus.setState('theme', 'default');
    open.push(bridgeTabs(fresh.bus, { channel: `test-${channel}`, share: { state: ['theme'] } }));
    await until(() => expect(fresh.bus.getState('theme')).toBe('blue'));
    expect(a.bus.getState('theme')).toBe('blue');
  });

  it('a tab that bridges late keeps what it wrote before; the tab it opens starts from it, not from its defaults', async () => {
    const first = testBus();
    first.bus.scope('shell').setState('user', { id: 'u1' }); // signed in before any bridge
    open.push(bridgeTabs(first.bus, { channel: `test-${channel}`, share: { state: ['user'] } }));
    const second = testBus();
    second.bus.scope('shell').setState('user', null); // its start-up default
    open.push(bridgeTabs(second.bus, { channel: `test-${channel}`, share: { state: ['user'] } }));
    await until(() => expect(second.bus.getState('user')).toEqual({ id: 'u1' }));
    expect(first.bus.getState('user')).toEqual({ id: 'u1' });
    // Now they have met, a sign-out in the new tab reaches the first.
    second.bus.scope('shell').setState('user', null);
    await until(() => expect(first.bus.getState('user')).toBeNull());
  });

  it('converges when tabs write the same key at once', async () => {
    const tabs = [tab(), tab(), tab()];
    // Three hellos, answered by one tab, then by two.
    await until(() => expect(posts).toHaveBeenCalledTimes(3 + 1 + 2));
    for (const [index, { bus }] of tabs.entries()) bus.setState('theme', `theme-${index}`);
    await until(() => {
      const themes = tabs.map(({ bus }) => bus.getState('theme'));
      expect(new Set(themes).size).toBe(1);
    });
  });

  it('carries events with meta.source and meta.via, never echoed: counted messages', async () => {
    const a = tab();
    const b = tab();
    await until(() => expect(posts).toHaveBeenCalledTimes(3)); // a hello, b hello, a's answer
    const seen: unknown[] = [];
    b.bus.subscribe('auth:*', (payload, meta) => seen.push([meta.topic, payload, meta.source, meta.via]));
    a.bus.scope('auth').publish('auth:logout', { reason: 'user' });
    a.bus.publish('cart:updated', 1); // not shared
    await until(() => expect(seen).toEqual([['auth:logout', { reason: 'user' }, 'auth', `tabs:test-${channel}`]]));
    b.bus.setState('theme', 'dark');
    await until(() => expect(a.bus.getState('theme')).toBe('dark'));
    // One message per event and per write, nothing bounced back.
    expect(posts).toHaveBeenCalledTimes(5);
  });

  it('catches up after the back/forward cache: pageshow with persisted sends its snapshot again', async () => {
    const page = new EventTarget();
    vi.stubGlobal('addEventListener', page.addEventListener.bind(page));
    vi.stubGlobal('removeEventListener', page.removeEventListener.bind(page));
    const a = tab();
    const b = tab();
    await until(() => expect(posts).toHaveBeenCalledTimes(3));
    page.dispatchEvent(new Event('pagehide'));
    // Each tab (both are "on" this page) said goodbye.
    expect(posts.mock.calls.slice(3).map(([message]) => (message as unknown[])[3])).toEqual(['bye', 'bye']);
    page.dispatchEvent(Object.assign(new Event('pageshow'), { persisted: false }));
    expect(posts).toHaveBeenCalledTimes(5);
    a.bus.setState('theme', 'dark');
    page.dispatchEvent(Object.assign(new Event('pageshow'), { persisted: true }));
    await until(() => expect(b.bus.getState('theme')).toBe('dark'));
    // The goodbye let the others forget each tab's sequence; they start over without a drop.
    expect([...a.reports(), ...b.reports()]).toEqual([]);
  });

  it('drops and reports what other scripts post on the channel; nothing is delivered', async () => {
    const a = tab();
    const seen = vi.fn();
    a.bus.subscribe('*', seen);
    const stranger = new BroadcastChannel(`mfe-bus:test-${channel}`);
    strangers.push(stranger);
    for (const message of [
      JSON.parse('{"__proto__": {"polluted": true}}'),
      [9, 1, 'x', 'event', 'auth:logout', 1, null],
      [1, 1, 'x', 'request', 1, 'user:permissions', null, null], // no requests between tabs
      [1, 2, 'x', 'event', 'admin:ban', 1, null, true], // not shared
      [1, 2, 'x', 'event', 'auth:logout', 'twice', null, true], // the same sequence number again
    ]) {
      stranger.postMessage(message);
    }
    await until(() => expect(a.reports()).toHaveLength(5));
    expect(a.reports().map(({ detail }) => (detail as { reason: string }).reason)).toEqual([
      'envelope',
      'version',
      'envelope',
      'not-shared',
      'sequence',
    ]);
    expect(seen).not.toHaveBeenCalled();
    expect(prototypeIsClean()).toBe(true);
  });

  it('close() leaves zero registrations and says goodbye', async () => {
    const a = tab();
    a.bridge.leader('work', () => {});
    a.bridge.close();
    expect(a.bridge.status).toBe('closed');
    expect(holdings(a.bus)).toEqual(NOTHING);
    expect(posts.mock.lastCall).toEqual([[1, expect.any(Number), expect.any(String), 'bye']]);
  });
});

describe('bridgeTabs leader', () => {
  it('runs the work in one tab at a time; the next one takes over when the leader closes', async () => {
    vi.stubGlobal('navigator', { locks: fakeLocks() });
    const leading = vi.fn((_tab: string, _signal: AbortSignal) => {});
    const a = tab();
    const b = tab();
    a.bridge.leader('live', (signal) => leading('a', signal));
    const stopB = b.bridge.leader('live', (signal) => leading('b', signal));
    await until(() => expect(leading).toHaveBeenCalledTimes(1));
    expect(leading).toHaveBeenLastCalledWith('a', expect.any(AbortSignal));
    a.bridge.close();
    await until(() => expect(leading).toHaveBeenCalledTimes(2));
    expect(leading).toHaveBeenLastCalledWith('b', expect.any(AbortSignal));
    const [signalA, signalB] = leading.mock.calls.map(([, signal]) => signal);
    expect(signalA?.aborted).toBe(true);
    stopB();
    expect(signalB?.aborted).toBe(true);
  });

  it('a tab that stops waiting never leads; without Web Locks every tab leads', async () => {
    vi.stubGlobal('navigator', { locks: fakeLocks() });
    const a = tab();
    const b = tab();
    const work = vi.fn();
    const stopA = a.bridge.leader('live', work);
    b.bridge.leader('live', work)();
    stopA();
    const c = tab();
    c.bridge.leader('live', work);
    await until(() => expect(work).toHaveBeenCalledTimes(2));
    vi.stubGlobal('navigator', undefined);
    const both = vi.fn();
    a.bridge.leader('solo', both);
    b.bridge.leader('solo', both);
    expect(both).toHaveBeenCalledTimes(2);
  });
});
