import { describe, expect, it } from 'vitest';
import { deepFreeze } from './deep-freeze';

describe('deepFreeze', () => {
  it('freezes plain objects and arrays at every depth and returns the same reference', () => {
    const value = { list: [{ n: 1 }], nested: { deeper: { x: 1 } }, nullProto: Object.create(null) as object };
    expect(deepFreeze(value)).toBe(value);
    expect(Object.isFrozen(value.list[0])).toBe(true);
    expect(Object.isFrozen(value.nested.deeper)).toBe(true);
    expect(Object.isFrozen(value.nullProto)).toBe(true);
  });

  it('handles cycles and leaves primitives and class instances alone', () => {
    const cyclic: { self?: unknown } = {};
    cyclic.self = cyclic;
    expect(() => deepFreeze(cyclic)).not.toThrow();
    expect(deepFreeze(3)).toBe(3);
    const map = new Map();
    deepFreeze({ map });
    expect(Object.isFrozen(map)).toBe(false);
  });
});
