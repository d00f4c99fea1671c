import { InvalidArgumentError } from '@mfe-bus/core';

/** Refuses an argument: throws core's `InvalidArgumentError` (`code: 'INVALID_ARGUMENT'`). */
export function invalid(message: string): never {
  throw new InvalidArgumentError(message);
}
