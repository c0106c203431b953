// One misplaced record gives one anomaly: `out-of-order` compares a position with the previous
// record of its stream or source, `gap` with the highest position so far (logs.md, "anomalies").
import { describe, expect, it } from 'vitest';
import { inspectLog } from '../../../../src/logs/inspectLog';
import type { InspectionReport, InspectResult } from '../../../../src/logs/types';

const report = (r: InspectResult): InspectionReport => {
  if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.problems)}`);
  return r.report;
};
const inspect = async (records: object[]) => report(await inspectLog([records.map((r) => JSON.stringify(r)).join('\n') + '\n'], { source: 'order.jsonl' }));
const found = (r: InspectionReport) => r.anomalies.map((a) => [a.line, a.kind, a.message]);

/** A Message DB row; each in its own stream unless `stream` is given (then `position` is its stream position). */
const row = (global: number, id = `m${global}`, stream = `account-${id}`, position = 0) => ({
  global_position: global,
  position,
  time: '2026-11-29T22:09:47.13252',
  stream_name: stream,
  type: 'Deposited',
  data: { amount: 1 },
  metadata: null,
  id,
});
const rows = (globals: number[]) => globals.map((g) => row(g));
const kcat = (offset: number) => ({ topic: 'loans', partition: 0, offset, ts: 1767607200000, key: `k${offset}`, payload: JSON.stringify({ type: 'BookLent' }) });

describe('out-of-order on global positions (per source)', () => {
  it('one far jump ahead: one anomaly, at the record after it', async () => {
    const r = await inspect(rows([1, 2, 3, 900000, 4, 5, 6]));
    expect(found(r)).toEqual([[5, 'out-of-order', 'global position 4 after global position 900000']]);
  });

  it('a thousand records after the jump still give one', async () => {
    const r = await inspect(rows([1, 900000, ...Array.from({ length: 1000 }, (_, i) => i + 2)]));
    expect(r.anomalies).toHaveLength(1);
  });

  it('one late record: one anomaly, at it', async () => {
    const r = await inspect(rows([1, 2, 4, 3, 5]));
    expect(found(r)).toEqual([[4, 'out-of-order', 'global position 3 after global position 4']]);
  });

  it('a redelivered block (the same ids again) is duplicates only, and the order goes on from before it', async () => {
    const r = await inspect(rows([1, 2, 3, 1, 2, 3, 4]));
    expect(r.anomalies.map((a) => [a.line, a.kind, a.identical])).toEqual([
      [4, 'duplicate-id', true],
      [5, 'duplicate-id', true],
      [6, 'duplicate-id', true],
    ]);
  });

  it('a block written again under new ids: one anomaly, where the positions restart', async () => {
    const r = await inspect([1, 2, 3, 1, 2, 3, 4].map((g, i) => row(g, `m${i}`)));
    expect(found(r)).toEqual([[4, 'out-of-order', 'global position 1 after global position 3']]);
  });

  it('a repeated position right after itself is "again"', async () => {
    const r = await inspect([row(1), row(2), row(2, 'other'), row(3)]);
    expect(found(r)).toEqual([[3, 'out-of-order', 'global position 2 again']]);
  });

  it('Kafka offsets (no ids, so the offset is the identity) behave alike', async () => {
    const r = await inspect([0, 1, 2, 900000, 3, 4].map(kcat));
    expect(found(r)).toEqual([[5, 'out-of-order', 'offset 3 after offset 900000 of source "loans-0"']]);
  });

  it('dense positions (a purestream seq): the jump is one gap, the return one out-of-order', async () => {
    const r = await inspect([1, 2, 3, 900000, 4, 5].map((seq) => ({ seq, id: `e${seq}`, type: 'T', at: seq, data: {} })));
    expect(found(r)).toEqual([
      [4, 'gap', 'seq 4..899999 are missing'],
      [5, 'out-of-order', 'seq 4 after seq 900000'],
    ]);
  });

  it('big positions (beyond 15 digits) follow the same rule', async () => {
    const big = (n: bigint) => ({ ...row(0, `b${n}`), global_position: `${10n ** 20n + n}` });
    const r = await inspect([big(1n), big(2n), big(900000n), big(3n), big(4n)]);
    expect(found(r)).toEqual([[4, 'out-of-order', 'global position 100000000000000000003 after global position 100000000000000900000']]);
  });
});

describe('out-of-order on stream positions (per stream), consistent with global positions', () => {
  const inStream = (positions: number[]) => positions.map((p, i) => row(i + 1, `m${i}`, 'account-1', p));

  it('one far jump ahead: one gap at it (positions are dense), one out-of-order after it', async () => {
    const r = await inspect(inStream([0, 1, 2, 900000, 3, 4, 5]));
    expect(found(r)).toEqual([
      [4, 'gap', 'position 3..899999 in stream "account-1" are missing'],
      [5, 'out-of-order', 'position 3 after position 900000 in stream "account-1"'],
    ]);
  });

  it('one late record: its gap, and one out-of-order at it; the next is in order', async () => {
    const r = await inspect(inStream([0, 1, 3, 2, 4]));
    expect(found(r)).toEqual([
      [3, 'gap', 'position 2 in stream "account-1" is missing'],
      [4, 'out-of-order', 'position 2 after position 3 in stream "account-1"'],
    ]);
  });

  it('positions restarting under new ids: one anomaly', async () => {
    const r = await inspect(inStream([0, 1, 2, 0, 1, 2, 3]));
    expect(found(r)).toEqual([[4, 'out-of-order', 'position 0 after position 2 in stream "account-1"']]);
  });
});

describe('time-reversal (per stream) follows the same rule', () => {
  const at = (seconds: number[]) => seconds.map((s, i) => ({ ...row(i + 1, `m${i}`, 'account-1', i), time: `2026-11-29T22:00:${String(s).padStart(2, '0')}` }));

  it('one time far ahead: one reversal, at the record after it', async () => {
    const r = await inspect(at([1, 2, 59, 3, 4, 5]));
    expect(found(r)).toEqual([[4, 'time-reversal', 'time 2026-11-29T22:00:03Z after 2026-11-29T22:00:59Z in stream "account-1"']]);
  });

  it('one late record: one reversal, at it', async () => {
    const r = await inspect(at([1, 2, 4, 3, 5]));
    expect(found(r)).toEqual([[4, 'time-reversal', 'time 2026-11-29T22:00:03Z after 2026-11-29T22:00:04Z in stream "account-1"']]);
  });
});
