import { afterAll, describe, expect, it } from 'vitest';
import { packProblems } from '../src/pack/pack-problems';
import { packPackage } from '../src/pack/packed-package';
import { fromRoot, publicPackages } from '../src/workspace';

describe.each(publicPackages().map(({ dir, manifest }) => ({ dir, name: manifest.name })))('$name', ({ dir }) => {
  const packed = packPackage(dir);
  afterAll(() => packed.dispose());

  it(`packs cleanly from ${fromRoot(dir)}: no workspace: range, no test file, nothing it does not mean to ship`, () => {
    expect(packProblems(packed)).toEqual([]);
  });
});
