/**
 * A map's `data` pointers into a payload held as JSON text parse that text once per record,
 * however many pointers read it (README, "Payloads in a string"), and read what they read before.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compilePointer, resolvePointer } from '../../../../src/logs/json/pointer';
import { mappedPayload } from '../../../../src/logs/profiles';

const pointers = (members: Record<string, string>) => new Map(Object.entries(members).map(([m, p]) => [m, compilePointer(p)]));

afterEach(() => vi.restoreAllMocks());

describe('mappedPayload through a JSON string', () => {
  const payload = JSON.stringify({ orderId: 'o-1', customer: { id: 'c-7' }, lines: [{ sku: 'tee', qty: 2 }], total: 40 });
  const record = { after: { payload }, op: 'c' };

  it('parses the string once for four pointers into it, and finds every member', () => {
    const parse = vi.spyOn(JSON, 'parse');
    const out = mappedPayload(pointers({ orderId: '/after/payload/orderId', customerId: '/after/payload/customer/id', sku: '/after/payload/lines/0/sku', total: '/after/payload/total' }), record);
    expect(out).toEqual({ orderId: 'o-1', customerId: 'c-7', sku: 'tee', total: 40 });
    expect(parse).toHaveBeenCalledTimes(1);
  });

  it('parses each record once: two records, two parses', () => {
    const map = pointers({ orderId: '/after/payload/orderId', total: '/after/payload/total' });
    const parse = vi.spyOn(JSON, 'parse');
    mappedPayload(map, record);
    mappedPayload(map, { after: { payload: JSON.stringify({ orderId: 'o-2', total: 5 }) } });
    expect(parse).toHaveBeenCalledTimes(2);
  });

  it('a string that is no JSON is tried once, and its pointers find nothing', () => {
    const parse = vi.spyOn(JSON, 'parse');
    const out = mappedPayload(pointers({ a: '/p/a', b: '/p/b', c: '/q' }), { p: '{not json', q: 1 });
    expect(out).toEqual({ c: 1 });
    expect(parse).toHaveBeenCalledTimes(1);
  });

  it('in the prepared record first, else the record as written, as before', () => {
    const prepared = { data: { total: 1 } };
    const out = mappedPayload(pointers({ total: '/data/total', orderId: '/after/payload/orderId' }), record, prepared);
    expect(out).toEqual({ total: 1, orderId: 'o-1' });
  });

  it('resolvePointer without a cache still reads through strings', () => {
    expect(resolvePointer({ s: '[1,{"x":2}]' }, compilePointer('/s/1/x'), true)).toBe(2);
    expect(resolvePointer({ s: '[1,{"x":2}]' }, compilePointer('/s/1/x'))).toBeUndefined();
  });
});
