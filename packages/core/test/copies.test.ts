// Several separately built copies of the library on one page (issue: every remote bundles its own
// @mfe-bus/core, often in different versions). These tests load the BUILT files, not the sources.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runInThisContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Core = typeof import('../src/index');

const dist = new URL('../dist/', import.meta.url);
// Without its sourceMappingURL: the copies are written without the map it names.
const esmSource = readFileSync(new URL('index.js', dist), 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
const iifeSource = readFileSync(new URL('mfe-bus.iife.js', dist), 'utf8');
const registry = globalThis as Record<PropertyKey, unknown>;
const GLOBAL_KEY = Symbol.for('mfe-bus');

/** Evaluates the IIFE build as a page's <script> tag would, returning the `MfeBus` global it defines. */
function loadIife(): Core {
  runInThisContext(iifeSource);
  // `var MfeBus` at the top of a script: the next copy overwrites it, as on a real page.
  return registry.MfeBus as Core;
}

/** Imports the ESM build from its own path, so it is a separate module instance, optionally altered. */
async function loadEsm(name: string, edit: (source: string) => string = (source) => source): Promise<Core> {
  const dir = mkdtempSync(join(tmpdir(), `mfe-bus-${name}-`));
  const file = join(dir, 'index.js');
  writeFileSync(file, edit(esmSource));
  return (await import(/* @vite-ignore */ pathToFileURL(file).href)) as Core;
}

const withProtocol = (protocol: string, version: string) => (source: string) =>
  source
    .replace(/var PROTOCOL = "[^"]+";/, `var PROTOCOL = "${protocol}";`)
    .replace(/var version = "[^"]+";/, `var version = "${version}";`);

/** The 0.1.0 release (protocol 1.0), built and kept as a fixture: the shell of a page that was not updated. */
const loadRelease010 = async (): Promise<Core> =>
  (await import(/* @vite-ignore */ new URL('./fixtures/core-0.1.0.js', import.meta.url).href)) as Core;

beforeEach(() => {
  registry.window = globalThis;
});
afterEach(() => {
  (registry[GLOBAL_KEY] as { bus?: { destroy(): void } } | undefined)?.bus?.destroy();
  delete registry[GLOBAL_KEY];
  delete registry.window;
  vi.restoreAllMocks();
});

describe('two copies of the IIFE build in one realm', () => {
  it('expose globalThis.MfeBus and share one page-wide bus', () => {
    const a = loadIife();
    const b = loadIife();
    expect(a).not.toBe(b);
    expect(a.getBus).not.toBe(b.getBus);
    const bus = a.getBus();
    expect(b.getBus()).toBe(bus);

    const received = vi.fn();
    b.getBus().subscribe('cart:updated', received);
    a.getBus().publish('cart:updated', { count: 1 });
    expect(received).toHaveBeenCalledWith({ count: 1 }, expect.objectContaining({ topic: 'cart:updated' }));
    a.getBus().setState('user', 'ada');
    expect(b.getBus().getState('user')).toBe('ada');
  });

  it('make every error class match errors raised by the bus of the other copy', async () => {
    const a = loadIife();
    const b = loadIife();
    const bus = a.getBus();
    const timeout = await bus.request('nobody', undefined, { timeoutMs: 1 }).catch((error: unknown) => error);
    expect(timeout).toBeInstanceOf(b.ProviderTimeoutError);
    expect(timeout).toBeInstanceOf(b.MfeBusError);
    expect(timeout).not.toBeInstanceOf(b.BusDestroyedError);
    expect(timeout).toMatchObject({ code: 'PROVIDER_TIMEOUT', key: 'nobody', timeoutMs: 1 });

    const invalid = (() => {
      try {
        bus.publish('', 1);
      } catch (error) {
        return error;
      }
    })();
    expect(invalid).toBeInstanceOf(b.InvalidArgumentError);
    expect(invalid).toMatchObject({ code: 'INVALID_ARGUMENT' });

    const pending = bus.request('never');
    bus.destroy();
    const destroyed = await pending.catch((error: unknown) => error);
    expect(destroyed).toBeInstanceOf(b.BusDestroyedError);
    expect(destroyed).toMatchObject({ code: 'BUS_DESTROYED' });
    expect(
      new a.ProtocolMismatchError({ protocol: '2.0', version: '2' }, { protocol: '1.0', version: '1' }),
    ).toBeInstanceOf(b.ProtocolMismatchError);
  });
});

describe('ESM copies at different paths', () => {
  it('attach to the bus of whichever copy loaded first, in either order', async () => {
    const first = await loadEsm('first');
    const second = await loadEsm('second');
    const bus = second.getBus();
    expect(first.getBus()).toBe(bus);
    expect(registry[GLOBAL_KEY]).toMatchObject({ protocol: '1.1', version: first.VERSION, bus });
    expect(bus.inspect().copies).toEqual([
      { version: first.VERSION, protocol: '1.1' },
      { version: first.VERSION, protocol: '1.1' },
    ]);
  });

  it('attach a newer copy with a compatible protocol, which then works on the shared bus', async () => {
    const older = await loadEsm('older');
    const newer = await loadEsm('newer', withProtocol('1.4', '1.9.0'));
    expect(newer.PROTOCOL).toBe('1.4');
    const bus = older.getBus();
    expect(newer.getBus()).toBe(bus);
    newer.getBus().provide('answer', () => 42);
    await expect(older.getBus().request('answer')).resolves.toBe(42);
    expect(registry[GLOBAL_KEY]).toMatchObject({ protocol: '1.1' });
    expect(bus.inspect().copies.map((copy) => copy.protocol)).toEqual(['1.1', '1.4']);
  });

  it('isolate a copy of an incompatible protocol with a console error naming both versions, leaving the bus intact', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const current = await loadEsm('current');
    const future = await loadEsm('future', withProtocol('2.0', '2.3.1'));
    const shared = current.getBus();
    shared.setState('theme', 'dark');

    const isolated = future.getBus();
    expect(isolated).not.toBe(shared);
    expect(future.getBus()).toBe(isolated);
    expect(consoleError).toHaveBeenCalledOnce();
    const message = String(consoleError.mock.calls[0]?.[0]);
    expect(message).toContain(`mfe-bus ${current.VERSION} (protocol 1.1)`);
    expect(message).toContain('mfe-bus 2.3.1 (protocol 2.0)');

    isolated.setState('theme', 'light');
    expect(shared.getState('theme')).toBe('dark');
    expect(current.getBus()).toBe(shared);
    expect(registry[GLOBAL_KEY]).toMatchObject({ protocol: '1.1', bus: shared });
  });

  it('isolate an older copy that loads after a newer, incompatible one created the bus', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const future = await loadEsm('future-first', withProtocol('2.0', '2.0.0'));
    const current = await loadEsm('current-second');
    const futureBus = future.getBus();
    expect(current.getBus()).not.toBe(futureBus);
    expect(consoleError.mock.calls[0]?.[0]).toContain('mfe-bus 2.0.0 (protocol 2.0)');
    expect(registry[GLOBAL_KEY]).toMatchObject({ protocol: '2.0', bus: futureBus });
  });

  it('keep the first options; a later copy with other options gets a warning in debug mode', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const shell = await loadEsm('shell');
    const remote = await loadEsm('remote');
    const bus = shell.getBus({ requestTimeoutMs: 500 });
    expect(remote.getBus({ requestTimeoutMs: 50, debug: true })).toBe(bus);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('getBus() options ignored (requestTimeoutMs)'));
  });

  it('share one extension point: a plugin, an observer and an on-demand hook installed through one copy see the calls of another', async () => {
    const shell = await loadEsm('shell-ext');
    const remote = await loadEsm('remote-ext');
    const bus = shell.getBus();
    const seen: string[] = [];
    bus.use({
      publish(topic, payload, meta) {
        seen.push(`${topic}:${meta.source}`);
        return payload;
      },
    });
    const records: string[] = [];
    bus.observe((record) => records.push(record.type));
    const started = vi.fn();
    bus.onDemand('cart:*', started);

    const cart = remote.getBus().scope('cart');
    const received = vi.fn();
    cart.subscribe('cart:updated', received);
    cart.publish('cart:updated', { count: 1 });
    expect(seen).toEqual(['cart:updated:cart']);
    expect(started).toHaveBeenCalledOnce();
    expect(received).toHaveBeenCalledWith({ count: 1 }, expect.objectContaining({ source: 'cart', seq: 1 }));
    expect(records).toEqual(['subscribe', 'publish']);
    expect(bus.inspect().apps).toEqual([{ app: 'cart', subscribers: 1, watchers: 0, providers: 0, pending: 0 }]);
    const waiting = cart.request('nobody').catch((error: unknown) => error);
    cart.dispose();
    const error = await waiting;
    expect(error).toBeInstanceOf(shell.ScopeDisposedError);
    expect(error).toMatchObject({ code: 'SCOPE_DISPOSED', app: 'cart' });
    expect(bus.inspect().counts).toEqual({ subscribers: 0, watchers: 0, providers: 0, pending: 0 });
  });

  it('hand out cleanups, promises and snapshots that keep working once nothing references the creating copy', async () => {
    // An IIFE copy is referenced only through `globalThis.MfeBus`; the next copy's script replaces it, so
    // nothing but the bus itself keeps the creator's code. The bus must not need the creator's exports.
    const gc = (globalThis as { gc?: () => void }).gc;
    expect(gc, 'core tests run with --expose-gc').toBeTypeOf('function');
    const creator = new WeakRef(loadIife());
    creator.deref()?.getBus();
    const user = loadIife();
    for (let i = 0; i < 10 && creator.deref(); i++) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      gc?.();
    }
    expect(creator.deref()).toBeUndefined();

    const bus = user.getBus();
    const handler = vi.fn();
    const off = bus.subscribe('t', handler);
    bus.publish('t', 1);
    off();
    off();
    const unprovide = bus.provide('r', (params) => params);
    await expect(bus.request('r', 'ok')).resolves.toBe('ok');
    unprovide();
    expect(handler).toHaveBeenCalledOnce();
    expect(bus.inspect().counts).toEqual({ subscribers: 0, watchers: 0, providers: 0, pending: 0 });
  });
});

