import { describe, expect, it, vi } from 'vitest';
import { createBoundedQueue } from './bounded-queue';
import { createSequence } from './sequence';

describe('createBoundedQueue', () => {
  it('keeps the newest items up to the limit, telling of the first drop only until drained', () => {
    const overflow = vi.fn();
    const queue = createBoundedQueue<number>(2, overflow);
    for (const item of [1, 2, 3, 4]) queue.push(item);
    expect(overflow.mock.calls).toEqual([[1]]);
    expect(queue.drain()).toEqual([3, 4]);
    for (const item of [5, 6, 7]) queue.push(item);
    expect(overflow.mock.calls).toEqual([[1], [5]]);
  });
});

describe('createSequence', () => {
  it('numbers what is sent and refuses a number a sender already used', () => {
    const sequence = createSequence();
    expect([sequence.next(), sequence.next()]).toEqual([1, 2]);
    expect([1, 2, 2, 1, 5].map((seq) => sequence.accept('a', seq))).toEqual([true, true, false, false, true]);
    expect(sequence.accept('b', 1)).toBe(true);
    sequence.forget('a');
    expect(sequence.accept('a', 1)).toBe(true);
  });
});
