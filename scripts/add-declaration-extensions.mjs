// Gives the relative imports of the declarations tsc emitted into a package's dist/ a `.js` extension, so they
// resolve under Node's ESM rules (moduleResolution node16/nodenext) and not only in bundlers: tsc keeps each
// specifier as the source wrote it, and the sources import without extensions.
// Usage: node ../../scripts/add-declaration-extensions.mjs dist
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';

/** `./x` -> `./x.js` or `./x/index.js`, by the declaration file it names; anything else unchanged. */
function withExtension(specifier, fromDir) {
  if (!specifier.startsWith('.') || /\.[cm]?js$/.test(specifier)) return specifier;
  if (existsSync(join(fromDir, `${specifier}.d.ts`))) return `${specifier}.js`;
  if (existsSync(join(fromDir, specifier, 'index.d.ts'))) return `${specifier}/index.js`;
  return specifier;
}

/** The string literals that name a module: import/export `from '…'` and `import('…')` types. */
function moduleSpecifiers(sourceFile) {
  const found = [];
  const visit = (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      found.push(node.moduleSpecifier);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      found.push(node.argument.literal);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found.filter(ts.isStringLiteral);
}

function rewrite(file) {
  const text = readFileSync(file, 'utf8');
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest);
  let result = text;
  // From the end, so earlier positions stay valid.
  for (const literal of moduleSpecifiers(sourceFile).reverse()) {
    const next = withExtension(literal.text, dirname(file));
    if (next === literal.text) continue;
    result = `${result.slice(0, literal.getStart(sourceFile) + 1)}${next}${result.slice(literal.end - 1)}`;
  }
  if (result !== text) writeFileSync(file, result);
}

const outDir = resolve(process.argv[2] ?? 'dist');
for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
  if (entry.isFile() && entry.name.endsWith('.d.ts')) rewrite(join(entry.parentPath, entry.name));
}
