import type { PersistOptions, PersistStorage } from './types';

/**
 * The storage `choice` names. Throws where there is none (server rendering) or the browser blocks it
 * (a sandboxed iframe, cookies disabled: reading `localStorage` throws a SecurityError).
 */
export function storageOf(choice: NonNullable<PersistOptions['storage']>): PersistStorage {
  if (typeof choice === 'object') return choice;
  const storage = choice === 'session' ? globalThis.sessionStorage : globalThis.localStorage;
  if (!storage) throw new ReferenceError(`no ${choice}Storage here`);
  return storage;
}

export const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof (value as { then?: unknown } | null)?.then === 'function';
