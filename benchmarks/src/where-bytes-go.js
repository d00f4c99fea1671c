// Where the bytes go (not-met.md cites it): `pnpm --filter @mfe-bus/benchmarks bytes`.
// The core: minified bytes per source module (esbuild's metafile; gzip does not split by module).
// Each binding: each export's size alone and what it adds to the others (min + gzip, size-limit's small-lib
// preset, the core and the framework ignored, as in size.js).
//
// A binding re-exports the core with `export *`: with the core left out of the bundle, esbuild cannot know
// that star's names and keeps the whole binding whatever is imported. So each binding is measured from a
// copy of its build without that line (the figures are its own exports only).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { BINDINGS, measure, ownCodeChecks, packagesDir } from './size.js';

const STAR = /^export \* from ["']@mfe-bus\/core["'];?$/m;

/** The names of a bundle's final `export { a, b as c }` (what tsup and ng-packagr write). */
function exportedNames(code) {
  const list = [...code.matchAll(/^export \{([^}]*)\}/gm)].at(-1)?.[1] ?? '';
  return list
    .split(',')
    .map((entry) =>
      entry
        .trim()
        .split(/\s+as\s+/)
        .at(-1),
    )
    .filter(Boolean);
}

const coreSource = join(packagesDir, 'core', 'src');
const { metafile } = await build({
  entryPoints: [join(coreSource, 'index.ts')],
  bundle: true,
  minify: true,
  format: 'esm',
  write: false,
  metafile: true,
});
const modules = Object.entries(Object.values(metafile.outputs)[0].inputs)
  .filter(([file]) => file.includes('/core/src/'))
  .map(([file, { bytesInOutput }]) => [file.slice(file.indexOf('/core/src/') + 10), bytesInOutput])
  .sort(([, a], [, b]) => b - a);
const total = modules.reduce((sum, [, bytes]) => sum + bytes, 0);
console.log(`@mfe-bus/core: ${total} B minified, by module\n`);
console.log('| module | minified | share |');
console.log('|---|---|---|');
for (const [file, bytes] of modules) console.log(`| ${file} | ${bytes} B | ${Math.round((bytes / total) * 100)} % |`);

for (const name of BINDINGS) {
  const [check] = ownCodeChecks(name, 'binding');
  const copy = join(dirname(check.file), 'own-exports.tmp.mjs');
  const code = readFileSync(check.file, 'utf8');
  if (!STAR.test(code)) throw new Error(`${check.file} no longer re-exports the core with \`export *\`: update STAR`);
  writeFileSync(copy, code.replace(STAR, ''));
  try {
    const names = exportedNames(code);
    const size = (picked) => measure({ ...check, file: copy, import: `{ ${picked.join(', ')} }` });
    const whole = await size(names);
    console.log(`\n${check.name}: ${await measure(check)} B as shipped, ${whole} B its own exports\n`);
    console.log('| export | alone | what it adds to the others |');
    console.log('|---|---|---|');
    for (const picked of names) {
      const alone = await size([picked]);
      const added = whole - (await size(names.filter((other) => other !== picked)));
      console.log(`| \`${picked}\` | ${alone} B | ${added} B |`);
    }
  } finally {
    rmSync(copy, { force: true });
  }
}
