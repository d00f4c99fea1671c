import { toJsonSchema } from '@valibot/to-json-schema';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { KITS } from '../test/schemas';
import { contractsManifest } from './manifest';
import type { StandardSchemaV1 } from './standard-schema';

describe('contractsManifest', () => {
  it('lists keys, owners, versions, deprecations and sensitivity, sorted, as plain JSON', () => {
    const schema = KITS[2]!.cart; // hand-written: no JSON Schema form
    const manifest = contractsManifest({
      events: {
        'cart:updated': { schema, owner: ['vue', 'react'], version: '2.1.0' },
        'auth:token': { schema, sensitive: true },
      },
      state: { theme: { schema, deprecated: 'use ui:theme' } },
      requests: { 'user:permissions': { owner: 'auth' } },
    });
    expect(manifest).toEqual({
      manifest: 1,
      events: { 'auth:token': { sensitive: true }, 'cart:updated': { owner: ['react', 'vue'], version: '2.1.0' } },
      state: { theme: { deprecated: 'use ui:theme' } },
      requests: { 'user:permissions': { owner: ['auth'] } },
    });
    expect(Object.keys(manifest.events)).toEqual(['auth:token', 'cart:updated']);
    expect(JSON.parse(JSON.stringify(manifest))).toEqual(manifest);
  });

  it("takes each schema's JSON Schema from Standard Schema's JSON Schema extension (zod)", () => {
    const manifest = contractsManifest({
      requests: { 'user:permissions': { params: z.object({ userId: z.string() }), result: z.array(z.string()) } },
    });
    expect(manifest.requests['user:permissions']).toEqual({
      params: {
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        type: 'object',
        properties: { userId: { type: 'string' } },
        required: ['userId'],
      },
      result: { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'array', items: { type: 'string' } },
    });
  });

  it('takes it from options.toJsonSchema for libraries without the extension (valibot)', () => {
    const manifest = contractsManifest(
      { state: { theme: { schema: v.picklist(['light', 'dark']) } } },
      { toJsonSchema: (schema) => toJsonSchema(schema as v.GenericSchema) },
    );
    expect(manifest.state.theme?.schema).toMatchObject({ enum: ['light', 'dark'] });
  });

  it('leaves out a schema that has no JSON Schema form, or whose converter throws', () => {
    const refusing: StandardSchemaV1 = {
      '~standard': {
        version: 1,
        vendor: 'x',
        validate: (value) => ({ value }),
        jsonSchema: {
          input: () => {
            throw new Error('no');
          },
          output: () => ({}),
        },
      },
    };
    const manifest = contractsManifest({ events: { 'a:b': { schema: refusing }, 'a:c': { schema: z.date() } } });
    expect(manifest.events).toEqual({ 'a:b': {}, 'a:c': {} });
  });

  it('keeps a "__proto__" key as a key, and refuses a malformed set like defineContracts', () => {
    const schema = KITS[2]!.trimmed;
    const state = JSON.parse('{"__proto__": {"version": "1.0.0"}}');
    Object.getOwnPropertyDescriptor(state, '__proto__')!.value.schema = schema;
    const manifest = contractsManifest({ state });
    expect(Object.hasOwn(manifest.state, '__proto__')).toBe(true);
    expect(JSON.stringify(manifest.state)).toBe('{"__proto__":{"version":"1.0.0"}}');
    expect(() => contractsManifest({ sate: {} } as never)).toThrow('contracts.sate must be events, state or requests');
  });
});
