import { missingCoreExports } from '@mfe-bus/test-utils';
import { describe, expect, it } from 'vitest';
import * as binding from './index';

describe('@mfe-bus/react', () => {
  it('re-exports the core, so one import is enough', () => {
    expect(missingCoreExports(binding)).toEqual([]);
  });

  it('useBusState is useConnecticState under the name the other bindings use', () => {
    expect(binding.useBusState).toBe(binding.useConnecticState);
  });
});
