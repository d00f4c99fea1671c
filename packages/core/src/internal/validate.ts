import { InvalidArgumentError } from '../errors';

export function assertName(value: unknown, what: string): asserts value is string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new InvalidArgumentError(`${what} must be a non-empty string, got ${describe(value)}`);
  }
}

export function assertFunction(value: unknown, what: string): asserts value is (...args: never[]) => unknown {
  if (typeof value !== 'function') throw new InvalidArgumentError(`${what} must be a function, got ${describe(value)}`);
}

export function assertDuration(value: unknown, what: string): asserts value is number | undefined {
  if (value === undefined) return;
  if (typeof value !== 'number' || Number.isNaN(value) || value < 0) {
    throw new InvalidArgumentError(`${what} must be a number >= 0, got ${describe(value)}`);
  }
}

export function assertSignal(value: unknown): asserts value is AbortSignal | undefined {
  if (value === undefined) return;
  const candidate = value as Partial<AbortSignal> | null;
  if (typeof candidate !== 'object' || candidate === null || typeof candidate.addEventListener !== 'function') {
    throw new InvalidArgumentError(`signal must be an AbortSignal, got ${describe(value)}`);
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || typeof value !== 'object') return String(value);
  return Array.isArray(value) ? 'an array' : 'an object';
}
