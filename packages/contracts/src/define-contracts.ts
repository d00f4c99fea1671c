import { invalid } from './invalid';
import type { ContractSet } from './types';

/** A field's check and what it expects, for the error message. */
type Field = readonly [check: (value: unknown) => boolean, expected: string];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
// arktype's schemas are functions, so `~standard` may hang off a function too.
const isSchema = (value: unknown) =>
  (typeof value === 'object' || typeof value === 'function') &&
  value !== null &&
  typeof (value as { '~standard'?: { validate?: unknown } })['~standard']?.validate === 'function';
const isName = (value: unknown) => typeof value === 'string' && value !== '';

const schema: Field = [isSchema, 'a Standard Schema (an object with "~standard")'];
const common: Record<string, Field> = {
  owner: [
    (value) => isName(value) || (Array.isArray(value) && value.length > 0 && value.every(isName)),
    'an app name or a list of them',
  ],
  version: [(value) => typeof value === 'string' && /^\d+\.\d+\.\d+([-+].*)?$/.test(value), 'major.minor.patch'],
  deprecated: [(value) => typeof value === 'string', 'a string'],
};
const payload: Record<string, Field> = {
  ...common,
  schema,
  sensitive: [(value) => typeof value === 'boolean', 'a boolean'],
};
const sections: Record<string, Record<string, Field>> = {
  events: payload,
  state: payload,
  requests: { ...common, params: schema, result: schema },
};

const fail = (path: string, expected: string) => invalid(`${path} must be ${expected}`);

function objectAt(value: unknown, path: string, expected: string): Record<string, unknown> {
  return isObject(value) ? value : fail(path, expected);
}

/** Throws `InvalidArgumentError` naming the path of the first thing in `contracts` that is not well-formed. */
export function assertContracts(contracts: unknown): asserts contracts is ContractSet {
  const set = objectAt(contracts, 'contracts', 'an object of events, state and requests');
  for (const section of Object.keys(set)) {
    const path = `contracts.${section}`;
    const fields = Object.hasOwn(sections, section)
      ? (sections[section] as Record<string, Field>)
      : fail(path, 'events, state or requests');
    const entries = objectAt(set[section], path, 'an object of contracts by name');
    for (const key of Object.keys(entries)) {
      const at = `${path}[${JSON.stringify(key)}]`;
      // A contract for a pattern would never match: publishes name one topic.
      if (key === '' || (section === 'events' && key.includes('*'))) fail(at, 'under a topic or key name');
      const contract = objectAt(entries[key], at, 'an object');
      for (const field of Object.keys(contract)) {
        const [check, expected] = Object.hasOwn(fields, field)
          ? (fields[field] as Field)
          : [() => false, `one of ${Object.keys(fields).join(', ')}`];
        if (!check(contract[field])) fail(`${at}.${field}`, expected);
      }
      if (section !== 'requests' && !Object.hasOwn(contract, 'schema')) fail(`${at}.schema`, schema[1]);
    }
  }
}

/**
 * Checks a contract set and returns it, typed: feed it to `InferEvents`/`InferState`/`InferRequests` for the
 * catalogue and to `installContracts` for the run-time checks. Throws `InvalidArgumentError` naming the path
 * of anything that is not well-formed (an unknown section or field, a schema without `~standard`, …).
 */
export function defineContracts<const Contracts extends ContractSet>(contracts: Contracts): Contracts {
  assertContracts(contracts);
  return contracts;
}
