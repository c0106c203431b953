/**
 * Choosing between `kafka` and `debezium` for a `kcat -J` dump: a tombstone (a message without a
 * value) fits both, so a dump that begins with tombstones only — the head of a compacted topic —
 * is any topic's and read as `kafka` (it was read as `debezium` and refused, its messages
 * `unmapped`), while change events with Debezium's tombstones between them are `debezium`'s.
 */
import { describe, expect, it } from 'vitest';
import { inspectLog } from '../../../src/logs/inspectLog';

const message = (offset: number, payload: unknown) => JSON.stringify({ topic: 'orders', partition: 0, offset, key: `o-${offset}`, payload: payload === null ? null : JSON.stringify(payload), ts: 1700000000000 + offset });
const tombstone = (offset: number) => message(offset, null);
const change = (offset: number) => message(offset, { before: null, after: { id: `o-${offset}`, total: 5 }, source: { table: 'orders', lsn: 100 + offset }, op: 'c', ts_ms: 1700000000000 + offset });

async function read(lines: readonly string[]) {
  const result = await inspectLog([lines.join('\n') + '\n'], { source: 'dump.jsonl' });
  if (!result.ok) throw new Error(result.reason);
  return result.report;
}

describe('kafka or debezium, from a sample holding tombstones', () => {
  it('reads a dump that begins with 16 tombstones as kafka, its events read', async () => {
    const lines = [...Array.from({ length: 16 }, (_, i) => tombstone(i)), ...[16, 17, 18, 19].map((o) => message(o, { type: 'OrderPlaced', id: `e${o}` }))];
    const report = await read(lines);
    expect([report.profile, report.events, report.tombstones]).toEqual(['kafka', 4, 16]);
    expect(report.anomalies).toEqual([]);
  });

  it('reads change events with tombstones between them as debezium, however many tombstones', async () => {
    const lines = [change(0), tombstone(1), tombstone(2), tombstone(3), change(4), tombstone(5)];
    const report = await read(lines);
    expect([report.profile, report.events, report.tombstones]).toEqual(['debezium', 2, 4]);
  });
});
