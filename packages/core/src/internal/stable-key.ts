import { InvalidArgumentError } from '../errors';

/**
 * Serialises request params so that equal params give equal strings whatever their key order:
 * `{ a: 1, b: 2 }` and `{ b: 2, a: 1 }` hit the same cache entry. Unlike JSON it tells `undefined`,
 * `NaN`, bigints, dates, Maps and Sets apart (Maps and Sets whatever their insertion order); it rejects
 * cycles, functions, symbols and class instances (whose state it cannot see) with a clear error.
 */
export function stableKey(value: unknown): string {
  return flatRecordKey(value) ?? write(value, new Set());
}

// Params keys repeat (`id`, `userId`): each is quoted once. Bounded, in case keys are made up per call.
const quotedKeys = new Map<string, string>();
function quoted(key: string): string {
  let text = quotedKeys.get(key);
  if (text === undefined) {
    if (quotedKeys.size >= 1000) quotedKeys.clear();
    text = JSON.stringify(key);
    quotedKeys.set(key, text);
  }
  return text;
}

/** An object written as `{ … }`: not an array, a class instance or an object without a prototype. */
export const isPlainRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/** A value a flat record may hold: written as JSON writes it, compared as a `Map` key compares it. */
export const isFlatValue = (value: unknown): boolean =>
  typeof value === 'string' ||
  typeof value === 'boolean' ||
  value === null ||
  (typeof value === 'number' && Number.isFinite(value));

/**
 * The common `{ id: 1 }`, written without a general walk: a plain object whose keys are already in sorted
 * order and whose values are strings, finite numbers, booleans or null gives exactly what `write` (and
 * `JSON.stringify`) would. Anything else: `undefined`, and the general walk takes over.
 */
function flatRecordKey(value: unknown): string | undefined {
  if (!isPlainRecord(value)) return undefined;
  let text = '{';
  let previous: string | undefined;
  for (const key in value) {
    if (previous !== undefined && key < previous) return undefined;
    const item = value[key];
    if (!isFlatValue(item)) return undefined;
    text += `${previous === undefined ? '' : ','}${quoted(key)}:${typeof item === 'string' ? JSON.stringify(item) : String(item)}`;
    previous = key;
  }
  return `${text}}`;
}

function write(value: unknown, seen: Set<object>): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : `#${value}`;
    case 'boolean':
      return String(value);
    case 'undefined':
      return '#undefined';
    case 'bigint':
      return `#${value}n`;
    case 'object':
      return value === null ? 'null' : writeObject(value, seen);
    default:
      throw new InvalidArgumentError(`request params cannot contain a ${typeof value}`);
  }
}

function writeObject(value: object, seen: Set<object>): string {
  if (seen.has(value)) throw new InvalidArgumentError('request params cannot contain a cycle');
  if (value instanceof Date) return `#date:${Number.isNaN(value.getTime()) ? 'invalid' : value.toISOString()}`;
  seen.add(value);
  const body = writeContainer(value, seen);
  seen.delete(value);
  return body;
}

const sorted = (items: string[]) => items.sort().join(',');

function writeContainer(value: object, seen: Set<object>): string {
  if (Array.isArray(value)) return `[${value.map((item) => write(item, seen)).join(',')}]`;
  if (value instanceof Map) {
    return `#map{${sorted([...value].map(([key, item]) => `${write(key, seen)}:${write(item, seen)}`))}}`;
  }
  if (value instanceof Set) return `#set[${sorted([...value].map((item) => write(item, seen)))}]`;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    const name = (proto as { constructor?: { name?: string } }).constructor?.name || 'class';
    throw new InvalidArgumentError(`request params must be plain data: a ${name} instance cannot be compared`);
  }
  // Sorted by key, as the JSON fast path is: equal objects give one string whichever path they take.
  return `{${Object.keys(value)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${write((value as Record<string, unknown>)[key], seen)}`)
    .join(',')}}`;
}
