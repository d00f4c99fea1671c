import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors';
import { stableKey } from './stable-key';

describe('stableKey', () => {
  it('ignores key order at every depth', () => {
    expect(stableKey({ a: 1, b: { c: [1, { d: 2, e: 3 }] } })).toBe(stableKey({ b: { c: [1, { e: 3, d: 2 }] }, a: 1 }));
  });

  it('tells apart values JSON would confuse', () => {
    const keys = [
      undefined,
      null,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      1,
      '1',
      1n,
      true,
      [],
      {},
      [undefined],
      new Date(0),
      '#undefined',
    ];
    expect(new Set(keys.map(stableKey)).size).toBe(keys.length);
  });

  it('accepts repeated (non-cyclic) references and rejects cycles, functions and symbols', () => {
    const shared = { x: 1 };
    expect(stableKey({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
    const cyclic: unknown[] = [];
    cyclic.push(cyclic);
    expect(() => stableKey(cyclic)).toThrow(InvalidArgumentError);
    expect(() => stableKey({ f: () => {} })).toThrow('request params cannot contain a function');
    expect(() => stableKey(Symbol('s'))).toThrow(InvalidArgumentError);
  });
});
