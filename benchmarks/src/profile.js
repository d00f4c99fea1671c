// Profiling aid: runs one contender's operation hot for a few seconds, e.g.
//   node --cpu-prof --cpu-prof-dir=profiles src/profile.js mfe-bus publish 10
// (module of src/contenders, operation, numeric arguments); then `node src/profile-summary.js profiles/<file>`
// lists the functions by self time. The module is imported as is, so the profile points into core's dist/.
import { freshInstance } from './harness/instance.js';

const [module = 'mfe-bus', op = 'publish', ...args] = process.argv.slice(2);
// Libraries whose ESM Node cannot load as is (@trutoo/event-bus, @leanjs/core) are profiled bundled.
const contender = await import(`./contenders/${module}.js`).catch(() => freshInstance(module));
const run = await contender[op](...args.map(Number));
const until = performance.now() + 3000;
let count = 0;
while (performance.now() < until) {
  await run(1000);
  count += 1000;
}
console.log(`${module} ${op}(${args.join(', ')}): ${count} operations`);
