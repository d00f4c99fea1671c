import { defineContracts, installContracts, type StandardSchemaV1 } from '@mfe-bus/contracts';
import { beforeEach, describe, expect, it } from 'vitest';
import { record, testBus } from '../test/harness';
import { persistState } from './persist-state';

/** A hand-written Standard Schema: one of the theme names. */
const themeSchema: StandardSchemaV1<unknown, string> = {
  '~standard': {
    version: 1,
    vendor: 'test',
    validate: (value) =>
      value === 'light' || value === 'dark' ? { value } : { issues: [{ message: 'not a theme', path: [] }] },
  },
};
const contracts = defineContracts({ state: { theme: { schema: themeSchema, owner: 'shell' } } });

beforeEach(() => {
  localStorage.clear();
});

describe('with contracts installed', () => {
  it("only the key's owner persists it; the stored value is written as that app", () => {
    localStorage.setItem('mfe-bus:theme', record('dark'));
    const { bus, errors } = testBus();
    installContracts(bus, contracts, { mode: 'reject' });
    persistState(bus, 'theme', { app: 'vue' });
    expect(bus.getState('theme')).toBeUndefined();
    expect(errors.map(([error, context]) => [context, (error as Error).message])).toEqual([
      [
        { kind: 'report', report: 'persist-refused', name: 'theme', source: 'vue' },
        'only its owner (shell) persists "theme"',
      ],
    ]);
    persistState(bus, 'theme', { app: 'shell' });
    expect(bus.getState('theme')).toBe('dark');
    expect(bus.inspect().state.find(({ key }) => key === 'theme')?.source).toBe('shell');
  });

  it('a stored value that breaks the contract is dropped and reported', () => {
    localStorage.setItem('mfe-bus:theme', record('purple'));
    const { bus, reports } = testBus();
    installContracts(bus, contracts, { mode: 'reject' });
    persistState(bus, 'theme', { app: 'shell' });
    expect(bus.getState('theme')).toBeUndefined();
    expect(localStorage.getItem('mfe-bus:theme')).toBeNull();
    expect(reports()).toContain('invalid-stored-value');
  });
});

describe('one key persisted twice', () => {
  it('is reported, and the second call does nothing until the first stops', () => {
    const { bus, errors } = testBus();
    const stop = persistState(bus, 'cart', { app: 'react' });
    persistState(bus, 'cart', { app: 'vue' });
    expect(errors.map(([error]) => (error as Error).message)).toEqual(['"cart" is persisted twice (by react first)']);
    stop();
    persistState(bus, 'cart', { app: 'vue' });
    expect(errors).toHaveLength(1);
  });
});
