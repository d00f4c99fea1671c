import { afterAll, describe, expect, it } from 'vitest';
import { packProblems } from '../src/pack/pack-problems';
import { packPackage } from '../src/pack/packed-package';
import { fromRoot, publicPackages } from '../src/workspace';

// Packed all at once: each `pnpm pack` is mostly a Node process starting.
const packages = await Promise.all(
  publicPackages().map(async ({ dir, manifest }) => ({ dir, name: manifest.name, packed: await packPackage(dir) })),
);
afterAll(() => {
  for (const { packed } of packages) packed.dispose();
});

describe.each(packages)('$name', ({ dir, packed }) => {
  it(`packs cleanly from ${fromRoot(dir)}: no workspace: range, no test file, nothing it does not mean to ship`, () => {
    expect(packProblems(packed)).toEqual([]);
  });
});
