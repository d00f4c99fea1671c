import { describe, expect, it } from 'vitest';
import { createClock } from './state-clock';

describe('createClock: last writer wins by logical clock', () => {
  it('stamps each write one past anything seen, so a write after a received one is newer', () => {
    const a = createClock('a');
    const b = createClock('b');
    const first = a.write('theme', 'dark', null);
    expect(first).toEqual(['theme', 'dark', 1, 'a', null]);
    expect(b.isNewer(first)).toBe(true);
    b.hold(first);
    // b has seen clock 1: its next write is 2, whatever its own count was.
    const second = b.write('theme', 'light', 'shop');
    expect(second[2]).toBe(2);
    expect(a.isNewer(second)).toBe(true);
    expect(b.isNewer(first)).toBe(false);
  });

  it('breaks a tie of clocks by writer id, the same way on every side', () => {
    const a = createClock('a');
    const b = createClock('b');
    const fromA = a.write('theme', 'a', null);
    const fromB = b.write('theme', 'b', null);
    expect(a.isNewer(fromB)).toBe(true);
    expect(b.isNewer(fromA)).toBe(false);
  });

  it('never reads wall time, keeps deletes, and lists only the keys asked for', () => {
    const clock = createClock('w');
    clock.write('user', { id: 1 }, null);
    clock.write('user', undefined, null);
    clock.see(41);
    expect(clock.write('theme', 'x', null)[2]).toBe(42);
    expect(clock.entries(['user', 'missing'])).toEqual([['user', undefined, 2, 'w', null]]);
    expect(clock.holds('user')).toBe(true);
  });
});
