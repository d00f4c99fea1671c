import { describe, expect, it } from 'vitest';
import { isRange, satisfies } from './version-range';

describe('isRange', () => {
  it('reads *, partial and full versions with ^, ~ or >=, and nothing else', () => {
    for (const range of ['*', '2', '2.1', '2.1.0', '^2', '^0.2.1', '~2.1', '>=1.0.0'])
      expect(isRange(range)).toBe(true);
    for (const range of ['', 'latest', '2.x', '^2 || ^3', '<3', 'v2', ' 2', 2, null])
      expect(isRange(range)).toBe(false);
  });
});

describe('satisfies', () => {
  it.each([
    ['2.4.1', '^2', true],
    ['3.0.0', '^2', false],
    ['1.9.9', '^2', false],
    ['2.1.0', '^2.1.0', true],
    ['2.0.9', '^2.1.0', false],
    ['0.2.5', '^0.2.1', true],
    ['0.3.0', '^0.2.1', false],
    ['0.0.3', '^0.0.3', true],
    ['0.0.4', '^0.0.3', false],
    ['0.9.0', '^0', true],
    ['2.1.7', '~2.1', true],
    ['2.2.0', '~2.1.0', false],
    ['2.9.0', '~2', true],
    ['2.1.4', '2.1', true],
    ['2.2.0', '2.1', false],
    ['2.1.0', '2.1.0', true],
    ['2.1.1', '2.1.0', false],
    ['7.0.0', '>=2.1.0', true],
    ['2.0.9', '>=2.1.0', false],
    ['9.9.9', '*', true],
    ['2.1.0-beta.1', '^2', true],
  ])('%s in %s: %s', (version, range, expected) => {
    expect(satisfies(version, range)).toBe(expected);
  });

  it('counts a contract without a version as outside every range but *', () => {
    expect(satisfies(undefined, '^1')).toBe(false);
    expect(satisfies(undefined, '*')).toBe(true);
  });
});
