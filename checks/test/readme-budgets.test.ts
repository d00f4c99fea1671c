import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromRoot, libraryPackages } from '../src/workspace';

const read = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : '');

// Every package with size-limit budgets states them in its README, in bold, as size-limit spells them ("1670 B").
const budgeted = libraryPackages()
  .filter(({ dir }) => existsSync(join(dir, '.size-limit.json')))
  .map(({ dir }) => ({ dir, name: fromRoot(dir) }));

describe.each(budgeted)('$name', ({ dir }) => {
  it('its README states the size budgets that size-limit enforces', () => {
    const budgets = JSON.parse(read(join(dir, '.size-limit.json'))) as { limit: string }[];
    const readme = read(join(dir, 'README.md'));
    expect(budgets.map(({ limit }) => `**${limit}**`).filter((limit) => !readme.includes(limit))).toEqual([]);
  });
});
