import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { record, testBus } from '../test/harness';
import { hydrated } from './hydrated';
import { indexedDbStorage } from './indexed-db';
import { persistState } from './persist-state';

// Real IndexedDB semantics (fake-indexeddb implements the spec in memory); real timers: its requests settle
// on macrotasks of its own.
let database = 0;
afterEach(() => {
  database++;
});

describe('an asynchronous storage (IndexedDB)', () => {
  it('getState is undefined until hydrated(bus, key) resolves, then holds the stored value', async () => {
    const storage = indexedDbStorage({ database: `test-${database}` });
    await storage.setItem('mfe-bus:draft', record({ text: 'hello' }));
    const { bus } = testBus();
    persistState(bus, 'draft', { storage });
    expect(bus.getState('draft')).toBeUndefined();
    await hydrated(bus, 'draft');
    expect(bus.getState('draft')).toEqual({ text: 'hello' });
  });

  it('writes go to the store; a value set before the read returned wins', async () => {
    const storage = indexedDbStorage({ database: `test-${database}`, store: 'drafts' });
    await storage.setItem('mfe-bus:draft', record('stored'));
    const { bus } = testBus();
    persistState(bus, 'draft', { storage, debounceMs: 0 });
    bus.setState('draft', 'typed meanwhile');
    await hydrated(bus, 'draft');
    expect(bus.getState('draft')).toBe('typed meanwhile');
    // Polled, not slept on: the write lands after the debounce and a few IndexedDB tasks, however slow the machine.
    const stored = async () =>
      JSON.parse((await storage.getItem('mfe-bus:draft')) ?? 'null') as { value: unknown } | null;
    await vi.waitFor(async () => expect(await stored()).toMatchObject({ value: 'typed meanwhile' }), { timeout: 5000 });
    bus.setState('draft', undefined);
    await vi.waitFor(async () => expect(await stored()).toBeNull(), { timeout: 5000 });
  });

  it('hydrated resolves at once for synchronous storages and keys nobody persists', async () => {
    const { bus } = testBus();
    persistState(bus, 'theme');
    await expect(hydrated(bus, 'theme')).resolves.toBeUndefined();
    await expect(hydrated(bus, 'nobody')).resolves.toBeUndefined();
  });

  it('a failing database is reported, the key lives in memory', async () => {
    const { bus, reports } = testBus();
    const storage = indexedDbStorage({ database: `test-${database}` });
    storage.getItem = () => Promise.reject(new DOMException('blocked', 'InvalidStateError'));
    persistState(bus, 'draft', { storage });
    await hydrated(bus, 'draft');
    bus.setState('draft', 'x');
    expect(reports()).toEqual(['storage-unavailable']);
  });
});
