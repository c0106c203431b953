import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundledDomain } from '../../../src/engine/module/bundled';
import { canonicalJson } from '../../../src/engine/report/canonicalJson';
import { stateHash } from '../../../src/engine/report/stateHash';
import { compilePayloadSchema } from '../../../src/engine/module/payloadSchema';
import { inspectLog } from '../../../src/logs/inspectLog';
import { streamCountOf } from '../../../src/logs/lazyFinalState';
import { nodeSha256 } from '../../../src/logs/node/nodeHasher';
import { hashState, pureSha256 } from '../../../src/engine/report/stateHash';
import { int, object, str } from '../../../domain/kernel';

const commerce = bundledDomain('commerce')!;

const sortedKeys = (state: Map<string, unknown>) => [...state.keys()].sort();
const engineHash = (state: Map<string, unknown>) => stateHash(Object.fromEntries(state));

describe('hashState', () => {
  const aggregate = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.record({ sku: fc.string(), stock: fc.integer(), warehouse: fc.string() }));
  const state = fc.array(fc.tuple(fc.oneof(fc.string({ maxLength: 8 }), fc.nat(50).map(String)), aggregate), { maxLength: 20 }).map((entries) => new Map(entries));

  it('is the engine stateHash of the same state, on every serialization path', () => {
    fc.assert(
      fc.property(state, (s) => {
        expect(hashState(s, sortedKeys(s), pureSha256)).toBe(engineHash(s));
      }),
      { seed: 42, numRuns: 1500 },
    );
  });

  it('serializes many streams in chunks and hashes the same with node:crypto', () => {
    const s = new Map<string, unknown>();
    for (let i = 0; i < 12_000; i++) s.set(`order:o-${i}`, { orderId: `o-${i}`, status: 'placed', qty: i % 3, nested: { z: 1, a: [{ y: 2, b: null }] } });
    s.set('stock:tee@main', { warehouse: 'main', sku: 'tee', stock: 4 });
    const expected = engineHash(s);
    expect(hashState(s, sortedKeys(s), nodeSha256)).toBe(expected);
    expect(hashState(s, sortedKeys(s))).toBe(expected);
    expect(canonicalJson(Object.fromEntries(s)).length).toBeGreaterThan(1 << 20);
  });

  it('hashes the same when some chunks hold integer-like stream ids among thousands of others', () => {
    const s = new Map<string, unknown>();
    for (let i = 0; i < 3000; i++) s.set(`s${i}`, { a: i, b: 'x' });
    for (const id of ['0', '1', '42', '7x', '10', '4294967295']) s.set(id, { b: 1, a: id });
    s.set('__proto__', { z: [1, { y: 2, x: 3 }] });
    expect(hashState(s, sortedKeys(s), nodeSha256)).toBe(engineHash(s));
    expect(hashState(s, sortedKeys(s))).toBe(engineHash(s));
  });

  it('handles integer-like keys, "__proto__" keys and many distinct keys', () => {
    const wide: Record<string, number> = {};
    for (let i = 0; i < 100; i++) wide[`k${i}`] = i;
    const cases = [
      new Map<string, unknown>([['10', { b: 1, a: 2 }], ['9', { '2': 'x', '10': 'y' }]]),
      new Map<string, unknown>([['s', JSON.parse('{"__proto__": {"x": 1}, "a": 1}')]]),
      new Map<string, unknown>([['s', wide], ['t', { b: 1 }]]),
      // stream ids JSON must escape, and aggregates holding the text the fast path cuts chunks at
      new Map<string, unknown>([['a"b', { a: 1 }], ['c\\d', { b: ['\u0000purestream:next\u0000', 2] }], ['\ud800', 3], ['e\u0001', null]]),
      new Map<string, unknown>([['x', { a: '\u0000purestream:next\u0000' }], ['y', ['x', '\u0000purestream:next\u0000']]]),
      // keys already sorted at every depth (written as they are) next to unsorted ones (copied)
      new Map<string, unknown>([['p', { a: 1, b: { c: [{ d: 1, e: 2 }] } }], ['q', { b: 1, a: 2 }]]),
      // a stream named "__proto__" is a key like any other
      new Map<string, unknown>([['__proto__', { a: 1 }], ['_a', 2], ['constructor', { b: 1 }]]),
    ];
    for (const s of cases) expect(hashState(s, sortedKeys(s))).toBe(engineHash(s));
  });
});

describe('compiled schema', () => {
  it('agrees with its explanation on unknown, missing and optional fields', () => {
    const check = compilePayloadSchema(object({ sku: str('sku'), qty: int('units', { minimum: 1 }), warehouse: str('w') }, ['warehouse']));
    const verdict = (v: unknown) => [check.test(v), check.problems(v, 'data').map((p) => `${p.path}: ${p.message}`)];
    expect(verdict({ sku: 'a', qty: 1 })).toEqual([true, []]);
    expect(verdict({ sku: 'a', qty: 1, warehouse: 'main' })).toEqual([true, []]);
    expect(verdict({ sku: 'a', qty: 1, extra: 1 })).toEqual([false, ['data.extra: is not a known field']]);
    expect(verdict({ sku: 'a', qty: 0, warehouse: 'main', extra: 1 })).toEqual([false, ['data.qty: expected an integer >= 1, got 0', 'data.extra: is not a known field']]);
    expect(verdict({ sku: 'a' })).toEqual([false, ['data.qty: is required']]);
  });
});

describe('the report of a big log', () => {
  it('builds finalState only when read, in its place, and counts streams without it', async () => {
    const text = [1, 2, 3].map((seq) => JSON.stringify({ seq, id: `e${seq}`, type: 'ItemRestocked', at: seq, data: { sku: `s${seq}`, qty: 5, warehouse: 'main' } })).join('\n');
    const result = await inspectLog([text], { domain: commerce, source: 'x.jsonl', hasher: nodeSha256 });
    if (!result.ok) throw new Error('refused');
    expect(streamCountOf(result.report as never)).toBe(3);
    expect(Object.keys(result.report).slice(-2)).toEqual(['stateHash', 'finalState']);
    expect(JSON.parse(JSON.stringify(result.report)).finalState['stock:s2@main']).toEqual({ sku: 's2', warehouse: 'main', stock: 5 });
    expect(result.report.finalState).toBe(result.report.finalState);
    expect(result.report.stateHash).toBe(stateHash(result.report.finalState!));
  });
});
