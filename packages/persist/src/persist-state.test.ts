import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fullStorage, record, storedIn, testBus } from '../test/harness';
import { persistState } from './persist-state';

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2025-01-01T00:00:00Z') });
  localStorage.clear();
  sessionStorage.clear();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('hydration', () => {
  it('the first read already has the stored value: a watcher never sees undefined first', () => {
    localStorage.setItem('mfe-bus:theme', record('dark'));
    const { bus } = testBus();
    const seen: unknown[] = [];
    persistState(bus, 'theme');
    expect(bus.getState('theme')).toBe('dark');
    bus.watchState('theme', (value) => seen.push(value), { immediate: true });
    bus.setState('theme', (theme) => theme ?? 'light');
    expect(seen).toEqual(['dark']);
  });

  it('hydrates before a watcher that opens on demand runs', () => {
    localStorage.setItem('mfe-bus:theme', record('dark'));
    const { bus } = testBus();
    const atStart: unknown[] = [];
    bus.onDemand('theme', () => {
      atStart.push(bus.getState('theme'));
    });
    persistState(bus, 'theme');
    bus.watchState('theme', () => {});
    expect(atStart).toEqual(['dark']);
  });

  it('a value set in memory before hydration wins, and is written', async () => {
    localStorage.setItem('mfe-bus:theme', record('dark'));
    const { bus } = testBus();
    bus.setState('theme', 'contrast');
    persistState(bus, 'theme');
    expect(bus.getState('theme')).toBe('contrast');
    expect(storedIn(localStorage, 'theme')).toMatchObject({ value: 'contrast' });
  });

  it('with nothing stored, a value already in memory is written', () => {
    const { bus } = testBus();
    bus.setState('theme', 'contrast');
    persistState(bus, 'theme');
    expect(storedIn(localStorage, 'theme')).toMatchObject({ value: 'contrast' });
  });

  it('merge decides otherwise, e.g. to keep nested fields of both', () => {
    localStorage.setItem('mfe-bus:prefs', record({ layout: { density: 'compact' } }));
    const { bus } = testBus();
    bus.setState('prefs', { layout: { sidebar: true } });
    persistState<{ layout: object }>(bus, 'prefs', {
      merge: (stored, current) => ({ layout: { ...(stored as { layout: object }).layout, ...current?.layout } }),
    });
    expect(bus.getState('prefs')).toEqual({ layout: { density: 'compact', sidebar: true } });
  });

  it('select stores a part of the value', async () => {
    const { bus } = testBus();
    persistState<{ token: string; theme: string }>(bus, 'session', { select: ({ theme }) => ({ theme }) });
    bus.setState('session', { token: 'secret', theme: 'dark' });
    await vi.advanceTimersByTimeAsync(250);
    expect(storedIn(localStorage, 'session')).toEqual({ v: 1, at: Date.now(), value: { theme: 'dark' } });
  });

  it('sessionStorage and custom storages', () => {
    sessionStorage.setItem('mfe-bus:tab', record(1));
    const custom = new Map([['mfe-bus:other', record(2)]]);
    const { bus } = testBus();
    persistState(bus, 'tab', { storage: 'session' });
    persistState(bus, 'other', {
      storage: {
        getItem: (name) => custom.get(name) ?? null,
        setItem: (name, value) => void custom.set(name, value),
        removeItem: (name) => void custom.delete(name),
      },
    });
    expect([bus.getState('tab'), bus.getState('other')]).toEqual([1, 2]);
  });
});

