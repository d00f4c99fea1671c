// Runs one suite of src/suites in this (child) process and sends its groups to the parent (src/run.js).
// Also runnable alone: `node --expose-gc src/harness/suite-child.js pubsub [--quick]`.
const [suite] = process.argv.slice(2);
const { default: run } = await import(`../suites/${suite}.js`);
const groups = await run();
if (process.send) process.send(groups, () => process.disconnect());
