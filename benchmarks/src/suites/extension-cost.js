// What the protocol 1.1 extension point (observe, use, scopes) costs a bus that does not use it.
// The baseline is the current build with the extension point compiled out (every observer and plugin check
// replaced by a constant): the difference to the current build is exactly what the checks cost. The previous
// release (0.1.0) runs beside them for reference.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { group, spec } from '../harness/group.js';

const current = readFileSync(fileURLToPath(import.meta.resolve('@mfe-bus/core')), 'utf8');
const previous = readFileSync(new URL('../../../packages/core/test/fixtures/core-0.1.0.js', import.meta.url), 'utf8');

/** [pattern, replacement]: the extension point's checks in core's build. */
const CHECKS = [
  [/if \((receiverApps && )?observers\.active\)/g, 'if (false)'],
  ['observers.active ? [] : void 0', 'void 0'],
  ['plugins.list.length !== 0', 'false'],
  ['plugins.list.length === 0', 'true'],
];

/** Core's build with every check of CHECKS replaced, or undefined when none is found (the build changed). */
function compileOut(source) {
  const result = CHECKS.reduce((text, [pattern, replacement]) => text.replaceAll(pattern, replacement), source);
  return result === source ? undefined : result;
}

export default async function extensionCost() {
  const compiledOut = compileOut(current);
  if (!compiledOut) {
    console.log(
      "  extension cost: none of its checks found in core's build; update CHECKS in suites/extension-cost.js",
    );
    return [];
  }
  const baseline = (op, args, calls) =>
    spec('extension compiled out (baseline)', 'mfe-bus', op, args, { calls, coreSource: compiledOut });
  const currentBuild = (name, op, args, calls) => spec(name, 'mfe-bus', op, args, { calls });
  const previousRelease = (op, args, calls) =>
    spec('previous release (0.1.0)', 'mfe-bus', op, args, { calls, coreSource: previous });
  const note = 'extension cost (compiled-out baseline)';
  return [
    await group(
      'extension-publish',
      'extension cost: publish to 1 subscriber',
      [
        baseline('publish', [1], 1),
        currentBuild('current, nothing installed', 'publish', [1], 1),
        currentBuild('current, through a scope', 'publish', [1, { via: 'scope' }], 1),
        currentBuild('current, one no-op plugin', 'publish', [1, { via: 'plugin' }], 1),
        currentBuild('current, one observer', 'publish', [1, { via: 'observer' }], 1),
        previousRelease('publish', [1], 1),
      ],
      { note },
    ),
    await group(
      'extension-setState',
      'extension cost: setState with 1 watcher',
      [
        baseline('setState', [1], 1),
        currentBuild('current, nothing installed', 'setState', [1], 1),
        previousRelease('setState', [1], 1),
      ],
      { note },
    ),
    await group(
      'extension-request',
      'extension cost: cached request round trip',
      [baseline('cachedRequest', []), currentBuild('current, nothing installed', 'cachedRequest', [])],
      { note },
    ),
  ];
}
