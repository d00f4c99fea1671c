import { describe, expect, it, vi } from 'vitest';
import { toCleanup } from '../index';

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
