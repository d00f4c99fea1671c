import { InvalidArgumentError } from '@mfe-bus/core';
import { describe, expect, it } from 'vitest';
import { KITS } from '../test/schemas';
import { defineContracts } from './define-contracts';

const schema = KITS[0]!.cart;

describe('defineContracts', () => {
  it('returns a well-formed set as it is, with schemas of every kind', () => {
    const contracts = {
      events: Object.fromEntries(
        KITS.map((kit) => [`cart:${kit.name}`, { schema: kit.cart, owner: ['a', 'b'], version: '1.0.0' }]),
      ),
      state: { theme: { schema, owner: 'shell', deprecated: 'use ui:theme', sensitive: false } },
      requests: {
        'user:permissions': { params: schema, result: schema, owner: 'auth', version: '0.1.0-beta.2' },
        'ping:me': {},
      },
    };
    expect(defineContracts(contracts)).toBe(contracts);
    expect(defineContracts({})).toEqual({});
  });

  it.each([
    [null, 'contracts must be an object'],
    [[], 'contracts must be an object'],
    [{ event: {} }, 'contracts.event must be events, state or requests'],
    [{ events: [] }, 'contracts.events must be an object'],
    [{ events: { 'a:b': null } }, 'contracts.events["a:b"] must be an object'],
    [{ events: { 'a:b': {} } }, 'contracts.events["a:b"].schema must be a Standard Schema'],
    [{ events: { 'a:b': { schema: {} } } }, 'contracts.events["a:b"].schema must be a Standard Schema'],
    [{ events: { 'a:b': { schema: { '~standard': {} } } } }, '.schema must be a Standard Schema'],
    [{ events: { 'a:*': { schema } } }, 'contracts.events["a:*"] must be under a topic or key name'],
    [{ state: { '': { schema } } }, 'contracts.state[""] must be under a topic or key name'],
    [
      { state: { theme: { schema, owner: 7 } } },
      'contracts.state["theme"].owner must be an app name or a list of them',
    ],
    [{ state: { theme: { schema, owner: [] } } }, '.owner must be an app name or a list of them'],
    [{ state: { theme: { schema, owner: ['a', ''] } } }, '.owner must be an app name'],
    [{ state: { theme: { schema, version: '2' } } }, 'contracts.state["theme"].version must be major.minor.patch'],
    [{ state: { theme: { schema, deprecated: true } } }, '.deprecated must be a string'],
    [{ state: { theme: { schema, sensitive: 'yes' } } }, '.sensitive must be a boolean'],
    [
      { state: { theme: { schema, ownr: 'a' } } },
      'contracts.state["theme"].ownr must be one of owner, version, deprecated, schema, sensitive',
    ],
    [{ requests: { 'a:b': { params: 1 } } }, 'contracts.requests["a:b"].params must be a Standard Schema'],
    [
      { requests: { 'a:b': { sensitive: true } } },
      'contracts.requests["a:b"].sensitive must be one of owner, version, deprecated, params, result',
    ],
  ])('refuses %j: %s', (contracts, message) => {
    expect(() => defineContracts(contracts as never)).toThrow(InvalidArgumentError);
    expect(() => defineContracts(contracts as never)).toThrow(message);
  });

  it('treats hostile keys as plain keys: "__proto__" as a section or field is unknown, as a key it is a key', () => {
    expect(() => defineContracts(JSON.parse('{"__proto__": {}}'))).toThrow(
      'contracts.__proto__ must be events, state or requests',
    );
    expect(() => defineContracts(JSON.parse('{"state": {"t": {"constructor": 1}}}') as never)).toThrow(
      'contracts.state["t"].constructor must be one of',
    );
    const hostile = { state: JSON.parse('{"__proto__": {}}') };
    Object.getOwnPropertyDescriptor(hostile.state, '__proto__')!.value.schema = schema;
    expect(defineContracts(hostile)).toBe(hostile);
    expect(Object.prototype).not.toHaveProperty('schema');
  });
});
