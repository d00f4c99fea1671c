// One definition gives the catalogue its types: a wrong payload is a compile error without call-site generics.
import type { Bus, Cleanup } from '@mfe-bus/core';
import * as v from 'valibot';
import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { defineContracts } from './define-contracts';
import { installContracts } from './install-contracts';
import type { InferEvents, InferRequests, InferState } from './types';
import type { ContractViolationError } from './violation-error';

// The `typed:` keys are this file's; other tests use keys outside the catalogue.
const contracts = defineContracts({
  events: {
    'typed:cart': {
      schema: v.object({ item: v.string(), quantity: v.optional(v.number(), 1) }),
      owner: ['react', 'vue'],
    },
  },
  state: { 'typed:theme': { schema: z.enum(['light', 'dark']), owner: 'shell', version: '1.0.0' } },
  requests: {
    'typed:permissions': { params: z.object({ userId: z.string() }), result: v.array(v.string()) },
    'typed:ping': {},
  },
});

declare module '@mfe-bus/core' {
  interface BusEvents extends InferEvents<typeof contracts> {}
  interface BusState extends InferState<typeof contracts> {}
  interface BusRequests extends InferRequests<typeof contracts> {}
}

declare const bus: Bus;

describe('InferEvents, InferState, InferRequests', () => {
  it("give each key its schema's output type", () => {
    expectTypeOf<InferEvents<typeof contracts>>().toEqualTypeOf<{ 'typed:cart': { item: string; quantity: number } }>();
    expectTypeOf<InferState<typeof contracts>>().toEqualTypeOf<{ 'typed:theme': 'light' | 'dark' }>();
    expectTypeOf<InferRequests<typeof contracts>>().toEqualTypeOf<{
      'typed:permissions': { params: { userId: string }; result: string[] };
      'typed:ping': { params: undefined; result: unknown };
    }>();
  });

  it('are empty for a missing section', () => {
    const eventsOnly = defineContracts({ events: {} });
    expectTypeOf<InferState<typeof eventsOnly>>().toEqualTypeOf<Record<never, never>>();
    expectTypeOf<InferRequests<typeof eventsOnly>>().toEqualTypeOf<Record<never, never>>();
  });

  it('type every call on the bus through the catalogue', () => {
    bus.publish('typed:cart', { item: 'book', quantity: 2 });
    // @ts-expect-error item must be a string
    bus.publish('typed:cart', { item: 1, quantity: 2 });
    // @ts-expect-error quantity is required in the output type the catalogue holds
    bus.publish('typed:cart', { item: 'book' });
    bus.subscribe('typed:cart', (payload) => {
      expectTypeOf(payload).toEqualTypeOf<{ item: string; quantity: number }>();
    });
    bus.scope('shell').setState('typed:theme', 'dark');
    // @ts-expect-error not a theme
    bus.setState('typed:theme', 'blue');
    expectTypeOf(bus.request('typed:permissions', { userId: 'u1' })).toEqualTypeOf<Promise<string[]>>();
    // @ts-expect-error params are required
    void bus.request('typed:permissions');
    expectTypeOf(bus.request('typed:ping')).toEqualTypeOf<Promise<unknown>>();
    bus.provide('typed:permissions', ({ userId }) => [userId]);
  });
});

describe('defineContracts and installContracts', () => {
  it('refuse what is not a contract at compile time too', () => {
    // @ts-expect-error a schema must be a Standard Schema
    defineContracts({ events: { 'a:b': { schema: { parse: () => 1 } } } });
    // @ts-expect-error owner is an app name or a list of them
    defineContracts({ state: { a: { schema: z.string(), owner: 1 } } });
    // @ts-expect-error an event contract needs a schema
    defineContracts({ events: { 'a:b': { owner: 'x' } } });
    // @ts-expect-error no such mode
    installContracts(bus, contracts, { mode: 'warn' });
    expectTypeOf(installContracts(bus, contracts, { mode: 'report', app: 'shell' })).toEqualTypeOf<Cleanup>();
  });

  it('type the error without any', () => {
    expectTypeOf<ContractViolationError['code']>().toEqualTypeOf<'CONTRACT_VIOLATION'>();
    expectTypeOf<ContractViolationError['source']>().toEqualTypeOf<string | null>();
    expectTypeOf<ContractViolationError['issues'][number]['path'][number]>().toEqualTypeOf<string | number>();
    expectTypeOf<ContractViolationError['kind']>().toEqualTypeOf<'event' | 'state' | 'request'>();
  });
});
