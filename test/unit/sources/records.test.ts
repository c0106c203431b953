import { describe, expect, it } from 'vitest';
import type { KafkaMessage } from 'kafkajs';
import { LogInspector } from '../../../src/logs/logInspector';
import { whyNothingRead } from '../../../src/logs/nothingRead';
import type { InspectionReport } from '../../../src/logs/types';
import { kafkaRecord } from '../../../src/sources/kafka/kafkaClient';
import type { JetStreamRecord } from '../../../src/sources/nats/jetstreamReader';

const inspect = (records: readonly object[], profile?: 'jetstream' | 'kafka'): InspectionReport => {
  const inspector = new LogInspector({ skipInvalid: true, ...(profile ? { profile } : {}) });
  records.forEach((r, i) => inspector.value(r, i + 1));
  const result = inspector.finish('test', 'messages');
  if (!result.ok) throw new Error(result.reason);
  return result.report;
};

const js = (seq: string, subject: string, data: string, headers?: Record<string, string>): JetStreamRecord => ({ stream: 'ORDERS', seq, subject, time: `2026-01-01T00:00:0${seq.slice(-1)}.123456789Z`, data, ...(headers ? { headers } : {}) });

describe('the jetstream profile (extension): JetStream messages as the NATS reader hands them over', () => {
  it('is detected; reads structured and binary CloudEvents and plain JSON; positions are the stream sequence, exact, never a gap', () => {
    const report = inspect([
      js('1', 'ORDERS.o-1', JSON.stringify({ specversion: '1.0', id: 'e-1', source: '/shop', type: 'OrderPlaced', subject: 'order-1', data: { n: 1 }, causationid: 'c-0' })),
      js('2', 'ORDERS.o-1', '{"n":2}', { 'ce-specversion': '1.0', 'CE-ID': 'e-2', 'ce-source': '/shop', 'ce-type': 'OrderPaid', 'ce-subject': 'order-1', 'ce-causationid': 'e-1' }),
      js('9007199254740993', 'ORDERS.o-2', '{"type":"OrderPlaced","id":"e-3"}', { 'Nats-Msg-Id': 'e-3' }),
    ]);
    expect(report.profile).toBe('jetstream');
    expect(report.types).toEqual({ OrderPlaced: 2, OrderPaid: 1 });
    expect(report.streams.map((s) => [s.stream, s.firstPosition, s.lastPosition])).toEqual([
      ['order-1', '1', '2'],
      ['ORDERS.o-2', '9007199254740993', '9007199254740993'],
    ]);
    expect(report.anomalies).toEqual([]);
    expect(report.causation).toMatchObject({ roots: 1, orphans: 1, maxDepth: 1 });
    expect(report.timeRange).toEqual({ first: '2026-01-01T00:00:01.123456789Z', last: '2026-01-01T00:00:03.123456789Z' });
    expect(report.fieldsUsed).toMatchObject({ globalPosition: '/seq', source: '/stream' });
  });

  it('a message whose sequence goes backwards is out of order; the same event again (other NATS headers) is an identical duplicate', () => {
    const body = '{"type":"Ticked","id":"t-1"}';
    const report = inspect([js('5', 'T.a', body, { 'Nats-Msg-Id': 't-1' }), js('4', 'T.a', body)], 'jetstream');
    expect(report.anomalies.map((a) => [a.kind, a.identical])).toEqual([['duplicate-id', true]]);
    const order = inspect([js('5', 'T.a', '{"type":"A","id":"1"}'), js('4', 'T.b', '{"type":"A","id":"2"}')], 'jetstream');
    expect(order.anomalies.map((a) => a.kind)).toEqual(['out-of-order']);
  });
});

describe('a JetStream message whose body is not JSON', () => {
  it('is malformed (not JSON), as a file line would be, not "unmapped: no event type"; a map or CloudEvent headers that give its type still read it', () => {
    const report = inspect([js('1', 'ORDERS.o-1', '{"type":"OrderPlaced","id":"e-1"}'), js('2', 'ORDERS.o-1', 'order o-1 paid'), js('3', 'ORDERS.o-1', '')], 'jetstream');
    expect(report.anomalies.map((a) => `${a.kind} ${a.line}: ${a.message}`)).toEqual([
      `malformed 2: not JSON: the message's body: Unexpected token 'o', "order o-1 paid" is not valid JSON`,
      "malformed 3: not JSON: the message's body is empty",
    ]);
    const headed = inspect([js('1', 'ORDERS.o-1', 'paid in full', { 'ce-specversion': '1.0', 'ce-id': 'e-2', 'ce-source': '/shop', 'ce-type': 'OrderPaid' })], 'jetstream');
    expect([headed.anomalies, headed.types]).toEqual([[], { OrderPaid: 1 }]);
    const inspector = new LogInspector({ skipInvalid: true, profile: 'jetstream', map: { fields: { type: '/subject' }, types: new Map(), data: new Map() } });
    inspector.value(js('1', 'ORDERS.o-1', 'paid in full'), 1);
    const mapped = inspector.finish('test', 'messages');
    expect(mapped.ok && [mapped.report.anomalies, mapped.report.types]).toEqual([[], { 'ORDERS.o-1': 1 }]);
    // nothing but such messages: "0 events read" says how a map reads them, not to check a framing
    expect(whyNothingRead(inspect([js('1', 'ORDERS.o-1', 'paid')], 'jetstream'))).toBe(
      `1 record malformed, on message 1: not JSON: the message's body: Unexpected token 'p', "paid" is not valid JSON; a map (--map) naming where their type is (the subject: "fields": {"type": "/subject"}) reads bodies that are not JSON as text`,
    );
  });
});

describe('Kafka records as kcat -J prints them', () => {
  it('keeps offsets as text, keys and headers as strings, a null value as a tombstone', () => {
    const m = (offset: string, key: string | null, value: Buffer | null, headers?: KafkaMessage['headers']): KafkaMessage => ({ offset, key: key === null ? null : Buffer.from(key), value, headers, timestamp: '1767225600000', attributes: 0, size: 0 }) as KafkaMessage;
    const records = [
      kafkaRecord('t', 0, m('9223372036854775806', 'k-1', Buffer.from('{"type":"A","id":"1"}'), { trace: Buffer.from('x'), multi: [Buffer.from('a'), Buffer.from('b')] })),
      kafkaRecord('t', 0, m('9223372036854775807', 'k-1', null)),
    ];
    expect(records[0]).toEqual({ topic: 't', partition: 0, offset: '9223372036854775806', ts: 1767225600000, key: 'k-1', payload: '{"type":"A","id":"1"}', headers: ['trace', 'x', 'multi', 'a', 'multi', 'b'] });
    const report = inspect(records);
    expect(report.profile).toBe('kafka');
    expect([report.events, report.tombstones]).toEqual([1, 1]);
    expect(report.sources).toEqual([{ source: 't-0', events: 1 }]);
  });
});
