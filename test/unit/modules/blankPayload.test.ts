import { describe, expect, it } from 'vitest';
import { blankOf, compilePayloadSchema } from '../../../src/engine/module/payloadSchema';
import { bundledDomains } from '../../../src/engine/module/bundled';

describe('a new command from a form', () => {
  it('starts valid by its schema in every bundled domain but for the text the user types (numbers at their minimum)', () => {
    for (const domain of bundledDomains)
      for (const [type, schema] of Object.entries(domain.commandSchemas)) {
        const problems = compilePayloadSchema(schema).problems(blankOf(schema), 'data');
        expect(problems.filter((p) => p.message !== 'expected a non-empty string'), `${domain.id} ${type}`).toEqual([]);
      }
  });

  it('gives commerce orders and restocks one unit, not zero (which the rules reject)', () => {
    const commerce = bundledDomains.find((d) => d.id === 'commerce')!;
    expect(blankOf(commerce.commandSchemas.PlaceOrder).qty).toBe(1);
    expect(blankOf(commerce.commandSchemas.RestockItem).qty).toBe(1);
    expect(compilePayloadSchema(commerce.commandSchemas.PlaceOrder).problems({ orderId: 'o', customerId: 'c', sku: 's', qty: 0, warehouse: 'main' }, 'data')).toEqual([{ path: 'data.qty', message: 'expected an integer >= 1, got 0' }]);
  });
});
