import type { JsonSchema } from '../manifest';
import { canonicalJson } from './canonical-json';

// The rules, small on purpose (the README lists them). A change breaks the contract when a value that was
// valid before is refused now (a narrowed type, enum, bound or pattern; a field that became required; no
// more extra fields), or when a field consumers could rely on (a required one) is gone. Keywords these rules
// do not know are compared as plain JSON: any difference is reported for a person to review.

type SchemaObject = { [keyword: string]: unknown };

const ANNOTATIONS = [
  'title',
  'description',
  'examples',
  'default',
  '$comment',
  'deprecated',
  'readOnly',
  'writeOnly',
  '$schema',
  '$id',
];
/** Raising these refuses values that were valid. */
const LOWER_BOUNDS = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties'];
/** Lowering these refuses values that were valid. */
const UPPER_BOUNDS = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties'];
/** Any new value of these may refuse values that were valid. */
const EXACT = ['pattern', 'format', 'multipleOf', 'const'];
const HANDLED = new Set([
  ...ANNOTATIONS,
  ...LOWER_BOUNDS,
  ...UPPER_BOUNDS,
  ...EXACT,
  'type',
  'enum',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'anyOf',
  'oneOf',
]);

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);
const list = (values: readonly unknown[]) => values.map((value) => JSON.stringify(value)).join(', ');
const own = (schema: SchemaObject, keyword: string): unknown =>
  Object.hasOwn(schema, keyword) ? schema[keyword] : undefined;
const record = (value: unknown): SchemaObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as SchemaObject) : {};
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item) => typeof item === 'string') : [];

/** The types a schema allows, or `undefined` for any type. */
function typesOf(schema: SchemaObject): string[] | undefined {
  const type = own(schema, 'type');
  return type === undefined ? undefined : [type].flat().map(String);
}

/** Reports a narrowed type; returns whether it did. */
function typeChanges(before: SchemaObject, after: SchemaObject, at: string, found: string[]): boolean {
  const allowed = typesOf(after);
  const was = typesOf(before);
  const accepts = (type: string) => allowed?.includes(type) || (type === 'integer' && allowed?.includes('number'));
  if (!allowed || was?.every(accepts)) return false;
  found.push(`${at}: type changed from ${was?.join(' | ') ?? 'any'} to ${allowed.join(' | ')}`);
  return true;
}

function valueChanges(before: SchemaObject, after: SchemaObject, at: string, found: string[]): void {
  const allowed = own(after, 'enum');
  if (Array.isArray(allowed)) {
    const constant = own(before, 'const');
    const was = own(before, 'enum') ?? (constant === undefined ? undefined : [constant]);
    const lost = Array.isArray(was) ? was.filter((value) => !allowed.some((item) => same(item, value))) : undefined;
    if (!lost) found.push(`${at}: now limited to ${list(allowed)}`);
    else if (lost.length) found.push(`${at}: no longer accepts ${list(lost)}`);
  }
  for (const keyword of LOWER_BOUNDS) {
    const now = own(after, keyword);
    const was = own(before, keyword);
    if (typeof now === 'number' && !(typeof was === 'number' && was >= now))
      found.push(`${at}: ${keyword} raised to ${now}`);
  }
  for (const keyword of UPPER_BOUNDS) {
    const now = own(after, keyword);
    const was = own(before, keyword);
    if (typeof now === 'number' && !(typeof was === 'number' && was <= now))
      found.push(`${at}: ${keyword} lowered to ${now}`);
  }
  for (const keyword of EXACT) {
    const now = own(after, keyword);
    if (now !== undefined && !same(now, own(before, keyword)))
      found.push(`${at}: ${keyword} is now ${JSON.stringify(now)}`);
  }
}

