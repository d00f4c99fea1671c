import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBus } from '../bus/create-bus';
import { PROTOCOL, VERSION } from '../version';
import { type BusRegistryEntry, GLOBAL_KEY, getBus } from './get-bus';

type Registry = { [GLOBAL_KEY]?: BusRegistryEntry; window?: unknown };
const registry = globalThis as unknown as Registry;

function clearRegistry() {
  registry[GLOBAL_KEY]?.bus?.destroy();
  delete registry[GLOBAL_KEY];
}

describe('getBus() in a browser', () => {
  beforeEach(() => {
    registry.window = globalThis;
    clearRegistry();
  });
  afterEach(() => {
    clearRegistry();
    delete registry.window;
    vi.restoreAllMocks();
  });

  it('returns one page-wide bus stored under Symbol.for("mfe-bus") with protocol and version', () => {
    const bus = getBus();
    expect(getBus()).toBe(bus);
    const record = registry[GLOBAL_KEY];
    expect(record).toMatchObject({ protocol: PROTOCOL, version: VERSION, bus });
    expect(Object.keys(globalThis)).not.toContain(GLOBAL_KEY.toString());
  });

  it('cannot be overwritten by a stray assignment', () => {
    const bus = getBus();
    expect(() => {
      (registry as Record<symbol, unknown>)[GLOBAL_KEY] = { bus: createBus() };
    }).toThrow(TypeError);
    expect(getBus()).toBe(bus);
  });

  it('creates a new page-wide bus after the old one was destroyed', () => {
    const first = getBus();
    first.destroy();
    const second = getBus();
    expect(second).not.toBe(first);
    expect(second.destroyed).toBe(false);
  });

  it('keeps the first caller’s options and warns a later caller with other options in debug mode', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const bus = getBus({ replayLimit: 5 });
    expect(getBus({ replayLimit: 50 })).toBe(bus);
    expect(warn).not.toHaveBeenCalled();
    expect(getBus({ replayLimit: 50, debug: true })).toBe(bus);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('getBus() options ignored (replayLimit)'));
    warn.mockClear();
    bus.debug(true);
    getBus({ replayLimit: 5, requestTimeoutMs: 10_000 });
    expect(warn).not.toHaveBeenCalled();
    for (let i = 0; i < 10; i++) bus.publish('t', i);
    expect(bus.inspect().topics[0]?.buffered).toHaveLength(5);
  });

  it('works isolated, with a clear console error naming both versions, next to a bus of another protocol', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const foreign = createBus();
    const foreignRecord = { protocol: '2.3', version: '2.5.0', bus: foreign, options: {} };
    Object.defineProperty(globalThis, GLOBAL_KEY, { value: foreignRecord, configurable: true });

    const mine = getBus();
    expect(mine).not.toBe(foreign);
    expect(getBus()).toBe(mine);
    expect(error).toHaveBeenCalledOnce();
    expect(error.mock.calls[0]?.[0]).toMatch(/mfe-bus 2\.5\.0 \(protocol 2\.3\).*mfe-bus 0\.1\.0 \(protocol 1\.1\)/);
    mine.setState('k', 'mine');
    expect(foreign.getState('k')).toBeUndefined();
    expect(registry[GLOBAL_KEY]).toBe(foreignRecord);
    mine.destroy();
  });

  it('attaches to a bus created by a newer copy of the same protocol major', () => {
    const newer = createBus();
    Object.defineProperty(globalThis, GLOBAL_KEY, {
      value: { protocol: '1.7', version: '1.9.0', bus: newer, options: {} },
      configurable: true,
    });
    expect(getBus()).toBe(newer);
  });

  it('does not trust a malformed record', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    Object.defineProperty(globalThis, GLOBAL_KEY, { value: { protocol: 1 }, configurable: true });
    const bus = getBus();
    expect(typeof bus.publish).toBe('function');
    bus.destroy();
  });
});

describe('getBus() without window (server rendering)', () => {
  it('returns a fresh bus on every call so nothing leaks between requests', () => {
    expect(typeof window).toBe('undefined');
    const a = getBus();
    a.setState('user', 'request-1');
    const b = getBus();
    expect(b).not.toBe(a);
    expect(b.getState('user')).toBeUndefined();
    expect(registry[GLOBAL_KEY]).toBeUndefined();
  });
});
