// Payload paths (publish, setState) in both modes, with each kind of schema.
import { InvalidArgumentError, MfeBusError } from '@mfe-bus/core';
import { describe, expect, it, vi } from 'vitest';
import { reportsOf, thrownBy, watchedBus } from '../test/harness';
import { KITS } from '../test/schemas';
import { defineContracts } from './define-contracts';
import { installContracts } from './install-contracts';
import { ContractViolationError } from './violation-error';

describe.each(KITS)('with $name schemas', (kit) => {
  const contracts = defineContracts({
    events: { 'cart:updated': { schema: kit.cart, version: '2.1.0' }, 'note:added': { schema: kit.trimmed } },
    state: { cart: { schema: kit.cart }, title: { schema: kit.trimmed } },
  });

  describe('reject mode', () => {
    it('delivers the schema output of a valid payload, frozen', () => {
      const { bus } = watchedBus();
      installContracts(bus, contracts, { mode: 'reject' });
      const received = vi.fn();
      bus.subscribe('cart:updated', received);
      bus.publish('cart:updated', { item: 'book' });
      expect(received).toHaveBeenCalledTimes(1);
      const [payload] = received.mock.calls[0] as [unknown];
      expect(payload).toEqual({ item: 'book', quantity: 1 });
      expect(Object.isFrozen(payload)).toBe(true);
      bus.publish('note:added', '  hi  ');
      bus.subscribe('note:added', received);
      expect(received).toHaveBeenLastCalledWith('hi', expect.anything());
    });

    it('throws a ContractViolationError for an invalid payload, and nobody receives it', () => {
      const { bus, errors } = watchedBus();
      installContracts(bus, contracts, { mode: 'reject' });
      const received = vi.fn();
      bus.subscribe('cart:updated', received);
      const error = thrownBy(() => bus.scope('react').publish('cart:updated', { item: '', quantity: 'two' }));
      expect(error).toBeInstanceOf(ContractViolationError);
      expect(error).toBeInstanceOf(MfeBusError);
      expect(error).toMatchObject({
        code: 'CONTRACT_VIOLATION',
        kind: 'event',
        rule: 'payload',
        key: 'cart:updated',
        source: 'react',
        owner: undefined,
        version: '2.1.0',
      });
      const { issues, message } = error as ContractViolationError;
      expect(issues.map((issue) => issue.path)).toEqual([['item'], ['quantity']]);
      expect(message).toMatch(/^event "cart:updated" \(app "react"\): item: .+; quantity: .+/);
      expect(received).not.toHaveBeenCalled();
      expect(bus.inspect().topics.find((topic) => topic.topic === 'cart:updated')?.buffered).toEqual([]);
      // The bus tells onError that a plugin refused the call.
      expect(errors).toEqual([[error, { kind: 'plugin', hook: 'publish', name: 'cart:updated', source: 'react' }]]);
    });

    it('validates the value an updater returns and leaves the state unchanged when it is invalid', () => {
      const { bus } = watchedBus();
      installContracts(bus, contracts, { mode: 'reject' });
      bus.setState('cart', { item: 'pen' });
      expect(bus.getState('cart')).toEqual({ item: 'pen', quantity: 1 });
      const error = thrownBy(() => bus.setState('cart', (previous) => ({ ...(previous as object), item: 7 })));
      expect(error).toMatchObject({ kind: 'state', rule: 'payload', key: 'cart', source: null });
      expect(bus.getState('cart')).toEqual({ item: 'pen', quantity: 1 });
      bus.setState('title', ' Shop ');
      expect(bus.getState('title')).toBe('Shop');
    });

    it('refuses a schema that validates asynchronously on publish and setState', () => {
      const { bus } = watchedBus();
      installContracts(
        bus,
        { events: { 'text:sent': { schema: kit.asyncText } }, state: { text: { schema: kit.asyncText } } },
        { mode: 'reject' },
      );
      const received = vi.fn();
      bus.subscribe('text:sent', received);
      expect(thrownBy(() => bus.publish('text:sent', 'hello'))).toMatchObject({
        rule: 'async',
        message: expect.stringContaining('asynchronously'),
      });
      expect(thrownBy(() => bus.setState('text', 'hello'))).toMatchObject({ kind: 'state', rule: 'async' });
      expect(received).not.toHaveBeenCalled();
      expect(bus.getState('text')).toBeUndefined();
    });

    it('lets keys without a contract through untouched', () => {
      const { bus } = watchedBus();
      installContracts(bus, contracts, { mode: 'reject' });
      const payload = { anything: [1, 2] };
      const received = vi.fn();
      bus.subscribe('other:topic', received);
      bus.publish('other:topic', payload);
      expect(received.mock.calls[0]?.[0]).toBe(payload);
    });
  });

  describe('report mode', () => {
    it('delivers an invalid payload as it was and reports the violation to onError and observe', () => {
      const { bus, errors, records } = watchedBus();
      installContracts(bus, contracts, { mode: 'report' });
      const received = vi.fn();
      bus.subscribe('cart:updated', received);
      const payload = { item: 42 };
      bus.scope('vue').publish('cart:updated', payload);
      expect(received.mock.calls[0]?.[0]).toBe(payload);
      expect(errors).toHaveLength(1);
      const [error, context] = errors[0] as [ContractViolationError, unknown];
      expect(error).toBeInstanceOf(ContractViolationError);
      expect(error).toMatchObject({ rule: 'payload', source: 'vue', issues: [{ path: ['item'] }] });
      expect(context).toEqual({
        kind: 'report',
        report: 'violation',
        name: 'cart:updated',
        source: 'vue',
        detail: error,
      });
      const [record] = reportsOf(records, 'violation');
      expect(record).toMatchObject({
        name: 'cart:updated',
        source: 'vue',
        error: { name: 'ContractViolationError', code: 'CONTRACT_VIOLATION' },
        detail: { kind: 'event', rule: 'payload', key: 'cart:updated', issues: [{ path: ['item'] }] },
      });
      expect(JSON.parse(JSON.stringify(record))).toEqual(record);
    });

    it('still delivers the schema output of a valid payload', () => {
      const { bus, errors } = watchedBus();
      installContracts(bus, contracts, { mode: 'report' });
      bus.setState('cart', { item: 'pen' });
      expect(bus.getState('cart')).toEqual({ item: 'pen', quantity: 1 });
      expect(errors).toEqual([]);
    });

    it('reports a schema that validates asynchronously on a synchronous path and lets the value through', () => {
      const { bus, errors } = watchedBus();
      installContracts(bus, { state: { text: { schema: kit.asyncText } } }, { mode: 'report' });
      bus.setState('text', 'hello');
      expect(bus.getState('text')).toBe('hello');
      expect(errors.map(([error]) => error)).toMatchObject([{ rule: 'async', kind: 'state', key: 'text' }]);
    });
  });
});