describe('a page whose shell ships the 0.1.0 release (protocol 1.0)', () => {
  it('lets a 1.1 copy attach and use the 1.0 API, and says once, with both versions, what needs a newer shell', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const shell = await loadRelease010();
    const remote = await loadEsm('remote-on-1.0');
    expect(shell.PROTOCOL).toBe('1.0');
    const bus = shell.getBus();
    expect(remote.getBus()).toBe(bus);
    expect(remote.getBus()).toBe(bus);
    expect(warn).toHaveBeenCalledOnce();
    const message = String(warn.mock.calls[0]?.[0]);
    expect(message).toContain('mfe-bus 0.1.0 (protocol 1.0)');
    expect(message).toContain(`mfe-bus ${remote.VERSION} (protocol 1.1)`);
    expect(message).toMatch(/scope\(\), observe\(\), use\(\) and onDemand\(\) need a bus created by protocol 1\.1/);

    // The 1.0 API works both ways, and a binding's scopeOf() falls back to the plain bus.
    const cart = remote.scopeOf(bus, 'cart');
    const received = vi.fn();
    cart.subscribe('cart:updated', received);
    shell.getBus().publish('cart:updated', { count: 2 });
    expect(received).toHaveBeenCalledWith({ count: 2 }, expect.objectContaining({ topic: 'cart:updated' }));
    cart.provide('answer', () => 42);
    await expect(shell.getBus().request('answer')).resolves.toBe(42);
    expect(cart.app).toBe('cart');
    expect((bus as { scope?: unknown }).scope).toBeUndefined();
    const timeout = await cart.request('nobody', undefined, { timeoutMs: 1 }).catch((error: unknown) => error);
    expect(timeout).toBeInstanceOf(remote.ProviderTimeoutError);
  });

  it('lets the 1.0 release attach to a bus a 1.1 copy created, with the 1.0 API working both ways', async () => {
    const shell = await loadEsm('shell-1.1');
    const bus = shell.getBus();
    const old = await loadRelease010();
    expect(old.getBus()).toBe(bus);
    const records: string[] = [];
    bus.observe((record) => records.push(`${record.type}`));
    old.getBus().setState('theme', 'dark');
    expect(bus.getState('theme')).toBe('dark');
    expect(records).toEqual(['state']);
  });
});

describe('built output', () => {
  it('contains no eval, new Function or other code generation (strict CSP pages)', () => {
    const files = readdirSync(dist).filter((file) => file.endsWith('.js'));
    expect(files).toEqual(expect.arrayContaining(['index.js', 'mfe-bus.iife.js']));
    for (const file of files) {
      const code = readFileSync(new URL(file, dist), 'utf8');
      expect(code, file).not.toMatch(/\beval\s*\(|\bnew\s+Function\b|\bFunction\s*\(|setTimeout\s*\(\s*['"`]/);
    }
  });

  it('does not touch window or document at import time (SSR-safe)', async () => {
    delete registry.window;
    const copy = await loadEsm('ssr');
    expect(registry[GLOBAL_KEY]).toBeUndefined();
    expect(copy.getBus()).not.toBe(copy.getBus());
  });
});
