export { defineContracts } from './define-contracts';
export { expectVersions } from './expect-versions';
export { installContracts } from './install-contracts';
export {
  type ContractsManifest,
  contractsManifest,
  type JsonSchema,
  type ManifestEntry,
  type ManifestOptions,
} from './manifest';
export type { StandardSchemaV1 } from './standard-schema';
export type {
  ContractIssue,
  ContractKind,
  ContractMode,
  ContractSet,
  EventContract,
  InferEvents,
  InferRequests,
  InferState,
  InstallOptions,
  Owner,
  RequestKeyContract,
  StateContract,
} from './types';
export { type ContractRule, type ContractViolation, ContractViolationError } from './violation-error';
