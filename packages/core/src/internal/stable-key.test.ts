import fc from 'fast-check';
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

  it('gives flat records (the JSON.stringify fast path) the same keys as the general path', () => {
    const cases: [unknown, string][] = [
      [{ id: 1 }, '{"id":1}'],
      [{ a: 'x', b: true, c: null }, '{"a":"x","b":true,"c":null}'],
      [{ b: 1, a: 2 }, '{"a":2,"b":1}'],
      [{ a: -0 }, '{"a":0}'],
      [{ a: Number.NaN }, '{"a":#NaN}'],
      [{ a: undefined }, '{"a":#undefined}'],
      [{ 10: 1, 9: 2 }, '{"10":1,"9":2}'],
      [{ a: 'é"\\n' }, `{"a":${JSON.stringify('é"\\n')}}`],
      [{}, '{}'],
      [Object.assign(Object.create(null), { a: 1 }), '{"a":1}'],
    ];
    for (const [value, key] of cases) expect(stableKey(value)).toBe(key);
  });
});

describe('stableKey fast path', () => {
  it('writes a flat record exactly as the general walk does, in any key order', () => {
    const flat = fc.dictionary(
      fc.string({ maxLength: 6 }),
      fc.oneof(fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null)),
    );
    fc.assert(
      fc.property(flat, (record) => {
        const sorted = Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
        const reversed = Object.fromEntries(Object.entries(sorted).reverse());
        // A nested copy takes the general walk; all three must agree.
        expect(stableKey(sorted)).toBe(stableKey(reversed));
        expect(stableKey([sorted])).toBe(`[${stableKey(sorted)}]`);
      }),
      { seed: 7, numRuns: 500 },
    );
  });
});
