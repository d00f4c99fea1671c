import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readmeTypeErrors } from '../src/snippets/readme-program';
import { fromRoot, ROOT, readmePaths } from '../src/workspace';

describe.each(readmePaths().map(fromRoot))('%s', (readme) => {
  it('every TypeScript, TSX, Vue and Svelte block compiles against the built packages', () => {
    expect(readmeTypeErrors(join(ROOT, readme))).toEqual([]);
  });
});
