import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (file: string) => readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');

describe('README', () => {
  it('states the size budgets that size-limit enforces', () => {
    const budgets: { limit: string }[] = JSON.parse(read('.size-limit.json'));
    const readme = read('README.md');
    for (const { limit } of budgets) expect(readme).toContain(`**${limit}**`);
  });
});
