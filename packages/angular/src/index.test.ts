import { missingCoreExports } from '@mfe-bus/test-utils';
import { describe, expect, it } from 'vitest';
import * as binding from './index';

describe('@mfe-bus/angular', () => {
  it('re-exports the core, so one import is enough', () => {
    expect(missingCoreExports(binding)).toEqual([]);
  });
});
