// The copied interface must stay interchangeable with the spec's own types (@standard-schema/spec 1.1).
import type { StandardSchemaV1 as Spec, StandardJSONSchemaV1 } from '@standard-schema/spec';
import { describe, expectTypeOf, it } from 'vitest';
import type { StandardSchemaV1 } from './standard-schema';

describe('the copied Standard Schema interface', () => {
  it('accepts every spec schema, and is one', () => {
    expectTypeOf<Spec<string, number>>().toExtend<StandardSchemaV1<string, number>>();
    expectTypeOf<StandardSchemaV1<string, number>>().toExtend<Spec<string, number>>();
    expectTypeOf<Spec<string, number> & StandardJSONSchemaV1<string, number>>().toExtend<StandardSchemaV1>();
  });

  it('infers like the spec', () => {
    expectTypeOf<StandardSchemaV1.InferOutput<Spec<string, number>>>().toEqualTypeOf<
      Spec.InferOutput<Spec<string, number>>
    >();
    expectTypeOf<StandardSchemaV1.InferInput<Spec<string, number>>>().toEqualTypeOf<string>();
  });
});