function fieldChanges(before: SchemaObject, after: SchemaObject, at: string, found: string[]): void {
  const required = strings(own(before, 'required'));
  const requiredNow = strings(own(after, 'required'));
  const properties = record(own(before, 'properties'));
  const propertiesNow = record(own(after, 'properties'));
  const gone = required.filter((field) => !requiredNow.includes(field));
  const added = requiredNow.filter((field) => !required.includes(field));
  const vanished = gone.filter((field) => !Object.hasOwn(propertiesNow, field));
  const appeared = added.filter((field) => !Object.hasOwn(properties, field));
  if (vanished.length === 1 && appeared.length === 1) {
    found.push(`${at}: required field "${vanished[0]}" renamed to "${appeared[0]}"`);
  } else {
    for (const field of vanished) found.push(`${at}: required field "${field}" removed`);
    for (const field of appeared) found.push(`${at}: new required field "${field}"`);
  }
  for (const field of gone.filter((name) => !vanished.includes(name))) found.push(`${at}.${field}: no longer required`);
  for (const field of added.filter((name) => !appeared.includes(name))) found.push(`${at}.${field}: now required`);
  for (const field of Object.keys(properties)) {
    if (Object.hasOwn(propertiesNow, field))
      compareSchemas(properties[field] as JsonSchema, propertiesNow[field] as JsonSchema, `${at}.${field}`, found);
  }
  const extra = own(after, 'additionalProperties');
  if (extra === false && own(before, 'additionalProperties') !== false)
    found.push(`${at}: no longer accepts other fields`);
  else if (typeof extra === 'object') {
    compareSchemas((own(before, 'additionalProperties') ?? true) as JsonSchema, extra as JsonSchema, `${at}.*`, found);
  }
  const items = own(after, 'items');
  if (items !== undefined)
    compareSchemas((own(before, 'items') ?? true) as JsonSchema, items as JsonSchema, `${at}[]`, found);
}

/** Each value `before` accepted must fit one of `after`'s alternatives (anyOf/oneOf, e.g. a nullable field). */
function alternativeChanges(before: SchemaObject, after: SchemaObject, at: string, found: string[]): void {
  const alternatives = (schema: SchemaObject) =>
    (own(schema, 'anyOf') ?? own(schema, 'oneOf') ?? [schema]) as JsonSchema[];
  const candidates = alternatives(after);
  for (const alternative of alternatives(before)) {
    if (candidates.some((candidate) => schemaChanges(alternative, candidate, at).length === 0)) continue;
    // Name what went: the changes within the one alternative of the same type, or a plain type (the null of a
    // nullable field), or else the whole alternative.
    const sameType = candidates.filter((candidate) => !typeChanges(record(alternative), record(candidate), at, []));
    const typeOnly = Object.keys(record(alternative)).every(
      (keyword) => keyword === 'type' || ANNOTATIONS.includes(keyword),
    );
    if (sameType.length === 1) found.push(...schemaChanges(alternative, sameType[0] as JsonSchema, at));
    else if (typeOnly)
      found.push(`${at}: no longer accepts ${typesOf(record(alternative))?.join(' | ') ?? 'any value'}`);
    else found.push(`${at}: no longer accepts ${canonicalJson(alternative)}`);
  }
}

function compareSchemas(schemaBefore: JsonSchema, after: JsonSchema, at: string, found: string[]): void {
  if (after === true || schemaBefore === false || same(schemaBefore, after)) return;
  if (after === false) {
    found.push(`${at}: accepts nothing any more`);
    return;
  }
  // `true` accepts everything, as an empty schema does.
  const before = schemaBefore === true ? {} : schemaBefore;
  if (own(before, 'anyOf') || own(before, 'oneOf') || own(after, 'anyOf') || own(after, 'oneOf')) {
    alternativeChanges(before, after, at, found);
    return;
  }
  // Once the type changed, what the other keywords say about the old type is noise.
  if (!typeChanges(before, after, at, found)) {
    valueChanges(before, after, at, found);
    fieldChanges(before, after, at, found);
  }
  for (const keyword of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (!HANDLED.has(keyword) && !same(own(before, keyword), own(after, keyword))) {
      found.push(`${at}: "${keyword}" changed, which this check cannot compare: review it by hand`);
    }
  }
}

/**
 * What makes values valid under `before` invalid under `after`, or removes a field consumers could rely on,
 * as messages that start with `at` and the path of the field.
 */
export function schemaChanges(before: JsonSchema, after: JsonSchema, at: string): string[] {
  const found: string[] = [];
  compareSchemas(before, after, at, found);
  return found;
}
