/**
 * The fast payload predicate (src/engine/module/payloadTest.ts) answers exactly as
 * @cfworker/json-schema does, on generated schemas of the spec's subset and generated values
 * (fixed seeds), and leaves any other schema to the library.
 */
import { Validator } from '@cfworker/json-schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { payloadPredicate } from '../../../src/engine/module/payloadTest';

const library = (schema: unknown, value: unknown): boolean => {
  try {
    return new Validator(JSON.parse(JSON.stringify(schema)) as object, '2020-12', true).validate(value).valid;
  } catch {
    return false;
  }
};

const names = fc.constantFrom('a', 'b', 'qty', 'sku', 'x y', '~1', 'é');
const plain = fc.oneof(fc.string({ maxLength: 4 }), fc.integer({ min: -3, max: 3 }), fc.double({ min: -3, max: 3, noNaN: true }), fc.boolean(), fc.constant(null));
const { schema } = fc.letrec((tie) => ({
  schema: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record(
      {
        type: fc.oneof(fc.constantFrom('string', 'number', 'integer', 'boolean', 'object', 'array', 'null'), fc.subarray(['string', 'integer', 'null', 'object'], { minLength: 1 })),
        enum: fc.array(plain, { minLength: 1, maxLength: 3 }),
        minimum: fc.integer({ min: -2, max: 2 }),
        maximum: fc.integer({ min: -2, max: 2 }),
        minLength: fc.integer({ min: 0, max: 3 }),
        maxLength: fc.integer({ min: 0, max: 3 }),
        required: fc.uniqueArray(names, { maxLength: 2 }),
        properties: fc.dictionary(names, tie('schema'), { maxKeys: 3 }),
        additionalProperties: fc.oneof(fc.boolean(), tie('schema')),
        items: tie('schema'),
        description: fc.string(),
      },
      { requiredKeys: [] },
    ),
    fc.boolean(),
  ),
}));
const value = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small' }, plain, fc.constantFrom(Number.NaN, Infinity, 1.5, '😀', '\ud800x'), fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(names, tie('v'), { maxKeys: 3 })),
})).v;

describe('the fast payload predicate', () => {
  it('answers as @cfworker/json-schema on generated schemas and values', () => {
    fc.assert(
      fc.property(schema, fc.array(value, { minLength: 1, maxLength: 6 }), (s, values) => {
        const quick = payloadPredicate(s);
        expect(quick).toBeDefined();
        for (const v of values) expect(quick!(v), JSON.stringify({ s, v })).toBe(library(s, v));
      }),
      { seed: 20261130, numRuns: 3000 },
    );
  });

  it('says no to what is not JSON, where the library throws', () => {
    const quick = payloadPredicate({ type: 'object', properties: { a: { type: 'string' } } })!;
    expect(quick({ a: undefined })).toBe(false);
    expect(quick(undefined)).toBe(false);
    expect(quick({ a: () => 1 })).toBe(false);
    expect(quick({ b: undefined })).toBe(true);
    for (const type of ['object', 'string', 'number', 'integer', 'boolean', 'array', 'null', ['string', 'null']]) {
      const typed = payloadPredicate({ type })!;
      for (const v of [undefined, () => 1, 1n, Symbol('s')]) expect(typed(v), `${String(type)} of ${typeof v}`).toBe(false);
    }
    expect(payloadPredicate({ minimum: 1 })!(undefined)).toBe(false);
  });

  it('leaves schemas outside the subset to the library', () => {
    for (const s of [{ format: 'date-time' }, { const: 1 }, { pattern: 'a' }, { anyOf: [] }, { enum: [{ a: 1 }] }, { items: [{}] }, { properties: { a: { $ref: '#' } } }]) expect(payloadPredicate(s)).toBeUndefined();
  });
});
