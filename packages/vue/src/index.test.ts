import { missingCoreExports } from '@mfe-bus/test-utils';
import { describe, expect, it } from 'vitest';
import * as binding from './index';

describe('@mfe-bus/vue', () => {
  it('re-exports the core, so one import is enough', () => {
    expect(missingCoreExports(binding)).toEqual([]);
  });
});
