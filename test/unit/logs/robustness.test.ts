/** Readers under hostile input (issue "Any event log", item 8): deep nesting, oceans of whitespace, huge reports. */
import { describe, expect, it } from 'vitest';
import { bundledDomain } from '../../../src/engine/module/bundled';
import { inspectLog } from '../../../src/logs/inspectLog';
import { MAX_RECORD_DEPTH } from '../../../src/logs/logInspector';
import { reportJsonChunks } from '../../../src/logs/reportJson';

const commerce = bundledDomain('commerce')!;

describe('log readers on hostile input', () => {
  it('a record whose field nests thousands of levels deep is one malformed anomaly, not a stack overflow', async () => {
    const deep = `{"id":"x","type":"T","data":${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
    const text = `{"id":"a","type":"T","data":{}}\n${deep}\n{"id":"b","type":"T","data":{}}\n`;
    for (const framing of ['auto', 'concat'] as const) {
      const r = await inspectLog([text], { source: 'deep', skipInvalid: true, framing });
      if (!r.ok) throw new Error('refused');
      expect(r.report.events).toBe(2);
      expect(r.report.anomalies.map((a) => [a.kind, a.line, a.message])).toEqual([['malformed', 2, `the record nests more than ${MAX_RECORD_DEPTH} levels deep`]]);
    }
    // with a domain too (its validation and replay never see the record)
    const withDomain = await inspectLog([`{"seq":1,"id":"e","type":"OrderShipped","at":0,"data":{"orderId":${'['.repeat(5000)}${']'.repeat(5000)}}}`], { source: 'deep', domain: commerce, skipInvalid: true });
    expect(withDomain.ok && withDomain.report.anomalies.map((a) => a.kind)).toEqual(['malformed']);
  });

  it('a file of 600 MB of whitespace ends with no records, reading each chunk once', async () => {
    const chunk = ' \n\t\r'.repeat(1 << 18); // 1 MB
    let chunks = 0;
    async function* whitespace() {
      for (let i = 0; i < 600; i++) {
        chunks++;
        yield chunk;
      }
    }
    const r = await inspectLog(whitespace(), { source: 'blank' });
    expect(chunks).toBe(600);
    expect(r.ok && r.report.events).toBe(0);
    expect(r.ok && r.report.anomalies).toEqual([]);
  });

  it('writes a report with a big final state piece by piece: one stream per line, the same report parsed back', async () => {
    const text = Array.from({ length: 2000 }, (_, i) => JSON.stringify({ seq: i + 1, id: `e${i}`, type: 'ItemRestocked', at: i, data: { sku: `s${i}`, qty: 1, warehouse: 'main' } })).join('\n');
    const r = await inspectLog([text], { source: 'x', domain: commerce });
    if (!r.ok) throw new Error('refused');
    const pieces = [...reportJsonChunks(r.report)];
    // the final state comes in pieces of about 64 KB, a stream a line
    const state = pieces.findIndex((p) => p.includes('"finalState"'));
    expect(state).toBeGreaterThan(0);
    expect(pieces.length - state).toBeGreaterThan(2);
    expect(Math.max(...pieces.slice(state + 1).map((p) => p.length))).toBeLessThan(70_000);
    const json = pieces.join('');
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(r.report)));
    expect(json).toMatch(/\n    "stock:s0@main": \{"sku":"s0",[^\n]*\},\n/);
  });

  it('writes the final state the same from the state hash\'s member texts as from the aggregates, hostile stream ids too', async () => {
    const { withLazyFinalState, finalStateEntries, finalStateMembers } = await import('../../../src/logs/lazyFinalState');
    const skus = ['s"0', 's\u2028', 's\u0085', 'plain', '10'];
    const text = skus.map((sku, i) => JSON.stringify({ seq: i + 1, id: `e${i}`, type: 'ItemRestocked', at: i, data: { sku, qty: 2, warehouse: 'main' } })).join('\n');
    const r = await inspectLog([text], { source: 'x', domain: commerce });
    if (!r.ok) throw new Error('refused');
    expect(finalStateMembers(r.report)).toHaveLength(skus.length);
    const entries = [...finalStateEntries(r.report as { finalState: Readonly<Record<string, unknown>> })];
    const { finalState: _, ...rest } = r.report;
    const without = withLazyFinalState({ ...rest, finalState: {} }, () => Object.fromEntries(entries), entries.length, () => entries);
    expect([...reportJsonChunks(r.report)].join('')).toBe([...reportJsonChunks(without)].join(''));
  });
});

describe('reportJsonChunks', () => {
  it("writes final states with integer-like stream ids in the order of the state's keys", async () => {
    const { withLazyFinalState } = await import('../../../src/logs/lazyFinalState');
    const entries: [string, unknown][] = [['10', { a: 1 }], ['9', { b: [1, 2] }], ['__proto__', { c: null }], ['x', {}]];
    const report = withLazyFinalState({ format: 'x', stateHash: 'h', finalState: {} }, () => Object.fromEntries(entries), entries.length, () => entries);
    const text = [...reportJsonChunks(report)].join('');
    const parsed = JSON.parse(text);
    expect(Object.keys(parsed.finalState).sort()).toEqual(['10', '9', '__proto__', 'x'].sort());
    expect(text).toContain('"10": {"a":1},\n    "9": {"b":[1,2]}');
  });
});
