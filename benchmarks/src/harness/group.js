import { freshInstance } from './instance.js';
import { compare } from './paired.js';

/**
 * A contender: operation `op(...args)` of a fresh instance of contender module `module`.
 * @param {string} name as reported
 * @param {string} module file name in src/contenders, without `.js`
 * @param {string} op
 * @param {unknown[]} [args]
 * @param {{ calls?: number, coreSource?: string }} [options] `calls`: handler calls one operation must make
 *   (checked before timing, so a contender that silently does nothing fails loudly)
 */
export const spec = (name, module, op, args = [], options = {}) => ({ name, module, op, args, ...options });

async function instantiate({ name, module, op, args, calls, coreSource }) {
  const instance = await freshInstance(module, { coreSource });
  const run = await instance[op](...args);
  if (calls !== undefined) {
    const before = instance.sink.calls;
    await run(4);
    const seen = (instance.sink.calls - before) / 4;
    if (seen !== calls) throw new Error(`${name}: ${op} made ${seen} handler calls per operation, expected ${calls}`);
  }
  return { name, run };
}

/**
 * Times one row of the results: its contenders, each set up just before the row runs.
 * @param {string} id how targets and the report refer to this row
 * @param {string} title
 * @param {ReturnType<typeof spec>[]} specs the first is the baseline of the row's ratios
 * @param {{ unit?: 'ratio' | 'us', note?: string }} [options] `us`: reported as time per operation
 */
export async function group(id, title, specs, { unit = 'ratio', note } = {}) {
  const contenders = [];
  for (const contender of specs) contenders.push(await instantiate(contender));
  globalThis.gc?.(); // the set-up's garbage is not collected on a contender's time
  const { rows } = await compare(title, contenders);
  return { id, title, unit, note, rows };
}
