// Values this bus froze all the way down. A caller may hand in an object it froze itself (only its top
// level), so `Object.isFrozen` cannot tell a finished tree; and shared subtrees that are already in this
// set are never walked again, so the cost of a write follows what changed, not what it shares.
const frozenByBus = new WeakSet<object>();
// Objects marked during the current top-level call: unmarked again if the walk throws half-way.
const marking: object[] = [];

function isPlainData(value: object): boolean {
  if (Array.isArray(value)) return true;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function freezeTree(value: object): void {
  if (frozenByBus.has(value) || !isPlainData(value)) return;
  // Marked before the children are walked, which also stops cycles.
  frozenByBus.add(value);
  marking.push(value);
  Object.freeze(value);
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    if (typeof item === 'object' && item !== null) freezeTree(item);
  }
}

/**
 * Freezes plain objects and arrays all the way down, so one app cannot mutate what another reads.
 * Class instances (Date, Map, typed arrays, ...) are passed through untouched: freezing them would not
 * protect their contents and, for typed arrays, throws. Throws what a getter or a revoked proxy throws.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || frozenByBus.has(value)) return value;
  try {
    freezeTree(value);
  } catch (error) {
    for (const object of marking) frozenByBus.delete(object);
    throw error;
  } finally {
    marking.length = 0;
  }
  return value;
}
