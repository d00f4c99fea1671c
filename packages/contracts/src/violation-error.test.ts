import { MfeBusError, ProviderTimeoutError } from '@mfe-bus/core';
import { describe, expect, it, vi } from 'vitest';
import { ContractViolationError } from './violation-error';

const violation = {
  kind: 'event',
  rule: 'payload',
  key: 'cart:updated',
  source: 'react',
  owner: 'cart',
  version: '2.1.0',
  issues: [
    { message: 'Expected string', path: ['items', 0, 'name'] },
    { message: 'Expected object', path: [] },
  ],
} as const;

describe('ContractViolationError', () => {
  it('carries the violation, a stable code and a message with the app and each path', () => {
    const error = new ContractViolationError(violation);
    expect(error).toMatchObject({ ...violation, code: 'CONTRACT_VIOLATION', name: 'ContractViolationError' });
    expect(error.message).toBe('event "cart:updated" (app "react"): items[0].name: Expected string; Expected object');
    expect(ContractViolationError.code).toBe('CONTRACT_VIOLATION');
    expect(error).toBeInstanceOf(Error);
    expect(new ContractViolationError({ ...violation, source: null, owner: undefined }).message).toMatch(/\(no app\)/);
  });

  it('is a MfeBusError, and only itself matches instanceof ContractViolationError', () => {
    const error = new ContractViolationError(violation);
    expect(error).toBeInstanceOf(MfeBusError);
    expect(error).not.toBeInstanceOf(ProviderTimeoutError);
    expect(new ProviderTimeoutError('k', 1)).not.toBeInstanceOf(ContractViolationError);
    expect({ code: 'CONTRACT_VIOLATION' }).not.toBeInstanceOf(ContractViolationError);
  });

  it('matches instanceof across separately loaded copies of this package, by the brand', async () => {
    vi.resetModules();
    const copy = await import('./violation-error');
    expect(copy.ContractViolationError).not.toBe(ContractViolationError);
    expect(new copy.ContractViolationError(violation)).toBeInstanceOf(ContractViolationError);
    expect(new ContractViolationError(violation)).toBeInstanceOf(copy.ContractViolationError);
  });
});