describe('writes', () => {
  it('stores { v, at, value } under mfe-bus:<key>, debounced 250 ms after the last change', async () => {
    const { bus } = testBus();
    persistState(bus, 'count', { version: 3 });
    bus.setState('count', 1);
    await vi.advanceTimersByTimeAsync(200);
    bus.setState('count', 2);
    await vi.advanceTimersByTimeAsync(249);
    expect(localStorage.getItem('mfe-bus:count')).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(storedIn(localStorage, 'count')).toEqual({ v: 3, at: Date.now(), value: 2 });
  });

  it('debounceMs; pagehide and the cleanup flush a waiting write; undefined removes the item', async () => {
    const { bus } = testBus();
    const stop = persistState(bus, 'count', { debounceMs: 10_000 });
    bus.setState('count', 1);
    window.dispatchEvent(new Event('pagehide'));
    expect(storedIn(localStorage, 'count')).toMatchObject({ value: 1 });
    bus.setState('count', undefined);
    stop();
    expect(localStorage.getItem('mfe-bus:count')).toBeNull();
    bus.setState('count', 5);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(localStorage.getItem('mfe-bus:count')).toBeNull();
    window.dispatchEvent(new Event('pagehide'));
    expect(localStorage.getItem('mfe-bus:count')).toBeNull();
  });

  it('a full storage keeps the value in memory and is reported once', async () => {
    const { bus, errors } = testBus();
    const storage = fullStorage();
    persistState(bus, 'big', { storage, debounceMs: 0 });
    for (let n = 1; n <= 3; n++) {
      bus.setState('big', n);
      await vi.advanceTimersByTimeAsync(0);
    }
    expect(storage.writes).toBe(3);
    expect(bus.getState('big')).toBe(3);
    expect(errors).toEqual([
      [expect.objectContaining({ name: 'QuotaExceededError' }), expect.objectContaining({ report: 'quota-exceeded' })],
    ]);
  });

  it('a blocked storage (sandboxed iframe, private mode) is reported once; the bus works on', () => {
    vi.spyOn(globalThis, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    const { bus, errors } = testBus();
    const stop = persistState(bus, 'theme');
    bus.setState('theme', 'dark');
    expect(bus.getState('theme')).toBe('dark');
    expect(errors).toEqual([
      [
        expect.objectContaining({ name: 'SecurityError' }),
        { kind: 'report', report: 'storage-unavailable', name: 'theme', source: null },
      ],
    ]);
    stop();
    persistState(bus, 'theme');
    expect(errors).toHaveLength(2);
  });

  it('a storage whose reads throw: reported, the key lives in memory', () => {
    const { bus, reports } = testBus();
    persistState(bus, 'theme', {
      storage: {
        getItem: () => {
          throw new Error('broken');
        },
        setItem: () => {},
        removeItem: () => {},
      },
    });
    expect(reports()).toEqual(['storage-unavailable']);
  });
});

describe('versions, migrations, expiry', () => {
  it('runs migrations in order and writes the result back at once, so they never run again', () => {
    localStorage.setItem('mfe-bus:user', record('Ada Lovelace', 1, Date.now() - 1000));
    const migrate = {
      2: vi.fn((name: unknown) => ({ name })),
      3: vi.fn((old: unknown) => ({ ...(old as object), initials: 'AL' })),
    };
    const first = testBus();
    const stop = persistState(first.bus, 'user', { version: 3, migrate });
    expect(first.bus.getState('user')).toEqual({ name: 'Ada Lovelace', initials: 'AL' });
    expect(storedIn(localStorage, 'user')).toEqual({
      v: 3,
      at: Date.now(),
      value: { name: 'Ada Lovelace', initials: 'AL' },
    });
    expect(migrate[3].mock.invocationCallOrder[0]).toBeGreaterThan(migrate[2].mock.invocationCallOrder[0] ?? 0);
    stop();

    const second = testBus();
    persistState(second.bus, 'user', { version: 3, migrate });
    expect(second.bus.getState('user')).toEqual({ name: 'Ada Lovelace', initials: 'AL' });
    expect(migrate[2]).toHaveBeenCalledTimes(1);
    expect(migrate[3]).toHaveBeenCalledTimes(1);
  });

  it('a value that cannot be read is dropped and reported: bad JSON, not a record, no migration, newer version', () => {
    const cases = {
      json: '{"v":1,',
      shape: '"dark"',
      missing: record('x', 1),
      newer: record('x', 9),
      throwing: record('x', 2),
    };
    for (const [key, text] of Object.entries(cases)) localStorage.setItem(`mfe-bus:${key}`, text);
    const { bus, errors } = testBus();
    persistState(bus, 'json');
    persistState(bus, 'shape');
    persistState(bus, 'missing', { version: 3, migrate: { 3: (old) => old } });
    persistState(bus, 'newer', { version: 2 });
    persistState(bus, 'throwing', {
      version: 3,
      migrate: {
        3: () => {
          throw new Error('cannot');
        },
      },
    });
    for (const key of Object.keys(cases)) {
      expect(bus.getState(key)).toBeUndefined();
      expect(localStorage.getItem(`mfe-bus:${key}`)).toBeNull();
    }
    expect(
      errors.map(([error, context]) => [context.kind === 'report' && context.name, (error as Error).message]),
    ).toEqual([
      ['json', expect.stringContaining('JSON')],
      ['shape', 'not a { v, at, value } record'],
      ['missing', 'no migration to version 2'],
      ['newer', 'stored with version 9, newer than 2'],
      ['throwing', 'cannot'],
    ]);
    expect(errors.every(([, context]) => context.kind === 'report' && context.report === 'invalid-stored-value')).toBe(
      true,
    );
  });

  it('drops a value older than ttlMs', () => {
    localStorage.setItem('mfe-bus:fresh', record('kept', 1, Date.now() - 59_000));
    localStorage.setItem('mfe-bus:stale', record('dropped', 1, Date.now() - 61_000));
    const { bus, errors } = testBus();
    persistState(bus, 'fresh', { ttlMs: 60_000 });
    persistState(bus, 'stale', { ttlMs: 60_000 });
    expect(bus.getState('fresh')).toBe('kept');
    expect(bus.getState('stale')).toBeUndefined();
    expect(localStorage.getItem('mfe-bus:stale')).toBeNull();
    expect(errors).toEqual([]);
  });
});

describe('other tabs', () => {
  const fromOtherTab = (key: string, newValue: string | null, storageArea: Storage = localStorage) =>
    window.dispatchEvent(new StorageEvent('storage', { key: `mfe-bus:${key}`, newValue, storageArea }));

  it("another tab's write reaches the bus through the storage event, and is not written back", async () => {
    const { bus } = testBus();
    persistState(bus, 'theme');
    const seen: unknown[] = [];
    bus.watchState('theme', (value) => seen.push(value));
    const setItem = vi.spyOn(localStorage, 'setItem');
    fromOtherTab('theme', record('dark'));
    fromOtherTab('other', record('ignored'));
    fromOtherTab('theme', record('ignored'), sessionStorage);
    await vi.advanceTimersByTimeAsync(1000);
    expect(seen).toEqual(['dark']);
    expect(setItem).not.toHaveBeenCalled();
    fromOtherTab('theme', null);
    expect(bus.getState('theme')).toBeUndefined();
  });

  it('tabs that also share the key through a tab bridge do not echo a value back and forth', async () => {
    const [a, b] = [testBus().bus, testBus().bus];
    // A tab bridge's part: each bus's writes reach the other, marked with meta.via (and not sent back).
    for (const [from, to] of [
      [a, b],
      [b, a],
    ] as const) {
      from.watchState('prefs', (value, _previous, meta) => {
        if (meta.via !== 'tabs') to.setState('prefs', value, { via: 'tabs' });
      });
    }
    // The browser's part: a write in one tab is a storage event in the others (here, in the same window).
    const setItem = localStorage.setItem.bind(localStorage);
    const writes = vi.spyOn(localStorage, 'setItem').mockImplementation((name, value) => {
      setItem(name, value);
      queueMicrotask(() => fromOtherTab('prefs', value));
    });
    persistState(a, 'prefs');
    persistState(b, 'prefs');
    a.setState('prefs', { density: 'compact' });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(writes).toHaveBeenCalledTimes(1);
    expect(b.getState('prefs')).toEqual({ density: 'compact' });
  });

  it('stops following other tabs once cleaned up', () => {
    const { bus } = testBus();
    persistState(bus, 'theme')();
    fromOtherTab('theme', record('dark'));
    expect(bus.getState('theme')).toBeUndefined();
  });
});
