// `pnpm bench`: every suite in a child process of its own, then memory (a child with --expose-gc) and sizes;
// prints everything and writes benchmarks/RESULTS.md.
//   --quick        short rounds, to try things out (never writes RESULTS.md)
//   --only=a,b     only these parts: pubsub, state, requests, extension-cost, react, live, bridge, memory, size (no RESULTS.md)
//   --out=FILE     write the report there (also with --quick or --only)
import { fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { QUICK } from './harness/paired.js';
import { measureInChromium } from './memory/chromium.js';
import { renderReport } from './report.js';
import { measureSizes } from './size.js';
import { evaluate, TARGETS } from './targets.js';

const SUITES = ['pubsub', 'state', 'requests', 'extension-cost', 'react', 'live', 'bridge'];
const option = (name) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const only = option('only')?.split(',');
const wanted = (part) => !only || only.includes(part);

/** Runs `script` in a child process with --expose-gc and resolves with the message it sends. */
function child(script, args) {
  return new Promise((resolve, reject) => {
    let result;
    const path = fileURLToPath(new URL(script, import.meta.url));
    fork(path, [...args, ...(QUICK ? ['--quick'] : [])], { execArgv: ['--expose-gc'] })
      .on('message', (message) => {
        result = message;
      })
      .on('error', reject)
      .on('exit', (code) =>
        code === 0 && result ? resolve(result) : reject(new Error(`${script} ${args} exited with ${code}`)),
      );
  });
}

/** Runs `part` when wanted, under a heading. */
async function part(name, measure) {
  if (!wanted(name)) return undefined;
  console.log(`${name}:`);
  return measure();
}

const startedAt = new Date();
const loadAtStart = loadavg();
const groups = [];
for (const suite of SUITES)
  groups.push(...((await part(suite, () => child('./harness/suite-child.js', [suite]))) ?? []));
const memory = await part('memory', async () => ({
  ...(await child('./memory/node.js', [])),
  chromium: await measureInChromium({ quick: QUICK }),
}));
const sizes = await part('size', measureSizes);
const results = {
  startedAt,
  finishedAt: new Date(),
  loadAtStart,
  loadAtEnd: loadavg(),
  quick: QUICK,
  groups,
  memory,
  sizes,
};

console.log('targets (issue 16):');
for (const target of TARGETS) {
  const { contender, measured, target: wanted, met } = evaluate(target, results);
  if (measured)
    console.log(`  ${met ? 'met    ' : 'NOT MET'} ${target.row}: ${contender} ${measured}, target ${wanted}`);
}

const markdown = renderReport(results);
const out = option('out') ?? (QUICK || only ? undefined : fileURLToPath(new URL('../RESULTS.md', import.meta.url)));
if (out) {
  writeFileSync(out, markdown);
  console.log(`\nWrote ${out}`);
} else {
  console.log('\n(--quick or --only: no RESULTS.md written; --out=FILE writes the report)');
}
