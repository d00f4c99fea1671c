import { MfeBusError, type Source } from '@mfe-bus/core';
import type { ContractIssue, ContractKind, Owner } from './types';

/**
 * What was broken: the schema of an event payload or state value (`payload`), of request `params` or of a
 * provider's `result`; a call from an app that is not the `owner`; a schema that validates asynchronously
 * on a synchronous path (`async`); an expected `version`; a second definition of a key that disagrees with
 * the first (`conflict`); a `deprecated` key in use (reported, never thrown).
 */
export type ContractRule = 'payload' | 'params' | 'result' | 'owner' | 'async' | 'version' | 'conflict' | 'deprecated';

export interface ContractViolation {
  kind: ContractKind;
  rule: ContractRule;
  key: string;
  issues: readonly ContractIssue[];
  /** The app that made the call (for `result`: the provider's app; for `version`: the app that expects). */
  source: Source;
  owner?: Owner | undefined;
  version?: string | undefined;
}

const pathOf = (path: readonly (string | number)[]) =>
  path.map((key, index) => (typeof key === 'number' ? `[${key}]` : index ? `.${key}` : key)).join('');

const describe = ({ kind, key, source, issues }: ContractViolation) =>
  `${kind} "${key}" (${source === null ? 'no app' : `app "${source}"`}): ${issues
    .map(({ path, message }) => (path.length ? `${pathOf(path)}: ${message}` : message))
    .join('; ')}`;

/**
 * A call broke a contract (`code: 'CONTRACT_VIOLATION'`). It carries core's error brand, so `instanceof`
 * works across copies of the library.
 */
export class ContractViolationError extends MfeBusError {
  static override readonly code = 'CONTRACT_VIOLATION';
  declare readonly code: 'CONTRACT_VIOLATION';
  declare readonly kind: ContractKind;
  declare readonly rule: ContractRule;
  declare readonly key: string;
  declare readonly issues: readonly ContractIssue[];
  declare readonly source: Source;
  declare readonly owner: Owner | undefined;
  declare readonly version: string | undefined;

  constructor(violation: ContractViolation) {
    super('CONTRACT_VIOLATION', describe(violation));
    this.name = 'ContractViolationError';
    Object.assign(this, { owner: undefined, version: undefined }, violation);
  }
}
