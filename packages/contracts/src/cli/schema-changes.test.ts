// Rules the manifest fixtures do not reach on their own.
import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../manifest';
import { schemaChanges } from './schema-changes';

const changes = (before: JsonSchema, after: JsonSchema) => schemaChanges(before, after, 'payload');

describe('schemaChanges', () => {
  it('treats true as "anything" and false as "nothing"', () => {
    expect(changes(true, true)).toEqual([]);
    expect(changes({ type: 'string' }, true)).toEqual([]);
    expect(changes(false, { type: 'string' })).toEqual([]);
    expect(changes({ type: 'string' }, false)).toEqual(['payload: accepts nothing any more']);
    expect(changes(true, { type: 'string' })).toEqual(['payload: type changed from any to string']);
    expect(changes(true, { description: 'free text' })).toEqual([]);
  });

  it('compares every bound, both ways', () => {
    expect(changes({ exclusiveMinimum: 0 }, { exclusiveMinimum: 1 })).toEqual([
      'payload: exclusiveMinimum raised to 1',
    ]);
    expect(changes({ minItems: 2 }, { minItems: 1 })).toEqual([]);
    expect(changes({}, { maxProperties: 3 })).toEqual(['payload: maxProperties lowered to 3']);
    expect(changes({ maximum: 10 }, { maximum: 10 })).toEqual([]);
    expect(changes({ multipleOf: 2 }, { multipleOf: 4 })).toEqual(['payload: multipleOf is now 4']);
    expect(changes({ pattern: 'a' }, {})).toEqual([]);
  });

  it('compares const and enum with each other', () => {
    expect(changes({ const: 'a' }, { enum: ['a', 'b'] })).toEqual([]);
    expect(changes({ const: 'a' }, { enum: ['b'] })).toEqual(['payload: no longer accepts "a"']);
    expect(changes({ enum: [1, 2] }, { const: 1 })).toEqual(['payload: const is now 1']);
    expect(changes({ enum: [{ a: 1, b: 2 }] }, { enum: [{ b: 2, a: 1 }] })).toEqual([]);
  });

  it('walks nested objects, arrays and the schema of other fields', () => {
    const before = {
      type: 'object',
      properties: { lines: { type: 'array', items: { type: 'object', properties: { sku: { type: 'string' } } } } },
    };
    const after = {
      type: 'object',
      properties: { lines: { type: 'array', items: { type: 'object', properties: { sku: { type: 'number' } } } } },
    };
    expect(changes(before, after)).toEqual(['payload.lines[].sku: type changed from string to number']);
    expect(changes({ type: 'array' }, { type: 'array', items: { type: 'string' } })).toEqual([
      'payload[]: type changed from any to string',
    ]);
    expect(changes({ additionalProperties: { type: 'string' } }, { additionalProperties: { type: 'number' } })).toEqual(
      ['payload.*: type changed from string to number'],
    );
    expect(changes({ additionalProperties: false }, { additionalProperties: false })).toEqual([]);
  });

  it('fits each old alternative into a new one (anyOf, oneOf)', () => {
    const nullableString = { anyOf: [{ type: 'string' }, { type: 'null' }] };
    expect(changes({ type: 'string' }, nullableString)).toEqual([]);
    expect(changes(nullableString, { oneOf: [{ type: 'null' }, { type: 'string', maxLength: 5 }] })).toEqual([
      'payload: maxLength lowered to 5',
    ]);
    expect(
      changes(
        { anyOf: [{ type: 'string', minLength: 1 }, { type: 'number' }] },
        { anyOf: [{ type: 'number' }, { type: 'boolean' }] },
      ),
    ).toEqual(['payload: no longer accepts {"minLength":1,"type":"string"}']);
  });

  it('reports each field as a plain key, whatever its name', () => {
    // "constructor" is not a field of the old schema, though every object inherits one.
    const before = JSON.parse('{"properties": {"__proto__": {"type": "string"}}, "required": ["__proto__"]}');
    const after = JSON.parse('{"properties": {"__proto__": {"type": "number"}}, "required": ["constructor"]}');
    expect(changes(before, after)).toEqual([
      'payload: new required field "constructor"',
      'payload.__proto__: no longer required',
      'payload.__proto__: type changed from string to number',
    ]);
    const typeOnly = JSON.parse('{"properties": {"__proto__": {"type": "number"}}}');
    expect(changes(JSON.parse('{"properties": {"__proto__": {"type": "string"}}}'), typeOnly)).toEqual([
      'payload.__proto__: type changed from string to number',
    ]);
    expect(Object.prototype).not.toHaveProperty('type');
  });

  it('leaves keywords it cannot compare to a person, and ignores annotations', () => {
    expect(changes({ allOf: [{ type: 'string' }] }, { allOf: [{ type: 'number' }] })).toEqual([
      'payload: "allOf" changed, which this check cannot compare: review it by hand',
    ]);
    expect(changes({ title: 'a', examples: [1] }, { title: 'b', $comment: 'x' })).toEqual([]);
  });
});
