/** True when `value` and every plain object or array inside it is frozen (other values pass). */
export function isDeepFrozen(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true;
  const prototype = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && prototype !== Object.prototype && prototype !== null) return true;
  return Object.isFrozen(value) && Object.values(value).every(isDeepFrozen);
}
