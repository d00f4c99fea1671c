import { describe, expect, it } from 'vitest';
import { stableKey } from '../internal/stable-key';
import { createParamsIndex } from './params-index';

/** An index of strings, each filed with its params' own key, as the result cache files entries. */
function indexOf(...filed: [key: string, params: unknown, entry: string][]) {
  const index = createParamsIndex<string>();
  const where = filed.map(([key, params, entry]) => index.add(key, params, stableKey(params), entry));
  return { index, where };
}

describe('params index', () => {
  it('finds an entry by params of the same one property and value, and nothing else', () => {
    const { index } = indexOf(['user', { id: 1 }, 'ada']);
    expect(index.find('user', { id: 1 })).toBe('ada');
    expect(index.find('user', { id: 2 })).toBeUndefined();
    expect(index.find('user', { userId: 1 })).toBeUndefined();
    expect(index.find('user', { id: 1, role: 'admin' })).toBeUndefined();
    expect(index.find('user', {})).toBeUndefined();
    expect(index.find('user', undefined)).toBeUndefined();
    expect(index.find('other', { id: 1 })).toBeUndefined();
  });

  it('files only params of one flat property, as their params key has them', () => {
    const { where } = indexOf(
      ['k', { a: 1, b: 2 }, 'two properties'],
      ['k', { a: { b: 1 } }, 'nested'],
      ['k', { n: Number.NaN }, 'nan'],
      ['k', { u: undefined }, 'undefined value'],
      ['k', undefined, 'none'],
      ['k', {}, 'empty'],
      ['k', Object.assign(Object.create(null), { id: 1 }), 'no prototype'],
      ['k', [1], 'array'],
      ['k', { id: 'x' }, 'string'],
    );
    expect(where.map((filed) => filed !== undefined)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      true,
    ]);
  });

  it('does not file params that changed since their key was written, nor params whose getter throws', () => {
    const index = createParamsIndex<string>();
    expect(index.add('k', { id: 2 }, stableKey({ id: 1 }), 'changed')).toBeUndefined();
    expect(index.find('k', { id: 2 })).toBeUndefined();
    const throwing = {
      get id(): number {
        throw new Error('gone');
      },
    };
    expect(index.add('k', throwing, '{"id":1}', 'throws')).toBeUndefined();
  });

  it('tells "1" from 1 and takes 0 and -0 as one, as their params keys do; "__proto__" is a key like any', () => {
    const { index } = indexOf(
      ['k', { id: 1 }, 'number'],
      ['k', { id: '1' }, 'string'],
      ['k', { id: 0 }, 'zero'],
      ['k', JSON.parse('{"__proto__": 1}'), 'proto'],
    );
    expect(index.find('k', { id: 1 })).toBe('number');
    expect(index.find('k', { id: '1' })).toBe('string');
    expect(index.find('k', { id: -0 })).toBe('zero');
    expect(index.find('k', JSON.parse('{"__proto__": 1}'))).toBe('proto');
    expect(index.find('k', JSON.parse('{"__proto__": 2}'))).toBeUndefined();
  });

  it('removes an entry only where it is still filed, and keeps the others', () => {
    const { index, where } = indexOf(['k', { id: 1 }, 'one'], ['k', { id: 2 }, 'two']);
    const [one] = where;
    if (!one) throw new Error('not filed');
    index.remove('k', one, 'someone else');
    expect(index.find('k', { id: 1 })).toBe('one');
    index.remove('k', one, 'one');
    expect(index.find('k', { id: 1 })).toBeUndefined();
    expect(index.find('k', { id: 2 })).toBe('two');
    index.clear('k');
    expect(index.find('k', { id: 2 })).toBeUndefined();
  });

  it('lets go of a removed entry', async () => {
    const index = createParamsIndex<object>();
    let entry: object | undefined = {};
    const filed = index.add('k', { id: 1 }, stableKey({ id: 1 }), entry);
    if (!filed) throw new Error('not filed');
    const kept = new WeakRef(entry);
    index.remove('k', filed, entry);
    entry = undefined;
    for (let i = 0; i < 3; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      (globalThis as { gc?: () => void }).gc?.();
    }
    expect(kept.deref()).toBeUndefined();
  });
});
