/** Issue 17.7: states and reports of any size are hashed and written streamed, with the hashes they always had. */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reportJsonPieces } from '../../../../src/cli/deliverReport';
import { canonicalJson } from '../../../../src/engine/report/canonicalJson';
import { jsonPieces, PIECE_CHARS } from '../../../../src/engine/report/jsonWriter';
import { hashState, pureSha256, stateHash } from '../../../../src/engine/report/stateHash';
import { runScenario } from '../../../../src/engine/run';
import { nodeSha256 } from '../../../../src/logs/node/nodeHasher';
import { scenario } from '../sim/scenarios';

/** The oracle: canonical JSON as the first engine wrote it, recursively, as one string. */
function oracleCanonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${Array.from(value, (v) => (v === undefined ? 'null' : oracleCanonical(v))).join(',')}]`;
  const record = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of Object.keys(record).sort()) if (record[key] !== undefined) parts.push(`${JSON.stringify(key)}:${oracleCanonical(record[key])}`);
  return `{${parts.join(',')}}`;
}
const oracleHash = (state: unknown) => createHash('sha256').update(oracleCanonical(state), 'utf8').digest('hex');
const joined = (pieces: Iterable<string>) => [...pieces].join('');

const value = fc.anything({ withNullPrototype: true, withSparseArray: true, withObjectString: false, withBoxedValues: false, withMap: false, withSet: false, withTypedArray: false, withDate: false, withBigInt: false });

describe('the streamed JSON writer', () => {
  it('writes exactly JSON.stringify(value, null, 2), and canonical JSON exactly as the oracle', () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(joined(jsonPieces(v, { indent: 2 }))).toBe(JSON.stringify(v, null, 2) ?? 'null');
        expect(canonicalJson(v)).toBe(oracleCanonical(v));
      }),
      { seed: 17, numRuns: 3000 },
    );
  });

  it('cuts strings longer than a piece between code points, and escapes C1 controls only when asked', () => {
    const long = 'a'.repeat(PIECE_CHARS - 1) + '😀' + 'é\u0001"\u009b'.repeat(300_000);
    expect(canonicalJson({ s: long })).toBe(oracleCanonical({ s: long }));
    expect(joined(jsonPieces([long, { k: long }], { indent: 2 }))).toBe(JSON.stringify([long, { k: long }], null, 2));
    expect(joined(reportJsonPieces({ name: 'a\u009bb' }))).toBe('{\n  "name": "a\\u009bb"\n}\n');
  });

  it('hashes every shape of state as before: native chunks, sorted copies, streamed', () => {
    const key = fc.oneof(fc.string({ maxLength: 8 }), fc.nat(50).map(String), fc.constantFrom('__proto__', 'a"b', '\u0001', '😀'));
    const aggregate = fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.record({ z: fc.integer(), a: fc.array(fc.record({ y: fc.string(), b: fc.constant(null) })) }));
    fc.assert(
      fc.property(fc.array(fc.tuple(key, aggregate), { maxLength: 30 }), (entries) => {
        const state = new Map(entries);
        const expected = oracleHash(Object.fromEntries(state));
        expect(hashState(state, [...state.keys()].sort(), pureSha256)).toBe(expected);
        expect(stateHash(Object.fromEntries(state), nodeSha256)).toBe(expected);
      }),
      { seed: 17, numRuns: 1000 },
    );
  });
});

describe('a state past V8\'s longest string: ten orders sharing a 60 MB customer id', () => {
  it('runs, hashes, and its report is written in pieces (the JSON is longer than any string can be)', () => {
    const customerId = 'u'.repeat(60_000_000);
    const s = scenario({
      setup: [{ type: 'RestockItem', data: { sku: 'tee', qty: 10 } }],
      commands: [{ repeat: 10, template: { type: 'PlaceOrder', data: { orderId: 'o-{n}', customerId, sku: 'tee', qty: 1 } } }],
    });
    const { report } = runScenario(s, { trace: false, services: { hasher: nodeSha256 } });
    // SHA-256 of '{"order:o-1":{"customerId":"uuu…","orderId":"o-1",…},…,"stock:tee@main":{"sku":"tee","stock":0,"warehouse":"main"}}'
    expect(report.runs[0].stateHash).toBe('b19d97dcc102963dcc922c7061a7edc4a0d4bcb3f2006132d3823b195e7f0fd4');
    let length = 0;
    let longest = 0;
    for (const piece of reportJsonPieces(report)) {
      length += piece.length;
      longest = Math.max(longest, piece.length);
    }
    expect(length).toBeGreaterThan(2 ** 29);
    expect(longest).toBeLessThanOrEqual(2 * PIECE_CHARS);
  });
});
