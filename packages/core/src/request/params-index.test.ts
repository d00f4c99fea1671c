import { describe, expect, it } from 'vitest';
import { createParamsIndex } from './params-index';

describe('params index', () => {
  it('finds an entry by equal flat params, given in key order', () => {
    const index = createParamsIndex<string>();
    index.add('user', { id: 1, role: 'admin', active: true, team: null }, 'ada');
    expect(index.find('user', { active: true, id: 1, role: 'admin', team: null })).toBe('ada');
    expect(index.find('user', { active: true, id: 1, role: 'admin', team: 'x' })).toBeUndefined();
    expect(index.find('user', { active: true, id: 1, role: 'admin' })).toBeUndefined();
    expect(index.find('other', { active: true, id: 1, role: 'admin', team: null })).toBeUndefined();
  });

  it('leaves to the params key whatever it cannot walk: key order, nesting, non-finite numbers, no params', () => {
    const index = createParamsIndex<string>();
    expect(index.add('k', { b: 1, a: 2 }, 'unsorted')).toBeDefined(); // filed in sorted order
    expect(index.find('k', { a: 2, b: 1 })).toBe('unsorted');
    expect(index.find('k', { b: 1, a: 2 })).toBeUndefined();
    expect(index.add('k', { a: { b: 1 } }, 'nested')).toBeUndefined();
    expect(index.add('k', { n: Number.NaN }, 'nan')).toBeUndefined();
    expect(index.add('k', { u: undefined }, 'undefined value')).toBeUndefined();
    expect(index.add('k', undefined, 'none')).toBeUndefined();
    expect(index.add('k', Object.create(null), 'no prototype')).toBeUndefined();
    expect(index.find('k', undefined)).toBeUndefined();
    expect(index.find('k', { n: Number.NaN })).toBeUndefined();
  });

  it('tells {} from no params, "1" from 1, and takes 0 and -0 as one (as their params keys do)', () => {
    const index = createParamsIndex<string>();
    index.add('k', {}, 'empty');
    index.add('k', { id: 1 }, 'number');
    index.add('k', { id: '1' }, 'string');
    index.add('k', { id: 0 }, 'zero');
    expect(index.find('k', {})).toBe('empty');
    expect(index.find('k', undefined)).toBeUndefined();
    expect(index.find('k', { id: 1 })).toBe('number');
    expect(index.find('k', { id: '1' })).toBe('string');
    expect(index.find('k', { id: -0 })).toBe('zero');
  });

  it('forgets a removed entry, only if it is still the node’s, and keeps its siblings', () => {
    const index = createParamsIndex<string>();
    const first = index.add('k', { id: 1 }, 'first');
    index.add('k', { id: 2 }, 'second');
    if (!first) throw new Error('not filed');
    index.remove('k', first, 'someone else');
    expect(index.find('k', { id: 1 })).toBe('first');
    index.remove('k', first, 'first');
    expect(index.find('k', { id: 1 })).toBeUndefined();
    expect(index.find('k', { id: 2 })).toBe('second');
    index.clear('k');
    expect(index.find('k', { id: 2 })).toBeUndefined();
  });

  it('prunes the branches a removal empties, up to the key', async () => {
    const index = createParamsIndex<object>();
    let entry: object | undefined = {};
    let node = index.add('k', { a: 1, b: 2 }, entry);
    if (!node?.parent?.parent) throw new Error('not filed two levels deep');
    const leaf = new WeakRef(node);
    const root = new WeakRef(node.parent.parent);
    index.remove('k', node, entry);
    node = undefined;
    entry = undefined;
    for (let i = 0; i < 3; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      (globalThis as { gc?: () => void }).gc?.();
    }
    expect(leaf.deref()).toBeUndefined();
    expect(root.deref()).toBeUndefined();
  });
});
