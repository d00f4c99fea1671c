import { assertContracts } from './define-contracts';
import type { StandardSchemaV1 } from './standard-schema';
import type { AnyContract, ContractSet } from './types';

/** A JSON Schema document (what `z.toJSONSchema` or valibot's `toJsonSchema` return). */
export type JsonSchema = { [keyword: string]: unknown } | boolean;

/** One key of a manifest: plain JSON, compared by `mfe-bus-contracts check`. */
export interface ManifestEntry {
  /** The owning apps, sorted. */
  owner?: string[];
  version?: string;
  deprecated?: string;
  sensitive?: true;
  /** What an event or state contract accepts, where its schema has a JSON Schema form. */
  schema?: JsonSchema;
  params?: JsonSchema;
  result?: JsonSchema;
}

export interface ContractsManifest {
  manifest: 1;
  events: Record<string, ManifestEntry>;
  state: Record<string, ManifestEntry>;
  requests: Record<string, ManifestEntry>;
}

export interface ManifestOptions {
  /**
   * The JSON Schema of a schema, for libraries without Standard Schema's JSON Schema extension, e.g.
   * `toJsonSchema` of `@valibot/to-json-schema`. Return `undefined` to leave the schema out.
   */
  toJsonSchema?: (schema: StandardSchemaV1) => object | boolean | undefined;
}

const SCHEMA_FIELDS = ['schema', 'params', 'result'] as const;

/**
 * A JSON-able description of `contracts` for CI: per key its owners, version, deprecation, and the JSON
 * Schema of what it accepts where the schema exposes one (Standard Schema's JSON Schema extension, as in
 * zod 4, or `options.toJsonSchema`). A schema that has no JSON Schema form is left out. Keys are sorted so
 * that manifests diff cleanly.
 */
export function contractsManifest(contracts: ContractSet, options: ManifestOptions = {}): ContractsManifest {
  assertContracts(contracts);
  const jsonSchemaOf = (schema: StandardSchemaV1): JsonSchema | undefined => {
    try {
      // JSON Schema typings (valibot's JSONSchema7) are interfaces: a document is still a plain object.
      return options.toJsonSchema
        ? (options.toJsonSchema(schema) as JsonSchema | undefined)
        : schema['~standard'].jsonSchema?.input({ target: 'draft-2020-12' });
    } catch {
      return undefined; // e.g. zod refuses a schema with a Date or a transform in it
    }
  };
  const entryOf = (contract: AnyContract): ManifestEntry => {
    const entry: ManifestEntry = {};
    if (contract.owner !== undefined) entry.owner = [contract.owner].flat().sort();
    if (contract.version !== undefined) entry.version = contract.version;
    if (contract.deprecated !== undefined) entry.deprecated = contract.deprecated;
    if (contract.sensitive) entry.sensitive = true;
    for (const field of SCHEMA_FIELDS) {
      const jsonSchema = contract[field] && jsonSchemaOf(contract[field]);
      if (jsonSchema !== undefined) entry[field] = jsonSchema;
    }
    return entry;
  };
  // fromEntries defines own properties: a "__proto__" key stays a key.
  const section = (entries: Readonly<Record<string, AnyContract>> = {}): Record<string, ManifestEntry> =>
    Object.fromEntries(
      Object.keys(entries)
        .sort()
        .map((key) => [key, entryOf(entries[key] as AnyContract)]),
    );
  return {
    manifest: 1,
    events: section(contracts.events),
    state: section(contracts.state),
    requests: section(contracts.requests),
  };
}
