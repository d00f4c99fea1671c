import { describe, expect, it } from 'vitest';
import { createClock } from './state-clock';

/** Two sides that have met: each has the other's (empty) snapshot. */
function met() {
  const older = createClock('a');
  const younger = createClock('b');
  older.meet(0);
  younger.meet(0);
  return { older, younger };
}

describe('createClock: last writer wins by logical clock', () => {
  it('stamps each write one past anything seen, so a write after a received one is newer', () => {
    const { older: a, younger: b } = met();
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

  it('gives a tie of clocks (concurrent writes) to the older writer, the same way on every side', () => {
    const { older: a, younger: b } = met();
    const fromA = a.write('theme', 'a', null);
    const fromB = b.write('theme', 'b', null);
    expect(b.isNewer(fromA)).toBe(true);
    expect(a.isNewer(fromB)).toBe(false);
  });

  it('stamps 0 what a side writes before it met another: the older side keeps its value, the younger takes it', () => {
    const shell = createClock('a');
    const frame = createClock('b');
    shell.write('user', { id: 'u1' }, 'shell');
    const defaults = frame.write('user', null, 'frame');
    expect(defaults[2]).toBe(0);
    expect(shell.isNewer(defaults)).toBe(false);
    expect(frame.isNewer(['user', { id: 'u1' }, 0, 'a', 'shell'])).toBe(true);
    // Once met, writes are ordered: a later write of the younger side wins.
    frame.meet(0);
    expect(shell.isNewer(frame.write('user', null, 'frame'))).toBe(true);
  });

  it('never reads wall time, keeps deletes, and lists only the keys asked for', () => {
    const clock = createClock('w');
    clock.meet(0);
    clock.write('user', { id: 1 }, null);
    clock.write('user', undefined, null);
    clock.meet(41);
    expect(clock.write('theme', 'x', null)[2]).toBe(42);
    expect(clock.entries(['user', 'missing'])).toEqual([['user', undefined, 2, 'w', null]]);
    expect(clock.holds('user')).toBe(true);
  });
});
