function isPlainData(value: object): boolean {
  if (Array.isArray(value)) return true;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Freezes plain objects and arrays all the way down, so one app cannot mutate what another reads.
 * Class instances (Date, Map, typed arrays, ...) are passed through untouched: freezing them would not
 * protect their contents and, for typed arrays, throws.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value) || !isPlainData(value)) return value;
  Object.freeze(value);
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    if (typeof item === 'object' && item !== null) deepFreeze(item);
  }
  return value;
}
