import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors';
import { errorInfo } from './error-info';

describe('errorInfo', () => {
  it('takes name, message and a bus error code', () => {
    expect(errorInfo(new InvalidArgumentError('bad'))).toEqual({
      name: 'InvalidArgumentError',
      message: 'bad',
      code: 'INVALID_ARGUMENT',
    });
    expect(errorInfo(new RangeError('r'))).toEqual({ name: 'RangeError', message: 'r' });
  });

  it('describes thrown values that are not errors, and never throws', () => {
    expect(errorInfo('plain')).toEqual({ name: 'Error', message: 'plain' });
    expect(errorInfo({ message: 42 })).toEqual({ name: 'Error', message: '42' });
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(errorInfo(proxy)).toEqual({ name: 'Error', message: '[Unreadable]' });
  });
});
