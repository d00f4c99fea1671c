import { afterAll, describe, expect, it } from 'vitest';
import { packProblems } from '../src/pack/pack-problems';
import { packPackage } from '../src/pack/packed-package';
import { manifestProblems, typeProblems } from '../src/pack/published-shape';
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

  // publint and arethetypeswrong on the same tarball, rather than each packing the package again.
  it('has a manifest publint accepts and types that resolve under node16 and bundlers (arethetypeswrong)', async () => {
    expect([
      ...(await manifestProblems(packed.tarball)),
      ...(await typeProblems(packed.tarball, packed.manifest)),
    ]).toEqual([]);
  });
});
