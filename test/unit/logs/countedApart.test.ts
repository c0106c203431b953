// The trial's logs: records counted apart take no part in the facts of events; a Kafka record read
// twice is a redelivery; a tombstone keeps its place in its partition's order (logs.md, sources.md).
import { describe, expect, it } from 'vitest';
import { inspectLog } from '../../../src/logs/inspectLog';
import type { InspectionReport, InspectResult } from '../../../src/logs/types';
import { apartParts, streamsText } from '../../../src/logs/apartText';
import { whyNothingRead } from '../../../src/logs/nothingRead';

const report = (r: InspectResult): InspectionReport => {
  if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.problems)}`);
  return r.report;
};
const inspect = async (records: object[]) => report(await inspectLog([records.map((r) => JSON.stringify(r)).join('\n') + '\n'], { source: 'trial.jsonl', skipInvalid: true }));

const emmett = (position: number, global: number, kind: string, type: string, extra: object = {}) => ({
  stream_id: 'book:dune',
  stream_position: position,
  partition: 'global',
  message_kind: kind,
  message_data: { bookId: 'dune' },
  message_metadata: {},
  message_type: type,
  message_id: `m${global}`,
  global_position: global,
  created: `2026-01-05 10:00:0${global}+00`,
  ...extra,
});
const kcat = (offset: number, payload: unknown, partition = 0) => ({ topic: 'loans', partition, offset, ts: 1767607200000 + offset, key: 'dune', payload: payload === null ? null : JSON.stringify(payload) });
const marten = (seq: number, version: number, archived: boolean, causation: string | null = null) => ({
  seq_id: seq,
  id: `00000000-0000-4000-8000-00000000000${seq}`,
  stream_id: 'book-1',
  version,
  data: { BookId: 'dune' },
  type: 'book_lent',
  timestamp: `2026-01-0${seq}T10:00:00+00:00`,
  correlation_id: null,
  causation_id: causation,
  headers: null,
  is_archived: archived,
});

describe('records counted apart', () => {
  it('an Emmett command row is no root, no stream event and outside the time range, but keeps its stream position', async () => {
    const r = await inspect([emmett(1, 1, 'E', 'BookAdded'), emmett(2, 2, 'C', 'Lend'), emmett(3, 3, 'E', 'BookLent')]);
    expect(r.events).toBe(2);
    expect(r.otherRecords).toBe(1);
    expect(r.causation.roots).toBe(2);
    expect(r.streams[0]).toMatchObject({ stream: 'book:dune', events: 2 });
    expect(r.anomalies).toEqual([]);
  });

  it('a Marten archived event counts apart: not in its stream\'s events, the time range or the roots', async () => {
    const r = await inspect([marten(1, 1, false), marten(2, 2, false, '00000000-0000-4000-8000-000000000001'), marten(3, 3, true)]);
    expect(r.events).toBe(2);
    // archived, not "other": otherRecords keeps a store's non-archived rows
    expect([r.archivedRecords, r.otherRecords]).toEqual([1, 0]);
    expect(r.streams[0].events).toBe(2);
    // its stream has events: not one without
    expect([r.streamsWithoutEvents, r.streamsArchivedOnly]).toEqual([undefined, undefined]);
    expect(r.causation.roots).toBe(1);
    expect(r.timeRange).toEqual({ first: '2026-01-01T10:00:00Z', last: '2026-01-02T10:00:00Z' });
  });

  it('a stream whose records are all archived is counted as one without events, and said apart (text and JSON alike)', async () => {
    const archivedStream = { ...marten(4, 1, true), stream_id: 'book-2', id: '00000000-0000-4000-8000-000000000009' };
    const r = await inspect([marten(1, 1, false), marten(2, 2, false), archivedStream]);
    expect(r).toMatchObject({ events: 2, archivedRecords: 1, otherRecords: 0, streamCount: 2, streamsWithoutEvents: 1, streamsArchivedOnly: 1 });
    expect(r.streams.find((s) => s.stream === 'book-2')?.events).toBe(0);
    expect(apartParts(r)).toEqual([[1, '1 archived record']]);
    expect(streamsText(r)).toBe('1 stream with events · 1 with archived records only');
  });

  it("an Emmett stream of command rows only is one without events, not archived; an archived command row is another record", async () => {
    const r = await inspect([emmett(1, 1, 'E', 'BookAdded'), { ...emmett(1, 2, 'C', 'Lend'), stream_id: 'book:tide' }, { ...emmett(2, 3, 'C', 'Lend'), stream_id: 'book:tide', is_archived: true }]);
    expect(r).toMatchObject({ events: 1, otherRecords: 2, streamCount: 2, streamsWithoutEvents: 1 });
    expect(r.archivedRecords).toBeUndefined();
    expect(r.streamsArchivedOnly).toBeUndefined();
    expect(streamsText(r)).toBe('1 stream with events · 1 with records counted apart only (no event)');
  });

  it('a log of archived records only says so when no event was read', async () => {
    const r = await inspectLog([JSON.stringify(marten(1, 1, true)) + '\n'], { source: 'trial.jsonl' });
    expect(r.ok).toBe(true);
    expect(whyNothingRead((r as { report: InspectionReport }).report)).toBe('it holds only 1 archived record');
  });

  it('a KurrentDB system event is no root', async () => {
    const r = await inspect([
      { streamId: 'book-1', revision: 0, type: 'BookAdded', created: '2026-01-05T10:00:00Z', position: 1, id: 'a', data: {} },
      { streamId: '$et-BookAdded', revision: 0, type: '$>', created: '2026-01-05T10:00:01Z', position: 2, id: 'b', data: '0@book-1' },
      { streamId: 'book-1', revision: 1, type: 'BookLent', created: '2026-01-05T10:00:02Z', position: 3, id: 'c', data: {}, metadata: { $causationId: 'a' } },
    ]);
    expect(r.systemEvents).toBe(1);
    expect(r.causation.roots).toBe(1);
  });
});

describe('Kafka records without an id', () => {
  it('a record read twice at one offset is a redelivery (an identical duplicate), not out of order', async () => {
    const r = await inspect([kcat(0, { type: 'BookAdded' }), kcat(1, { type: 'BookLent' }), kcat(1, { type: 'BookLent' })]);
    // counted once, everywhere counts are shown
    expect([r.events, r.types, r.streams.map((s) => [s.stream, s.events])]).toEqual([2, { BookAdded: 1, BookLent: 1 }, [['dune', 2]]]);
    expect(r.fieldsUsed.time).toBe('/ts');
    expect(r.timeRange?.first).toBe('2026-01-05T10:00:00Z');
    expect(r.anomalies).toEqual([expect.objectContaining({ kind: 'duplicate-id', line: 3, identical: true, position: '1', message: 'offset 1 of source "loans-0" appeared before (the same record again: a redelivery); not replayed again' })]);
  });

  it('different content at an offset read before is a duplicate with different content', async () => {
    const r = await inspect([kcat(0, { type: 'BookAdded' }), kcat(0, { type: 'BookLent' })]);
    expect(r.anomalies).toEqual([expect.objectContaining({ kind: 'duplicate-id', identical: false })]);
  });

  it('a tombstone whose offset goes backwards is out of order (it is still no anomaly of its own)', async () => {
    const r = await inspect([kcat(0, { type: 'BookAdded' }), kcat(5, { type: 'BookLent' }), kcat(3, null), kcat(6, { type: 'BookLent' })]);
    expect(r.tombstones).toBe(1);
    expect(r.anomalies).toEqual([expect.objectContaining({ kind: 'out-of-order', line: 3, message: 'offset 3 after offset 5 of source "loans-0"' })]);
  });
});

describe('order messages', () => {
  it('a store-wide position is called a global position, a repeated stream position "again"', async () => {
    const r = await inspect([emmett(1, 1, 'E', 'BookAdded'), emmett(2, 9, 'E', 'BookLent'), emmett(2, 5, 'E', 'BookLent', { message_id: 'other', created: '2026-01-05 10:00:10+00' })]);
    expect(r.anomalies.map((a) => a.message)).toEqual(['global position 5 after global position 9', 'position 2 again in stream "book:dune"']);
  });
});
