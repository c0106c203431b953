// A `duplicate-id` is not replayed and never the previous record of `out-of-order` or
// `time-reversal`, but its position is in the log: the gap check counts it as present
// (logs.md, "anomalies": a gap is a missing number).
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { inspectLog } from '../../../../src/logs/inspectLog';
import { inspectLogFile } from '../../../../src/logs/node/inspectLogFile';
import type { InspectionReport, InspectResult } from '../../../../src/logs/types';

const report = (r: InspectResult): InspectionReport => {
  if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.problems)}`);
  return r.report;
};
const inspect = async (records: object[]) => report(await inspectLog([records.map((r) => JSON.stringify(r)).join('\n') + '\n'], { source: 'dup.jsonl' }));
const found = (r: InspectionReport) => r.anomalies.map((a) => [a.line, a.kind, a.message]);

/** A Message DB row in stream `account-1` at stream position `position` (global positions may skip: never a gap). */
const row = (global: number, position: number, id: string, data: object = { amount: 1 }, second = global) => ({
  global_position: global,
  position,
  time: `2026-11-29T22:00:${String(second).padStart(2, '0')}`,
  stream_name: 'account-1',
  type: 'Deposited',
  data,
  metadata: null,
  id,
});
/** A purestream event (its `seq` is dense). */
const event = (seq: number, id: string, qty = 1) => ({ seq, id, type: 'ItemRestocked', at: seq, data: { sku: 'tee', qty, warehouse: 'main' } });

describe('a duplicate-id keeps its position in the log', () => {
  it('the Emmett fixture: only real missing positions are gaps, and nothing after a duplicate is out of order', async () => {
    const path = fileURLToPath(new URL('../../../fixtures/logs/duplicate-positions.emmett.jsonl', import.meta.url));
    const r = report(await inspectLogFile(path, { source: 'duplicate-positions.emmett.jsonl' }));
    expect(r.anomalies.map((a) => [a.line, a.kind, a.message, a.stream, a.position])).toEqual([
      [3, 'duplicate-id', 'event id "id-1" appeared before with different content; not replayed again', 'customer:a', '3'],
      [6, 'duplicate-id', 'event id "id-2" appeared before with different content; not replayed again', 'customer:b', '4'],
      [6, 'gap', 'position 2..3 in stream "customer:b" are missing', 'customer:b', '4'],
      [8, 'duplicate-id', 'event id "id-7" appeared before (the same record again: a redelivery); not replayed again', 'customer:b', '5'],
    ]);
  });

  it('a reused id filling the next stream position opens no gap at the record after it', async () => {
    const r = await inspect([row(1, 0, 'a'), row(2, 1, 'b'), row(3, 2, 'a', { amount: 9 }), row(4, 3, 'd')]);
    expect(found(r)).toEqual([[3, 'duplicate-id', 'event id "a" appeared before with different content; not replayed again']]);
  });

  it('a duplicate far ahead: its gap at it, and the record after it is compared with the record before it (in order)', async () => {
    const r = await inspect([row(1, 0, 'a'), row(2, 1, 'b'), row(3, 900, 'a', { amount: 9 }), row(4, 2, 'd'), row(5, 3, 'e')]);
    expect(found(r)).toEqual([
      [3, 'duplicate-id', 'event id "a" appeared before with different content; not replayed again'],
      [3, 'gap', 'position 2..899 in stream "account-1" are missing'],
    ]);
  });

  it('a duplicate whose time is far ahead makes no time-reversal of the next record', async () => {
    const r = await inspect([row(1, 0, 'a', undefined, 1), row(2, 1, 'b', undefined, 2), row(3, 2, 'a', { amount: 9 }, 59), row(4, 3, 'd', undefined, 4)]);
    expect(found(r)).toEqual([[3, 'duplicate-id', 'event id "a" appeared before with different content; not replayed again']]);
  });

  it('a duplicate behind the others is neither out of order nor the previous record of the next', async () => {
    // the redelivery of position 0 after 2: the next record (3) follows 2, not 0
    const r = await inspect([row(1, 0, 'a'), row(2, 1, 'b'), row(3, 2, 'c'), row(1, 0, 'a'), row(4, 3, 'd')]);
    expect(found(r)).toEqual([[4, 'duplicate-id', 'event id "a" appeared before (the same record again: a redelivery); not replayed again']]);
  });

  it('a time-reversal after a duplicate is still found, against the record before the duplicate', async () => {
    const r = await inspect([row(1, 0, 'a', undefined, 10), row(2, 1, 'b', undefined, 20), row(3, 2, 'a', { amount: 9 }, 5), row(4, 3, 'd', undefined, 15)]);
    expect(found(r)).toEqual([
      [3, 'duplicate-id', 'event id "a" appeared before with different content; not replayed again'],
      [4, 'time-reversal', 'time 2026-11-29T22:00:15Z after 2026-11-29T22:00:20Z in stream "account-1"'],
    ]);
  });

  it('dense global positions (a purestream seq) alike: a reused id at the next seq opens no gap', async () => {
    const r = await inspect([event(1, 'e1'), event(2, 'e2'), event(3, 'e1', 7), event(4, 'e4')]);
    expect(found(r)).toEqual([[3, 'duplicate-id', 'event id "e1" appeared before with different content; not replayed again']]);
  });

  it('a reused id jumping ahead in seq: the gap at it, and the seqs after it in order', async () => {
    const r = await inspect([event(1, 'e1'), event(2, 'e2'), event(5, 'e1', 7), event(6, 'e6'), event(3, 'e3')]);
    expect(found(r)).toEqual([
      [3, 'duplicate-id', 'event id "e1" appeared before with different content; not replayed again'],
      [3, 'gap', 'seq 3..4 are missing'],
      [5, 'out-of-order', 'seq 3 after seq 6'],
    ]);
  });
});
