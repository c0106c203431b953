// The text report names places as the source has them, and says when drift could not be checked.
import { describe, expect, it } from 'vitest';
import { bundledDomain } from '../../../src/engine/module/bundled';
import { formatInspection } from '../../../src/cli/inspectText';
import { inspectLog } from '../../../src/logs/inspectLog';
import type { InspectionReport } from '../../../src/logs/types';
import { readFileSync } from 'node:fs';
import { causationText } from '../../../renderer/lib/inspector/logFactsText';

const restocked = (seq: number, qty: number) => JSON.stringify({ seq, id: `e${seq}`, type: 'ItemRestocked', at: seq, data: { sku: 'tee', qty, warehouse: 'main' } });
const reserved = (seq: number, qty: number) => JSON.stringify({ seq, id: `e${seq}`, type: 'StockReserved', at: seq, data: { sku: 'tee', qty, warehouse: 'main', orderId: 'o1' } });

async function reportOf(lines: string[]): Promise<InspectionReport> {
  const r = await inspectLog([lines.join('\n') + '\n'], { domain: bundledDomain('commerce')!, source: 'events.jsonl' });
  if (!r.ok) throw new Error('refused');
  return r.report;
}

describe('the text report of an inspection', () => {
  it('says drift was not checked when the log records no commands', async () => {
    const text = formatInspection(await reportOf([restocked(1, 2)]));
    expect(text).toContain('decision drift: not checked (no command records were read from the log to decide again)');
    expect(text).not.toContain('decision drift: none');
  });

  it('names a file\'s records by line, a live source\'s by their position there (named as the source names it), else by their number in the read', async () => {
    const report = await reportOf([restocked(1, 2), reserved(3, 5)]);
    expect(formatInspection(report)).toMatch(/line 2 {2}gap/);
    expect(formatInspection(report)).toMatch(/line 2 {2}stock:tee@main {2}stock-non-negative/);
    // the same entries (global position 3) read from a store and a broker
    const from = (framing: string, pointer: string) => formatInspection({ ...report, framing, fieldsUsed: { ...report.fieldsUsed, globalPosition: pointer } });
    expect(from('rows', '/seq_id')).toMatch(/ seq_id 3 {2}gap[\s\S]* seq_id 3 {2}stock:tee@main {2}stock-non-negative/);
    expect(from('rows', '/global_position')).toMatch(/ global_position 3 {2}gap/);
    expect(from('messages', '/seq')).toMatch(/ sequence 3 {2}gap[\s\S]* sequence 3 {2}stock:tee@main/);
    // a Kafka offset is its partition's; a record without a position is named by its number in the read
    const kafka = { ...report, framing: 'messages', fieldsUsed: { ...report.fieldsUsed, globalPosition: '/offset' } };
    const anomalies = [
      { kind: 'duplicate-id' as const, line: 4, record: 4, message: 'offset 41 of source "orders-0" appeared before', globalPosition: '41', source: 'orders-0' },
      { kind: 'malformed' as const, line: 7, record: 7, message: 'not JSON' },
    ];
    expect(formatInspection({ ...kafka, anomalies })).toMatch(/ offset 41 of orders-0 {2}duplicate-id[\s\S]* message 7 {2}malformed/);
  });

  it('lists the positions a live read passed without a record, after its anomalies', async () => {
    const report = { ...(await reportOf([restocked(1, 2)])), framing: 'rows', skippedPositions: [{ first: '7', last: '8', message: 'positions 7..8 were never written: …' }] };
    expect(formatInspection(report)).toContain('  anomalies: none\n  skipped positions (1):\n    positions 7..8 were never written: …\n');
  });

  it('says the same anomaly of many records once, with their lines and count', async () => {
    const text = formatInspection(await reportOf([restocked(1, 2), restocked(1, 2), restocked(1, 2), restocked(2, 1)]));
    expect(text).toContain('anomalies (2):\n    lines 2, 3  duplicate-id  event id "e1" appeared before (the same record again: a redelivery); not replayed again (2 records)\n');
    expect(text).not.toContain('more (--json lists them)');
  });

  it('words the causation facts as the Logs view does: no root event means every event has a cause', async () => {
    const log = readFileSync('test/fixtures/modules/seats/seats-4w.jsonl', 'utf8');
    const r = await inspectLog([log], { source: 'seats-4w.jsonl' });
    if (!r.ok) throw new Error('refused');
    const text = formatInspection(r.report);
    expect(text).toContain('\n  causation: 0 root events (every event has a cause), 0 orphans, longest chain 1 link, 24 correlations\n');
    expect(text).toContain(`\n  causation: ${causationText(r.report.causation, r.report.events).text.replaceAll(' · ', ', ')}\n`);
    expect(text).not.toContain('0 roots');
  });

  it('says what roots and orphans are when there are some', async () => {
    const text = formatInspection({ ...(await reportOf([restocked(1, 2)])), causation: { roots: 1, orphans: 2, maxDepth: 0, correlations: 0 } });
    expect(text).toContain('\n  causation: 1 root event (with no cause), 2 orphans (causes not in the log), longest chain 0 links, 0 correlations\n');
  });

  it('says how many more streams there are in all, not how many more the report kept (it keeps 1,000)', async () => {
    const lines = Array.from({ length: 1200 }, (_, i) => JSON.stringify({ seq: i + 1, stream: `s-${i}`, streamSeq: 1, type: 'Added', data: {} }));
    const r = await inspectLog([lines.join('\n') + '\n'], { source: 'many.jsonl' });
    if (!r.ok) throw new Error('refused');
    expect(r.report.streams.length).toBeLessThan(1200);
    expect(formatInspection(r.report)).toMatch(/ {2}streams \(1,200\): s-0 1, .*, … 1,195 more\n/);
  });
});