describe('installContracts', () => {
  it('refuses a missing or unknown mode, a bus without use(), and a malformed contract set', () => {
    const { bus } = watchedBus();
    const contracts = { events: {} };
    expect(() => installContracts(bus, contracts, {} as never)).toThrow(InvalidArgumentError);
    expect(() => installContracts(bus, contracts, { mode: 'warn' } as never)).toThrow(
      /mode must be "reject" or "report"/,
    );
    expect(() => installContracts({} as never, contracts, { mode: 'reject' })).toThrow(/protocol 1.1/);
    expect(() => installContracts(bus, { event: {} } as never, { mode: 'reject' })).toThrow(/contracts\.event must be/);
  });

  it('stops checking once uninstalled (and uninstalling twice is harmless)', () => {
    const { bus } = watchedBus();
    const uninstall = installContracts(bus, { state: { count: { schema: KITS[0]!.trimmed } } }, { mode: 'reject' });
    expect(() => bus.setState('count', 1)).toThrow(ContractViolationError);
    uninstall();
    uninstall[Symbol.dispose]();
    bus.setState('count', 1);
    expect(bus.getState('count')).toBe(1);
  });

  it('checks what was defined at install time, whatever happens to the object later', () => {
    const { bus } = watchedBus();
    const events: Record<string, { schema: (typeof KITS)[number]['trimmed'] }> = {
      'a:b': { schema: KITS[1]!.trimmed },
    };
    installContracts(bus, { events }, { mode: 'reject' });
    delete events['a:b'];
    expect(() => bus.publish('a:b', 1)).toThrow(ContractViolationError);
  });
});
