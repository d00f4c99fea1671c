import { describe, expect, it, vi } from 'vitest';
import { toCleanup } from '../index';
import { createCleanup, type Owned } from './cleanup';

describe('toCleanup', () => {
  it('runs what it undoes once, however often it is called', () => {
    const undo = vi.fn();
    const cleanup = toCleanup(undo);
    cleanup();
    cleanup();
    expect(undo).toHaveBeenCalledTimes(1);
  });

  it('works with `using`: leaving the block undoes it, once', () => {
    const undo = vi.fn();
    {
      using cleanup = toCleanup(undo);
      expect(cleanup[Symbol.dispose]).toBe(cleanup);
    }
    expect(undo).toHaveBeenCalledTimes(1);
  });
});

describe('createCleanup', () => {
  it('runs when its signal aborts, once; run first, it detaches from the signal', () => {
    const undo = vi.fn();
    const aborted = new AbortController();
    createCleanup(undo, 'target', aborted.signal);
    aborted.abort();
    aborted.abort();
    expect(undo).toHaveBeenCalledExactlyOnceWith('target');

    const kept = new AbortController();
    const detach = vi.spyOn(kept.signal, 'removeEventListener');
    const cleanup = createCleanup(undo, 'other', kept.signal);
    cleanup();
    expect(detach).toHaveBeenCalledWith('abort', cleanup);
    kept.abort();
    expect(undo).toHaveBeenCalledTimes(2);
  });

  it('stays listed in its scope until it runs, however it runs', () => {
    const owned: Owned = new Set();
    const aborted = new AbortController();
    const byCall = createCleanup(() => {}, 1, undefined, owned);
    const bySignal = createCleanup(() => {}, 2, aborted.signal, owned);
    expect([...owned]).toEqual([byCall, bySignal]);
    byCall();
    aborted.abort();
    expect(owned.size).toBe(0);
  });
});
