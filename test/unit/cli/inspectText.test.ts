// The text report names places as the source has them, and says when drift could not be checked.
import { describe, expect, it } from 'vitest';
import { bundledDomain } from '../../../src/engine/module/bundled';
import { formatInspection } from '../../../src/cli/inspectText';
import { inspectLog } from '../../../src/logs/inspectLog';
import type { InspectionReport } from '../../../src/logs/types';

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

  it('names a file\'s records by line, a store\'s by row and a broker\'s by message', async () => {
    const report = await reportOf([restocked(1, 2), reserved(3, 5)]);
    expect(formatInspection(report)).toMatch(/line 2 {2}gap/);
    expect(formatInspection(report)).toMatch(/line 2 {2}stock:tee@main {2}stock-non-negative/);
    expect(formatInspection({ ...report, framing: 'messages' })).toMatch(/message 2 {2}gap[\s\S]*message 2 {2}stock:tee@main/);
    expect(formatInspection({ ...report, framing: 'rows' })).toMatch(/row 2 {2}gap/);
  });

  it('says the same anomaly of many records once, with their lines and count', async () => {
    const text = formatInspection(await reportOf([restocked(1, 2), restocked(1, 2), restocked(1, 2), restocked(2, 1)]));
    expect(text).toContain('anomalies (2):\n    lines 2, 3  duplicate-id  event id "e1" appeared before (the same record again: a redelivery); not replayed again (2 records)\n');
    expect(text).not.toContain('more (--json lists them)');
  });
});
