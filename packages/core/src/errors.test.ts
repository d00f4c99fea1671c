import { describe, expect, it } from 'vitest';
import {
  BusDestroyedError,
  InvalidArgumentError,
  MfeBusError,
  ProtocolMismatchError,
  ProviderTimeoutError,
} from './errors';

const BRAND = Symbol.for('mfe-bus/error-code');

describe('errors', () => {
  it('carry a stable code, a name and their fields', () => {
    const timeout = new ProviderTimeoutError('user:permissions', 500);
    expect(timeout).toMatchObject({
      name: 'ProviderTimeoutError',
      code: 'PROVIDER_TIMEOUT',
      key: 'user:permissions',
      timeoutMs: 500,
    });
    expect(timeout.message).toBe('Request "user:permissions" got no answer within 500 ms');
    expect(new BusDestroyedError('publish')).toMatchObject({ name: 'BusDestroyedError', code: 'BUS_DESTROYED' });
    expect(new InvalidArgumentError('bad')).toMatchObject({ name: 'InvalidArgumentError', code: 'INVALID_ARGUMENT' });
    const mismatch = new ProtocolMismatchError(
      { protocol: '2.0', version: '2.1.0' },
      { protocol: '1.0', version: '0.1.0' },
    );
    expect(mismatch.message).toContain('2.1.0');
    expect(mismatch.message).toContain('0.1.0');
  });

  it('match instanceof by brand, so an error made by another copy of the library still matches', () => {
    // What another copy's ProviderTimeoutError looks like from here: a plain Error with the same brand.
    const foreign = Object.assign(new Error('x'), { [BRAND]: 'PROVIDER_TIMEOUT' });
    expect(foreign).toBeInstanceOf(ProviderTimeoutError);
    expect(foreign).toBeInstanceOf(MfeBusError);
    expect(foreign).not.toBeInstanceOf(BusDestroyedError);
    expect(new ProviderTimeoutError('k', 1)).toBeInstanceOf(Error);
    expect(new Error('plain')).not.toBeInstanceOf(MfeBusError);
    expect(null).not.toBeInstanceOf(MfeBusError);
    expect({ [BRAND]: 42 }).not.toBeInstanceOf(MfeBusError);
  });
});
