import { type Bus, type BusPlugin, type Cleanup, type PluginTools, type Source, toCleanup } from '@mfe-bus/core';
import { appLabel } from './app-label';
import { assertContracts } from './define-contracts';
import { invalid } from './invalid';
import { registryOf } from './registry';
import { type Checked, runSchema } from './run-schema';
import type { StandardSchemaV1 } from './standard-schema';
import type { AnyContract, ContractKind, ContractSet, InstallOptions, Owner } from './types';
import { type ContractRule, type ContractViolation, ContractViolationError } from './violation-error';

/** A key this installation checks, with what the hot paths need ready. */
interface Entry {
  kind: ContractKind;
  key: string;
  contract: AnyContract;
  owners: readonly string[] | undefined;
}

const SECTIONS = [
  ['events', 'event'],
  ['state', 'state'],
  ['requests', 'request'],
] as const;

const ownerList = (owner: Owner | undefined) => (owner === undefined ? undefined : [owner].flat());

const violation = (
  { kind, key, contract }: Entry,
  source: Source,
  rule: ContractRule,
  message: string,
): ContractViolation => ({
  kind,
  rule,
  key,
  source,
  owner: contract.owner,
  version: contract.version,
  issues: [{ message, path: [] }],
});

/**
 * Checks every call on `bus` (whichever copy of the library makes it) against `contracts`: payloads, state
 * values, request params and provider results against their schemas (what is delivered is the schema's
 * output), and owners. Returns what uninstalls it. A key another installation defined first keeps that
 * definition (a different version or owner is reported as a `conflict`).
 */
export function installContracts(bus: Bus, contracts: ContractSet, options: InstallOptions): Cleanup {
  assertContracts(contracts);
  const { mode, app = null } = options ?? {};
  if (mode !== 'reject' && mode !== 'report') invalid('installContracts: mode must be "reject" or "report"');
  if (typeof bus?.use !== 'function') invalid('installContracts needs a protocol 1.1 bus (bus.use)');

  const tables: Record<ContractKind, Map<string, Entry>> = { event: new Map(), state: new Map(), request: new Map() };
  const warned = new Set<string>();
  let report: PluginTools['report'] = () => {};

  const tell = (error: ContractViolationError, name = 'violation') =>
    report(error, { report: name, name: error.key, source: error.source, detail: error });

  function violated(found: ContractViolation): void {
    const error = new ContractViolationError(found);
    if (mode === 'reject') throw error;
    tell(error);
  }

  /** Warns once per key and app that uses a deprecated key. */
  function noteUse(entry: Entry, source: Source): void {
    const { deprecated } = entry.contract;
    if (deprecated === undefined) return;
    const id = `${entry.kind}\n${entry.key}\n${source}`;
    if (warned.has(id)) return;
    warned.add(id);
    tell(
      new ContractViolationError(violation(entry, source, 'deprecated', `deprecated: ${deprecated}`)),
      'deprecation',
    );
  }

  function checkOwner(entry: Entry, source: Source): void {
    const { owners } = entry;
    if (owners && !owners.includes(source as string)) {
      violated(violation(entry, source, 'owner', `owned by ${owners.map(appLabel).join(', ')}`));
    }
  }

  function outcome(entry: Entry, rule: ContractRule, value: unknown, source: Source, checked: Checked): unknown {
    if (!checked.issues) return checked.value;
    // Issue messages may quote the value (valibot's do): not for a sensitive key.
    const issues = entry.contract.sensitive
      ? checked.issues.map(({ path }) => ({ path, message: 'invalid (hidden: sensitive)' }))
      : checked.issues;
    violated({ ...violation(entry, source, rule, ''), issues });
    return value;
  }

  /** The schema's output for `value` (`value` itself when it fails in report mode); may be a promise unless `sync`. */
  function check(
    entry: Entry,
    rule: ContractRule,
    schema: StandardSchemaV1,
    value: unknown,
    source: Source,
    sync: boolean,
  ): unknown {
    const checked = runSchema(schema, value);
    if (!(checked instanceof Promise)) return outcome(entry, rule, value, source, checked);
    if (!sync) return checked.then((result) => outcome(entry, rule, value, source, result));
    violated(violation(entry, source, 'async', 'the schema validates asynchronously; only requests may'));
    return value;
  }

  function checkPayload(entry: Entry | undefined, value: unknown, source: Source): unknown {
    if (!entry) return value;
    noteUse(entry, source);
    checkOwner(entry, source);
    return check(entry, 'payload', entry.contract.schema as StandardSchemaV1, value, source, true);
  }

  const plugin: BusPlugin = {
    name: 'contracts',
    setup(tools) {
      report = tools.report;
    },
    publish(topic, payload, meta) {
      const entry = tables.event.get(topic);
      if (entry?.contract.sensitive) meta.replay = false;
      return checkPayload(entry, payload, meta.source);
    },
    setState: (key, next, _previous, meta) => checkPayload(tables.state.get(key), next, meta.source),
    provide(key, meta) {
      const entry = tables.request.get(key);
      if (!entry) return;
      noteUse(entry, meta.source);
      checkOwner(entry, meta.source);
    },
    request(key, params, meta) {
      const entry = tables.request.get(key);
      if (!entry) return params;
      noteUse(entry, meta.source);
      const schema = entry.contract.params;
      return schema ? check(entry, 'params', schema, params, meta.source, false) : params;
    },
    result(key, _params, result, meta) {
      const entry = tables.request.get(key);
      const schema = entry?.contract.result;
      return entry && schema ? check(entry, 'result', schema, result, meta.provider, false) : result;
    },
    sensitive: (kind, name) => tables[kind].get(name)?.contract.sensitive === true,
  };
  const uninstall = bus.use(plugin);

  const registry = registryOf(bus);
  for (const [section, kind] of SECTIONS) {
    for (const [key, contract] of Object.entries<AnyContract>(contracts[section] ?? {})) {
      const entry: Entry = { kind, key, contract, owners: ownerList(contract.owner) };
      const first = registry.definitions.find((definition) => definition.kind === kind && definition.key === key);
      if (!first) {
        registry.definitions.push({ kind, key, version: contract.version, owner: contract.owner, app, report });
        tables[kind].set(key, entry);
      } else if (
        first.version !== contract.version ||
        `${ownerList(first.owner)?.sort()}` !== `${ownerList(contract.owner)?.sort()}`
      ) {
        const stays = `version ${first.version}, owner ${first.owner}, ${appLabel(first.app)}`;
        const message = `defined again as version ${contract.version}, owner ${contract.owner}; the first (${stays}) stays`;
        tell(new ContractViolationError(violation(entry, app, 'conflict', message)));
      }
    }
  }
  registry.checkVersions?.();

  return toCleanup(() => {
    uninstall();
    // Each installation reports through its own `report`: it tells its definitions apart.
    registry.definitions = registry.definitions.filter((definition) => definition.report !== report);
  });
}
