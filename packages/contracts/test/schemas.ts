// The same contracts written with each kind of schema the package must accept: valibot, zod, and a
// hand-written Standard Schema object (what any other library, or none, provides).
import * as v from 'valibot';
import { z } from 'zod';
import type { StandardSchemaV1 } from '../src/standard-schema';

/** `{ item: non-empty string, quantity?: number = 1 }` in, `{ item, quantity }` out. */
export interface CartUpdate {
  item: string;
  quantity: number;
}

export interface SchemaKit {
  name: string;
  cart: StandardSchemaV1<unknown, CartUpdate>;
  /** A string; validates asynchronously. */
  asyncText: StandardSchemaV1<unknown, string>;
  /** A string, trimmed on the way through. */
  trimmed: StandardSchemaV1<unknown, string>;
}

type Issue = StandardSchemaV1.Issue;

/** A Standard Schema written by hand from a check that returns issues. */
export function handWritten<Output>(
  check: (value: unknown) => readonly Issue[] | { value: Output },
): StandardSchemaV1<unknown, Output> {
  return {
    '~standard': {
      version: 1,
      vendor: 'hand-written',
      validate(value) {
        const result = check(value);
        return 'value' in result ? { value: result.value } : { issues: result };
      },
    },
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

const handCart = handWritten<CartUpdate>((value) => {
  if (!isRecord(value)) return [{ message: 'expected an object', path: [] }];
  const issues: Issue[] = [];
  if (typeof value.item !== 'string' || value.item === '')
    issues.push({ message: 'expected a non-empty string', path: [{ key: 'item' }] });
  const quantity = value.quantity ?? 1;
  if (typeof quantity !== 'number') issues.push({ message: 'expected a number', path: ['quantity'] });
  return issues.length ? issues : { value: { item: value.item as string, quantity: quantity as number } };
});

export const KITS: SchemaKit[] = [
  {
    name: 'valibot',
    cart: v.object({ item: v.pipe(v.string(), v.minLength(1)), quantity: v.optional(v.number(), 1) }),
    asyncText: v.pipeAsync(
      v.string(),
      v.checkAsync(async () => true, 'never'),
    ),
    trimmed: v.pipe(v.string(), v.trim()),
  },
  {
    name: 'zod',
    cart: z.object({ item: z.string().min(1), quantity: z.number().default(1) }),
    asyncText: z.string().refine(async () => true),
    trimmed: z.string().trim(),
  },
  {
    name: 'hand-written',
    cart: handCart,
    asyncText: {
      '~standard': {
        version: 1,
        vendor: 'hand-written',
        validate: async (value) =>
          typeof value === 'string' ? { value } : { issues: [{ message: 'expected a string' }] },
      },
    },
    trimmed: handWritten<string>((value) =>
      typeof value === 'string' ? { value: value.trim() } : [{ message: 'expected a string' }],
    ),
  },
];
