// Payloads and schemas that try to break the checks: prototype keys, cycles, throwing schemas and getters.
import * as v from 'valibot';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { thrownBy, watchedBus } from '../test/harness';
import { handWritten } from '../test/schemas';
import { installContracts } from './install-contracts';
import type { StandardSchemaV1 } from './standard-schema';

interface Node {
  name: string;
  next?: Node | undefined;
}
const valibotNode: v.GenericSchema<Node> = v.object({ name: v.string(), next: v.optional(v.lazy(() => valibotNode)) });
const zodNode: z.ZodType<Node> = z.object({ name: z.string(), next: z.lazy(() => zodNode).optional() });

describe('hostile payloads', () => {
  it('keep Object.prototype clean whatever "__proto__" and "constructor" keys a payload has', () => {
    const { bus } = watchedBus();
    installContracts(
      bus,
      {
        events: {
          'a:valibot': { schema: v.record(v.string(), v.unknown()) },
          'a:zod': { schema: z.record(z.string(), z.unknown()) },
        },
        state: { loose: { schema: v.looseObject({ name: v.string() }) } },
      },
      { mode: 'reject' },
    );
    const received = vi.fn();
    bus.subscribe('a:*', received);
    const hostile = () =>
      JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "name": "x"}');
    bus.publish('a:valibot', hostile());
    bus.publish('a:zod', hostile());
    bus.setState('loose', hostile());
    expect(received).toHaveBeenCalledTimes(2);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('handle cyclic values: a schema that overflows on one fails the value instead of crashing the bus', () => {
    const cyclic: Node = { name: 'a' };
    cyclic.next = cyclic;
    const { bus } = watchedBus();
    installContracts(
      bus,
      { events: { 'list:sent': { schema: valibotNode } }, state: { list: { schema: zodNode } } },
      { mode: 'reject' },
    );
    // valibot walks the cycle until the stack overflows: the value fails.
    expect(thrownBy(() => bus.publish('list:sent', cyclic))).toMatchObject({
      rule: 'payload',
      issues: [{ path: [], message: expect.stringContaining('the schema threw') }],
    });
    bus.publish('list:sent', { name: 'a', next: { name: 'b' } });
    // zod keeps track of what it saw: the value passes, and the bus freezes and shows it as usual.
    bus.setState('list', cyclic);
    expect(bus.getState('list')).toMatchObject({ name: 'a' });
    expect(Object.isFrozen(bus.getState('list'))).toBe(true);
    expect(JSON.stringify(bus.inspect().state)).toContain('[Circular]');
  });

  it('turn a throwing getter or a throwing schema into a violation', () => {
    const { bus, errors } = watchedBus();
    const throwing: StandardSchemaV1 = {
      '~standard': {
        version: 1,
        vendor: 'x',
        validate: () => {
          throw new Error('boom');
        },
      },
    };
    installContracts(
      bus,
      { events: { 'a:b': { schema: v.object({ name: v.string() }) }, 'a:c': { schema: throwing } } },
      { mode: 'reject' },
    );
    const payload = Object.defineProperty({}, 'name', {
      enumerable: true,
      get() {
        throw new Error('getter');
      },
    });
    expect(thrownBy(() => bus.publish('a:b', payload))).toMatchObject({
      message: 'event "a:b" (no app): the schema threw: getter',
    });
    expect(thrownBy(() => bus.publish('a:c', 1))).toMatchObject({
      message: 'event "a:c" (no app): the schema threw: boom',
    });
    expect(errors).toHaveLength(2);
  });

  it('read odd issues (a symbol in a path, a message that is not a string) and odd results', async () => {
    const { bus } = watchedBus();
    const symbol = Symbol('s');
    const odd = handWritten(() => [{ message: 42 as unknown as string, path: [symbol, { key: 3 }] }]);
    const nothing: StandardSchemaV1 = { '~standard': { version: 1, vendor: 'x', validate: () => null as never } };
    installContracts(
      bus,
      { events: { 'a:b': { schema: odd } }, requests: { 'a:c': { params: nothing } } },
      { mode: 'reject' },
    );
    expect(thrownBy(() => bus.publish('a:b', 1))).toMatchObject({
      issues: [{ message: '42', path: ['Symbol(s)', 3] }],
    });
    await expect(bus.request('a:c', 1)).rejects.toMatchObject({
      rule: 'params',
      message: expect.stringContaining('the schema threw'),
    });
  });
});
