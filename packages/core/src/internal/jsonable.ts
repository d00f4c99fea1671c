/**
 * A copy of `value` that `JSON.stringify` accepts and that reads like the original: cycles become
 * `"[Circular]"`, bigints `"12n"`, functions `"[Function name]"`, symbols their description, Maps and Sets
 * arrays, unreadable properties (a throwing getter, a revoked proxy) `"[Unreadable]"`. Never throws.
 */
export function toJsonable(value: unknown): unknown {
  return convert(value, []);
}

function convert(value: unknown, ancestors: object[]): unknown {
  switch (typeof value) {
    case 'bigint':
      return `${value}n`;
    case 'function':
      return `[Function ${value.name || 'anonymous'}]`;
    case 'symbol':
      return value.toString();
    case 'object':
      return value === null ? null : convertObject(value, ancestors);
    default:
      return value;
  }
}

function convertObject(value: object, ancestors: object[]): unknown {
  if (ancestors.includes(value)) return '[Circular]';
  try {
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
    ancestors.push(value);
    try {
      if (Array.isArray(value)) return value.map((item) => convert(item, ancestors));
      if (value instanceof Map) return [...value].map((entry) => convert(entry, ancestors));
      if (value instanceof Set) return [...value].map((item) => convert(item, ancestors));
      const copy: Record<string, unknown> = {};
      for (const key of Object.keys(value)) {
        let item: unknown;
        try {
          item = convert((value as Record<string, unknown>)[key], ancestors);
        } catch {
          item = '[Unreadable]';
        }
        // defineProperty, so a "__proto__" key stays an own key of the copy.
        Object.defineProperty(copy, key, { value: item, enumerable: true, writable: true, configurable: true });
      }
      return copy;
    } finally {
      ancestors.pop();
    }
  } catch {
    return '[Unreadable]';
  }
}
