import { InvalidArgumentError } from '@mfe-bus/core';

/** Throws core's `InvalidArgumentError`: a bridge was set up wrong, and nothing was registered. */
export function invalid(message: string): never {
  throw new InvalidArgumentError(`bridge: ${message}`);
}
