import type { Bus } from '@mfe-bus/core';
import { appLabel } from './app-label';
import { invalid } from './invalid';
import { type Registry, registryOf } from './registry';
import { isRange, satisfies } from './version-range';
import { ContractViolationError } from './violation-error';

/** Reports, once per key and app, each expectation that the installed definition of its key does not meet. */
function checkVersions({ definitions, expectations = [], told = new Set() }: Registry): void {
  for (const { app, key, range } of expectations) {
    for (const { kind, key: defined, version, owner, app: installer, report } of definitions) {
      const id = `${key}\n${app}`;
      if (defined !== key || satisfies(version, range) || told.has(id)) continue;
      told.add(id);
      const message = `expects version ${range}; ${appLabel(installer)} installed ${version ?? 'no version'}`;
      const error = new ContractViolationError({
        kind,
        rule: 'version',
        key,
        source: app,
        owner,
        version,
        issues: [{ message, path: [] }],
      });
      report(error, { report: 'violation', name: key, source: app, detail: error });
    }
  }
}

/**
 * States which contract versions `app` works with, e.g. `{ 'cart:updated': '^2' }`. Each key whose installed
 * contract (now or later, by any copy of this package) has another version is reported once, naming both
 * versions and both apps, as a `violation` (to `onError` and `observe`) through the installation that
 * defined it. Throws `InvalidArgumentError` for a range it cannot read.
 */
export function expectVersions(bus: Bus, app: string, versions: Readonly<Record<string, string>>): void {
  const entries = Object.entries(versions);
  for (const [key, range] of entries) {
    if (!isRange(range)) invalid(`the expected version of "${key}" must be a range such as "^2", "~2.1" or "2.1.0"`);
  }
  const registry = registryOf(bus);
  registry.expectations ??= [];
  registry.told ??= new Set();
  const { expectations } = registry;
  registry.checkVersions ??= () => checkVersions(registry);
  for (const [key, range] of entries) {
    // A remote that mounts again states the same again.
    if (!expectations.some((known) => known.app === app && known.key === key && known.range === range)) {
      expectations.push({ app, key, range });
    }
  }
  registry.checkVersions();
}
