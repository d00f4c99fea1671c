import type { Bus, BusPlugin, Cleanup, PluginTools, Source } from '@mfe-bus/core';
import { appLabel } from './app-label';
import { assertContracts } from './define-contracts';
import { invalid } from './invalid';
import { registryOf } from './registry';
import { type Checked, runSchema } from './run-schema';
import type { StandardSchemaV1 } from './standard-schema';
import type { AnyContract, ContractKind, ContractSet, InstallOptions, Owner } from './types';
import { type ContractRule, type ContractViolation, ContractViolationError } from './violation-error';

/** One call on a key that has a contract. */
interface Use {
  kind: ContractKind;
  key: string;
  contract: AnyContract;
  /** The app that made the call (for a result: the provider's app). */
  source: Source;
}

const SECTIONS = [
  ['events', 'event'],
  ['state', 'state'],
  ['requests', 'request'],
] as const;

const ownerList = (owner: Owner | undefined) => (owner === undefined ? [] : [owner].flat());

const violation = ({ kind, key, contract, source }: Use, rule: ContractRule, message: string): ContractViolation => ({
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

  const tables: Record<ContractKind, Map<string, AnyContract>> = {
    event: new Map(),
    state: new Map(),
    request: new Map(),
  };
  const warned = new Set<string>();
  let report: PluginTools['report'] = () => {};

  const tell = (error: ContractViolationError, name = 'violation') =>
    report(error, { report: name, name: error.key, source: error.source, detail: error });

  function violated(found: ContractViolation): void {
    const error = new ContractViolationError(found);
    if (mode === 'reject') throw error;
    tell(error);
  }

  /** The call's contract, if its key has one; a deprecated key is warned about once per key and app. */
  function use(kind: ContractKind, key: string, source: Source): Use | undefined {
    const contract = tables[kind].get(key);
    if (!contract) return undefined;
    const call = { kind, key, contract, source };
    const id = `${kind}\n${key}\n${source}`;
    if (contract.deprecated !== undefined && !warned.has(id)) {
      warned.add(id);
      tell(
        new ContractViolationError(violation(call, 'deprecated', `deprecated: ${contract.deprecated}`)),
        'deprecation',
      );
    }
    return call;
  }

  function checkOwner(call: Use): void {
    const owners = ownerList(call.contract.owner);
    if (owners.length && !owners.includes(call.source as string)) {
      violated(violation(call, 'owner', `owned by ${owners.map(appLabel).join(', ')}`));
    }
  }

  /** The schema's output for `value` (`value` itself when it fails in report mode); may be a promise unless `sync`. */
  function check(call: Use, rule: ContractRule, schema: StandardSchemaV1, value: unknown, sync: boolean): unknown {
    const outcome = (checked: Checked) => {
      if (!checked.issues) return checked.value;
      // Issue messages may quote the value (valibot's do): not for a sensitive key.
      const issues = call.contract.sensitive
        ? checked.issues.map(({ path }) => ({ path, message: 'invalid (hidden: sensitive)' }))
        : checked.issues;
      violated({ ...violation(call, rule, ''), issues });
      return value;
    };
    const checked = runSchema(schema, value);
    if (!(checked instanceof Promise)) return outcome(checked);
    if (!sync) return checked.then(outcome);
    violated(violation(call, 'async', 'the schema validates asynchronously; only requests may'));
    return value;
  }

  function checkPayload(kind: 'event' | 'state', key: string, value: unknown, source: Source): unknown {
    const call = use(kind, key, source);
    if (!call?.contract.schema) return value;
    checkOwner(call);
    return check(call, 'payload', call.contract.schema, value, true);
  }

  const plugin: BusPlugin = {
    name: 'contracts',
    setup(tools) {
      report = tools.report;
    },
    publish(topic, payload, meta) {
      if (tables.event.get(topic)?.sensitive) meta.replay = false;
      return checkPayload('event', topic, payload, meta.source);
    },
    setState: (key, next, _previous, meta) => checkPayload('state', key, next, meta.source),
    provide(key, meta) {
      const call = use('request', key, meta.source);
      if (call) checkOwner(call);
    },
    request(key, params, meta) {
      const call = use('request', key, meta.source);
      return call?.contract.params ? check(call, 'params', call.contract.params, params, false) : params;
    },
    result(key, _params, result, meta) {
      const contract = tables.request.get(key);
      if (!contract?.result) return result;
      return check({ kind: 'request', key, contract, source: meta.provider }, 'result', contract.result, result, false);
    },
    sensitive: (kind, name) => tables[kind].get(name)?.sensitive === true,
  };
  const uninstall = bus.use(plugin);

  const registry = registryOf(bus);
  for (const [section, kind] of SECTIONS) {
    for (const [key, contract] of Object.entries<AnyContract>(contracts[section] ?? {})) {
      const first = registry.definitions.find((definition) => definition.kind === kind && definition.key === key);
      if (!first) {
        registry.definitions.push({ kind, key, version: contract.version, owner: contract.owner, app, report });
        tables[kind].set(key, contract);
      } else if (
        first.version !== contract.version ||
        `${ownerList(first.owner).sort()}` !== `${ownerList(contract.owner).sort()}`
      ) {
        const stays = `version ${first.version}, owner ${first.owner}, ${appLabel(first.app)}`;
        const message = `defined again as version ${contract.version}, owner ${contract.owner}; the first (${stays}) stays`;
        tell(new ContractViolationError(violation({ kind, key, contract, source: app }, 'conflict', message)));
      }
    }
  }
  registry.checkVersions?.();

  const cleanup = (() => {
    uninstall();
    // Each installation reports through its own `report`: it tells its definitions apart.
    registry.definitions = registry.definitions.filter((definition) => definition.report !== report);
  }) as Cleanup;
  if (typeof Symbol.dispose === 'symbol') cleanup[Symbol.dispose] = cleanup;
  return cleanup;
}
