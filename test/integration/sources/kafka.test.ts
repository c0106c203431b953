import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Kafka, logLevel, type Admin, type Producer } from 'kafkajs';
import { createTopic, needsServer, requireServer, uniqueName } from '../servers';
import { connectKafkajs } from '../../../src/sources/kafka/kafkaClient';
import { readSource } from './read';

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';

describe('Kafka, read live (kafkajs in a throwaway group that never commits)', () => {
  const available = needsServer('kafka');
  let kafka: Kafka;
  let producer: Producer;
  let admin: Admin;
  beforeAll(async () => {
    if (!available) return;
    kafka = new Kafka({ brokers: [requireServer('kafka').bootstrap], clientId: 'purestream-test', logLevel: logLevel.NOTHING });
    producer = kafka.producer();
    admin = kafka.admin();
    await Promise.all([producer.connect(), admin.connect()]);
  });
  afterAll(async () => Promise.all([producer?.disconnect(), admin?.disconnect()]));

  const kafkaUrl = (topic: string, query = '') => `kafka://${requireServer('kafka').bootstrap}/${topic}${query}`;
  const ce = (id: string, type: string) => ({ ce_specversion: '1.0', ce_id: id, ce_source: '/shop', ce_type: type });

  it('keeps order per partition only, counts tombstones apart, reports a redelivery as an identical duplicate; resumes per partition; commits nothing', async () => {
    const topic = uniqueName('orders');
    await createTopic(topic, 2);
    const wire = Buffer.concat([Buffer.from([0, 0, 0, 0, 42]), Buffer.from('{"type":"OrderPaid","id":"e-3","orderId":"o-1"}')]);
    // partitions interleave: offsets go 0, 0, 1, 1, … across the topic, never backwards within a partition
    await producer.send({ topic, messages: [{ key: 'o-1', partition: 0, value: '{"orderId":"o-1"}', headers: ce('e-1', 'OrderPlaced') }] });
    await producer.send({ topic, messages: [{ key: 'o-2', partition: 1, value: '{"orderId":"o-2"}', headers: ce('e-2', 'OrderPlaced') }] });
    await producer.send({ topic, messages: [{ key: 'o-1', partition: 0, value: wire }] });
    await producer.send({ topic, messages: [{ key: 'o-2', partition: 1, value: null }] });
    // the producer retried e-1: the same record again at a later offset
    await producer.send({ topic, messages: [{ key: 'o-1', partition: 0, value: '{"orderId":"o-1"}', headers: ce('e-1', 'OrderPlaced') }] });

    // the groups the reads used, to check afterwards that nothing was committed in them
    const groups: string[] = [];
    const clients = {
      kafka: async (source: Parameters<typeof connectKafkajs>[0]) => {
        const client = await connectKafkajs(source);
        return { ...client, read: async (...args: Parameters<typeof client.read>) => ((r) => (groups.push(r.group!), r))(await client.read(...args)) };
      },
    };
    const first = await readSource(kafkaUrl(topic), { batch: 2, clients });
    const report = first.report;
    expect(report.profile).toBe('kafka');
    expect(first.rows.filter((r) => r.partition === 0).map((r) => r.offset)).toEqual(['0', '1', '2']);
    expect(first.rows.filter((r) => r.partition === 1).map((r) => r.offset)).toEqual(['0', '1']);
    expect(first.position).toBe('0:2,1:1');
    expect(report.tombstones).toBe(1);
    expect(report.types).toEqual({ OrderPlaced: 2, OrderPaid: 1 });
    expect(report.redeliveries).toBe(1);
    expect(report.sources).toEqual([
      { source: `${topic}-0`, events: 2 },
      { source: `${topic}-1`, events: 1 },
    ]);
    expect(report.anomalies).toEqual([expect.objectContaining({ kind: 'duplicate-id', identical: true, stream: 'o-1', position: '2' })]);

    // more records; a read of partition 1 resumed from the position printed reads only what is new there
    await producer.send({ topic, messages: [{ key: 'o-3', partition: 1, value: '{"type":"OrderPlaced","id":"e-4"}' }, { key: 'o-4', partition: 0, value: '{"type":"OrderPlaced","id":"e-5"}' }] });
    const resumed = await readSource(kafkaUrl(topic, '?partition=1'), { from: first.position, clients });
    expect(resumed.rows.map((r) => [r.partition, r.offset, r.key])).toEqual([[1, '2', 'o-3']]);
    expect(resumed.position).toBe('0:2,1:2');

    expect(groups).toHaveLength(2);
    for (const groupId of groups) {
      expect(groupId).toMatch(/^purestream-read-/);
      const committed = await admin.fetchOffsets({ groupId, topics: [topic] });
      expect(committed[0].partitions.every((p) => p.offset === '-1')).toBe(true);
    }
  });

  it('a read with nothing to read ends at once, without joining a group; a missing topic or partition is named', async () => {
    const topic = uniqueName('quiet');
    await createTopic(topic, 1);
    await producer.send({ topic, messages: [{ key: 'k', value: '{"type":"Ticked"}' }] });
    const atEnd = await readSource(kafkaUrl(topic), { from: 'end' });
    expect(atEnd.rows).toEqual([]);
    // nothing read: the read resumes after each partition's last offset when it began
    expect(atEnd.position).toBe('0:0');
    await expect(readSource(kafkaUrl('no-such-topic'))).rejects.toThrow(/no topic no-such-topic on this cluster/);
    await expect(readSource(kafkaUrl(topic, '?partition=3'))).rejects.toThrow(`topic ${topic} has no partition 3 (it has 1: 0 to 0)`);
  });
});
