import { BridgeError } from './bridge-error';

/** True when `value` survives `postMessage` (the structured clone algorithm). */
export function isCloneable(value: unknown): boolean {
  if (typeof value === 'function' || typeof value === 'symbol') return false;
  if (typeof value !== 'object' || value === null) return true;
  try {
    structuredClone(value);
    return true;
  } catch {
    return false;
  }
}

export const notCloneable = (key: string) =>
  new BridgeError('NOT_CLONEABLE', `"${key}" cannot cross a bridge: not structured-cloneable`, key);

/** Throws `BridgeError` `NOT_CLONEABLE` (with the topic or key) for a value that could not cross. */
export function assertCloneable(value: unknown, key: string): void {
  if (!isCloneable(value)) throw notCloneable(key);
}

/** Runs `post`: a value the structured clone refuses becomes `BridgeError` `NOT_CLONEABLE` (with `key`). */
export function postCloning(post: () => void, key: string): void {
  try {
    post();
  } catch (error) {
    throw error instanceof Error && error.name === 'DataCloneError' ? notCloneable(key) : error;
  }
}
