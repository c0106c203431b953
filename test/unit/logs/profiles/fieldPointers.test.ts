/**
 * How a field was read is never hidden: a field read through more than one pointer names each
 * with its records, and a profile's fallback (the Kafka topic as the type) is said whenever it
 * serves, in the report's `fieldPointers` beside `fieldsUsed` and in the text report.
 */
import { describe, expect, it } from 'vitest';
import { formatInspection } from '../../../../src/cli/inspectText';
import { inspectLog } from '../../../../src/logs/inspectLog';
import { readLogMap } from '../../../../src/logs/profiles';
import type { InspectionReport, InspectResult } from '../../../../src/logs/types';

const report = (r: InspectResult): InspectionReport => {
  if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.problems)}`);
  return r.report;
};
const inspect = async (records: object[], map?: object) => {
  const read = map ? readLogMap({ format: 'purestream/map@1', ...map }) : undefined;
  if (read && !read.ok) throw new Error(read.problems.join('\n'));
  return report(await inspectLog([records.map((r) => JSON.stringify(r)).join('\n') + '\n'], { source: 'loans.jsonl', ...(read ? { map: read.map } : {}) }));
};

let offset = 0;
const kcat = (payload: object | null, headers?: string[]) => ({ topic: 'loans', partition: 0, offset: offset++, ts: 1767607200000 + offset, key: 'b1', payload: payload === null ? null : JSON.stringify(payload), ...(headers ? { headers } : {}) });
const TOPIC = 'the topic: no type header or payload type';

describe('the kafka profile taking the topic as the type', () => {
  it('is said with the records it served, beside the payload type that served the others', async () => {
    const r = await inspect([kcat({ type: 'BookLent', book: 'b1' }), kcat({ type: 'BookLent', book: 'b2' }), kcat({ book: 'b3' })]);
    expect(r.types).toEqual({ BookLent: 2, loans: 1 });
    expect(r.fieldsUsed.type).toBe('/payload/type');
    expect(r.fieldPointers).toEqual({ type: [{ pointer: '/payload/type', records: 2 }, { pointer: '/topic', records: 1, note: TOPIC }] });
    expect(formatInspection(r)).toContain(`  type read from /payload/type (2 records), /topic (1 record; ${TOPIC})\n`);
  });

  it('is said when it served every record', async () => {
    const r = await inspect([kcat({ book: 'b1' }), kcat({ book: 'b2' })]);
    expect(r.fieldsUsed.type).toBe('/topic');
    expect(r.fieldPointers).toEqual({ type: [{ pointer: '/topic', records: 2, note: TOPIC }] });
  });

  it("a tombstone's type is no event's: it is not counted as read from the topic", async () => {
    const r = await inspect([kcat({ type: 'BookLent' }), kcat(null)]);
    expect(r.tombstones).toBe(1);
    expect(r.fieldPointers).toBeUndefined();
  });

  it('a header or payload type on every record: nothing more is said', async () => {
    const r = await inspect([kcat({ type: 'BookLent' }), kcat({ type: 'BookReturned' })]);
    expect(r.fieldPointers).toBeUndefined();
    expect(formatInspection(r)).not.toContain('read from');
  });

  it("a map's own pointer to the topic is no fallback", async () => {
    const r = await inspect([kcat({ book: 'b1' })], { fields: { type: '/topic' } });
    expect(r.fieldsUsed.type).toBe('/topic');
    expect(r.fieldPointers).toBeUndefined();
  });
});

describe('a field read through several pointers', () => {
  it('names each, most records first, whatever the profile', async () => {
    const r = await inspect([kcat({ type: 'A' }, ['ce_type', 'B']), kcat({ type: 'A' }), kcat({ eventType: 'A' }), kcat({ type: 'A' })]);
    expect(r.fieldPointers?.type).toEqual([
      { pointer: '/payload/type', records: 2 },
      { pointer: '/headers/ce_type', records: 1 },
      { pointer: '/payload/eventType', records: 1 },
    ]);
    // fieldsUsed keeps its meaning: the one pointer that served most
    expect(r.fieldsUsed.type).toBe('/payload/type');
    const generic = await inspect([{ id: 'e1', type: 'A' }, { id: 'e2', eventType: 'B' }, { id: 'e3', type: 'A' }]);
    expect(generic.profile).toBe('generic');
    expect(generic.fieldPointers).toEqual({ type: [{ pointer: '/type', records: 2 }, { pointer: '/eventType', records: 1 }] });
    expect(formatInspection(generic)).toContain('  type read from /type (2 records), /eventType (1 record)\n');
  });
});

describe('counts', () => {
  it('a record read again for its exact numbers (an offset beyond 2^53) counts once', async () => {
    const big = (n: number) => ({ topic: 'loans', partition: 0, offset: 0, ts: 1767607200000, key: 'b1', payload: JSON.stringify({ type: 'BookLent', n }) });
    const text = [big(1), big(2)].map((r, i) => JSON.stringify(r).replace('"offset":0', `"offset":900719925474099${3 + i}`)).join('\n') + '\n';
    const r = report(await inspectLog([text, JSON.stringify(kcat({ book: 'b1' })) + '\n'], { source: 'loans.jsonl' }));
    expect(r.fieldPointers).toEqual({ type: [{ pointer: '/payload/type', records: 2 }, { pointer: '/topic', records: 1, note: TOPIC }] });
  });
});

describe('the kinesis profile taking the Lambda event name as the type', () => {
  it('is said with the records it served', async () => {
    const record = (n: number, payload: object) => ({
      kinesis: { partitionKey: 'order-1', sequenceNumber: String(49590338271490256608559692538361571095921575989136588898n + BigInt(n)), data: Buffer.from(JSON.stringify(payload)).toString('base64'), approximateArrivalTimestamp: 1767225600 + n },
      eventSource: 'aws:kinesis',
      eventID: `shardId-000000000000:${n}`,
      eventName: 'aws:kinesis:record',
    });
    const r = await inspect([record(1, { type: 'OrderPlaced', orderId: 'order-1' }), record(2, { orderId: 'order-1' })]);
    expect(r.profile).toBe('kinesis');
    expect(r.types).toEqual({ OrderPlaced: 1, 'aws:kinesis:record': 1 });
    expect(r.fieldPointers).toEqual({ type: [{ pointer: '/payload/type', records: 1 }, { pointer: '/eventName', records: 1, note: 'the Lambda event name (aws:kinesis:record): no payload type' }] });
  });
});
