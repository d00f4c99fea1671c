import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (file: string) => readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');

describe('README', () => {
  it('states the size budgets size-limit checks', () => {
    const budgets = (JSON.parse(read('.size-limit.json')) as { limit: string }[]).map(({ limit }) => limit);
    const readme = read('README.md');
    for (const limit of budgets) expect(readme).toContain(`**${limit}**`);
  });
});
