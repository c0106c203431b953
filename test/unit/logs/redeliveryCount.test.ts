/**
 * The same record again (an identical `duplicate-id`: a redelivery) is not replayed again and is
 * counted once — in `events`, the types, the sources and its stream's count — wherever counts are
 * shown: the report (text and --json read it) and the counts the app shows as a log is read (LogInspector.counts).
 * The on-call trial's Marten export said "164 events" and its Streams "6 events, positions 1…5" for
 * an order whose first row was exported twice (test/fixtures/logs/oncall/marten-redelivery.jsonl).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LogInspector } from '../../../src/logs/logInspector';

const text = readFileSync(new URL('../../fixtures/logs/oncall/marten-redelivery.jsonl', import.meta.url), 'utf8');
const order = '6d7675c8-25bf-7797-88e2-0220836f5825';

describe('a redelivered record', () => {
  it('is counted once: events, types, its stream and the counts while reading agree', () => {
    const inspector = new LogInspector({ skipInvalid: true });
    text.split('\n').forEach((line, i) => inspector.record(line, i + 1));
    const r = inspector.finish('marten-redelivery.jsonl');
    expect(inspector.counts()).toMatchObject({ events: 6, types: { order_placed: 1, stock_reserved: 1, payment_authorized: 1, payment_captured: 2, order_shipped: 1 } });
    if (!r.ok) throw new Error('refused');
    expect(r.report.events).toBe(6);
    expect(Object.values(r.report.types).reduce((a, b) => a + b, 0)).toBe(6);
    expect(r.report.streams.find((s) => s.stream === order)).toMatchObject({ events: 5, firstPosition: '1', lastPosition: '5' });
    expect(r.report.anomalies).toEqual([expect.objectContaining({ kind: 'duplicate-id', line: 3, identical: true, stream: order, position: '1' })]);
  });
});
