import { describe, expect, it } from 'vitest';
import { readEnvelope } from './envelope';

describe('readEnvelope', () => {
  it('takes each message kind with fields of the right types, as a copy', () => {
    const valid = [
      [1, 1, 'a', 'event', 'cart:updated', { any: 'payload' }, null, true],
      [1, 2, 'a', 'state', ['theme', 'dark', 3, 'w', 'shop']],
      [1, 3, 'a', 'snapshot', 3, [['theme', undefined, 3, 'w', null]], ''],
      [1, 4, 'a', 'request', 7, 'user:permissions', { userId: 'u1' }, 'shop'],
      [1, 5, 'a', 'abort', 7],
      [1, 6, 'a', 'response', 7, ['read'], null],
      [1, 7, 'a', 'response', 7, undefined, ['TypeError', 'no', null]],
      [1, 8, 'a', 'bye'],
    ];
    for (const data of valid) {
      const envelope = readEnvelope(data);
      expect(envelope).toEqual(data);
      expect(envelope).not.toBe(data);
    }
  });

  it('tells another version from a malformed envelope', () => {
    expect(readEnvelope([2, 1, 'a', 'bye'])).toBe('version');
    for (const data of [
      undefined,
      'bye',
      { 0: 1, 1: 1, 2: 'a', 3: 'bye', length: 4 },
      [1, 1.5, 'a', 'bye'],
      [1, 1, 7, 'bye'],
      [1, 1, 'a', 'bye', 'extra'],
      [1, 1, 'a', 'event', 'cart:updated', 1, 7, true],
      [1, 1, 'a', 'event', 'cart:updated', 1, null, 'yes'],
      [1, 1, 'a', 'state', ['', 'v', 1, 'w', null]],
      [1, 1, 'a', 'snapshot', 1, [['k', 'v', -1, 'w', null]], ''],
      [1, 1, 'a', 'response', 1, undefined, ['TypeError', 'no', 5]],
      [1, 1, 'a', 'toString'],
      [1, 1, 'a', '__proto__'],
    ]) {
      expect(readEnvelope(data)).toBe('envelope');
    }
  });

  it('never throws, even on a same-realm object with a throwing getter', () => {
    const trap = [1, 1, 'a'];
    Object.defineProperty(trap, 3, {
      get() {
        throw new Error('trap');
      },
    });
    expect(readEnvelope(trap)).toBe('envelope');
    expect(
      readEnvelope(
        new Proxy([], {
          get: () => {
            throw new Error('trap');
          },
        }),
      ),
    ).toBe('envelope');
  });
});
