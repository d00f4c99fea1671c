import { describe, expect, it } from 'vitest';
import { toJsonable } from './jsonable';

describe('toJsonable', () => {
  it('keeps plain JSON as it is', () => {
    const value = { a: [1, 'two', null, true], nested: { b: 2.5 } };
    expect(toJsonable(value)).toEqual(value);
  });

  it('writes what JSON cannot hold as readable strings, and never throws', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    const hostile = {
      get broken() {
        throw new Error('getter');
      },
    };
    function named() {}
    const converted = toJsonable({
      big: 12n,
      fn: named,
      anonymous: (() => () => {})(),
      symbol: Symbol('s'),
      date: new Date(0),
      invalidDate: new Date(Number.NaN),
      map: new Map([['k', 1n]]),
      set: new Set([1]),
      cyclic,
      shared: [cyclic, cyclic],
      revoked: proxy,
      hostile,
    });
    expect(converted).toEqual({
      big: '12n',
      fn: '[Function named]',
      anonymous: '[Function anonymous]',
      symbol: 'Symbol(s)',
      date: '1970-01-01T00:00:00.000Z',
      invalidDate: 'Invalid Date',
      map: [['k', '1n']],
      set: [1],
      cyclic: { self: '[Circular]' },
      shared: [{ self: '[Circular]' }, { self: '[Circular]' }],
      revoked: '[Unreadable]',
      hostile: { broken: '[Unreadable]' },
    });
    expect(() => JSON.stringify(converted)).not.toThrow();
  });

  it('keeps "__proto__" an own key of the copy', () => {
    const copy = toJsonable(JSON.parse('{"__proto__": {"polluted": true}}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
