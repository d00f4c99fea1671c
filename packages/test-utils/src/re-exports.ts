import * as core from '@mfe-bus/core';

/** Names of the core's exports that `module` (a binding's index) does not re-export as the very same value. */
export function missingCoreExports(module: object): string[] {
  const exported = new Map(Object.entries(module));
  return Object.entries(core)
    .filter(([name, value]) => exported.get(name) !== value)
    .map(([name]) => name);
}
