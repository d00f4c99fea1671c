// Deprecated keys, and what happens when two installations define the same key.
import { describe, expect, it } from 'vitest';
import { reportsOf, watchedBus } from '../test/harness';
import { KITS } from '../test/schemas';
import { installContracts } from './install-contracts';
import { ContractViolationError } from './violation-error';

const schema = KITS[0]!.trimmed;

describe('deprecated keys', () => {
  it('warn once per key and app, in both modes, without refusing the call', () => {
    for (const mode of ['reject', 'report'] as const) {
      const { bus, errors, records } = watchedBus();
      installContracts(
        bus,
        {
          events: { 'cart:added': { schema, deprecated: 'use cart:updated' } },
          requests: { 'cart:count': { deprecated: 'read the cart state' } },
        },
        { mode },
      );
      const react = bus.scope('react');
      react.publish('cart:added', 'a');
      react.publish('cart:added', 'b');
      bus.scope('vue').publish('cart:added', 'c');
      bus.publish('cart:added', 'd');
      void react.request('cart:count', undefined, { timeoutMs: 0 }).catch(() => {});
      expect(bus.inspect().topics[0]?.buffered).toHaveLength(4);
      const warnings = errors.map(([error, context]) => [error, context]);
      expect(warnings).toHaveLength(4);
      expect(warnings.map(([error]) => error)).toMatchObject([
        {
          rule: 'deprecated',
          key: 'cart:added',
          source: 'react',
          message: 'event "cart:added" (app "react"): deprecated: use cart:updated',
        },
        { rule: 'deprecated', source: 'vue' },
        { rule: 'deprecated', source: null },
        { rule: 'deprecated', kind: 'request', key: 'cart:count', source: 'react' },
      ]);
      expect(warnings[0]?.[1]).toMatchObject({ kind: 'report', report: 'deprecation', name: 'cart:added' });
      expect(reportsOf(records, 'deprecation')).toHaveLength(4);
    }
  });
});

describe('two installations of the same key', () => {
  it('keep the first definition and report a later one that differs in version or owner', () => {
    const { bus, errors } = watchedBus();
    installContracts(
      bus,
      { events: { 'cart:updated': { schema, version: '1.0.0', owner: 'cart' } } },
      { mode: 'reject', app: 'shell' },
    );
    installContracts(
      bus,
      { events: { 'cart:updated': { schema: KITS[1]!.cart, version: '2.0.0', owner: 'cart' } } },
      { mode: 'reject', app: 'cart' },
    );
    installContracts(
      bus,
      { events: { 'cart:updated': { schema, version: '1.0.0', owner: ['checkout'] } } },
      { mode: 'reject' },
    );
    // Identical again: nothing to report.
    installContracts(
      bus,
      { events: { 'cart:updated': { schema, version: '1.0.0', owner: ['cart'] } } },
      { mode: 'reject' },
    );
    expect(errors.map(([error]) => error)).toMatchObject([
      {
        rule: 'conflict',
        source: 'cart',
        version: '2.0.0',
        message:
          'event "cart:updated" (app "cart"): defined again as version 2.0.0, owner cart; the first (version 1.0.0, owner cart, app "shell") stays',
      },
      { rule: 'conflict', source: null, owner: ['checkout'] },
    ]);
    expect(errors[0]?.[1]).toMatchObject({ kind: 'report', report: 'violation' });
    // The first definition (a string schema) is the one that checks.
    expect(() => bus.scope('cart').publish('cart:updated', ' a ')).not.toThrow();
    expect(() => bus.scope('cart').publish('cart:updated', { item: 'a' })).toThrow(ContractViolationError);
  });

  it('check a key once, and free it when the installation that defined it is removed', () => {
    const { bus } = watchedBus();
    const first = installContracts(bus, { state: { n: { schema } } }, { mode: 'reject' });
    installContracts(bus, { state: { n: { schema, version: '1.0.0' } } }, { mode: 'report' });
    expect(() => bus.setState('n', 1)).toThrow(ContractViolationError);
    first();
    // Uninstalling the first leaves the key unchecked: the later installation skipped it.
    bus.setState('n', 2);
    expect(bus.getState('n')).toBe(2);
    installContracts(bus, { state: { n: { schema } } }, { mode: 'reject' });
    expect(() => bus.setState('n', 3)).toThrow(ContractViolationError);
  });
});
