// Values this bus froze all the way down, so a later value that shares them does not walk them again (the
// cost of a write follows what changed, not what it shares). A caller may hand in an object it froze
// itself, only at its top, so `Object.isFrozen` alone cannot tell a finished tree. Marking costs a WeakSet
// entry, so only objects it saves a walk for are marked: those with object children (which also stops
// cycles) and large ones. A small object without object children is cheap to check again.
const frozenByBus = new WeakSet<object>();
const LARGE = 64;

function isPlainData(value: object): boolean {
  if (Array.isArray(value)) return true;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function freezeTree(value: object): void {
  // Only frozen (so non-extensible) objects can be marked: the common fresh object skips the WeakSet
  // look-up. `isExtensible` reads one bit; `isFrozen` may visit every property.
  if ((!Object.isExtensible(value) && frozenByBus.has(value)) || !isPlainData(value)) return;
  Object.freeze(value);
  let marked = false;
  let count = 0;
  // for-in, not Object.keys: no array per object. A plain object inherits nothing enumerable (a
  // polluted Object.prototype aside, whose values then get frozen too: harmless).
  for (const key in value) {
    count++;
    const item = (value as Record<string, unknown>)[key];
    if (typeof item !== 'object' || item === null) continue;
    if (!marked) {
      // Before the child is walked: a cycle back to this object stops here.
      frozenByBus.add(value);
      marked = true;
    }
    freezeTree(item);
  }
  if (!marked && count >= LARGE) frozenByBus.add(value);
}

/** Takes back the marks of a walk that threw half-way (a later call then walks these objects again). */
function unmark(value: unknown, seen: Set<unknown>): void {
  if (typeof value !== 'object' || value === null || seen.has(value)) return;
  seen.add(value);
  frozenByBus.delete(value);
  try {
    for (const key of Object.keys(value)) unmark((value as Record<string, unknown>)[key], seen);
  } catch {
    // What throws here threw in the walk too: the caller gets that error.
  }
}

/**
 * Freezes plain objects and arrays all the way down, so one app cannot mutate what another reads.
 * Class instances (Date, Map, typed arrays, ...) are passed through untouched: freezing them would not
 * protect their contents and, for typed arrays, throws. Throws what a getter or a revoked proxy throws.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  try {
    freezeTree(value);
  } catch (error) {
    unmark(value, new Set());
    throw error;
  }
  return value;
}
