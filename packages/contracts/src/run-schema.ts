import type { StandardSchemaV1 } from './standard-schema';
import type { ContractIssue } from './types';

/** What a schema made of a value: its output, or what is wrong with it. */
export type Checked = { value: unknown; issues?: undefined } | { issues: readonly ContractIssue[] };

const keyOf = (segment: PropertyKey | StandardSchemaV1.PathSegment): string | number => {
  const key = typeof segment === 'object' ? segment.key : segment;
  return typeof key === 'number' ? key : String(key);
};

function toChecked(result: StandardSchemaV1.Result<unknown>): Checked {
  // A success is used as it is: publishes with a contract make no extra object.
  return result.issues
    ? { issues: result.issues.map(({ message, path = [] }) => ({ message: String(message), path: path.map(keyOf) })) }
    : result;
}

// A schema that throws (a recursive schema on a cyclic value, a getter in the value) fails the value.
const thrown = (error: unknown): Checked => ({
  issues: [{ message: `the schema threw: ${error instanceof Error ? error.message : String(error)}`, path: [] }],
});

/** Runs a Standard Schema on `value`; a promise when the schema validates asynchronously. Never throws or rejects. */
export function runSchema(schema: StandardSchemaV1, value: unknown): Checked | Promise<Checked> {
  try {
    const result = schema['~standard'].validate(value);
    return result instanceof Promise ? result.then(toChecked).catch(thrown) : toChecked(result);
  } catch (error) {
    return thrown(error);
  }
}
