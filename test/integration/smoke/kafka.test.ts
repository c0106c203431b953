import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { createTopic, needsServer, requireServer, uniqueName } from '../servers';

// kafkajs 2.2.4 prints a partitioner notice at every producer: not this project's concern.
process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';

describe('Kafka (librdkafka mock cluster, kafkajs)', () => {
  let kafka: Kafka;
  let producer: Producer;
  const available = needsServer('kafka');
  beforeAll(async () => {
    if (!available) return;
    kafka = new Kafka({ brokers: [requireServer('kafka').bootstrap], clientId: 'purestream-test', logLevel: logLevel.NOTHING });
    producer = kafka.producer();
    await producer.connect();
  });
  afterAll(async () => producer?.disconnect());

  it('keeps keys, headers, null payloads (tombstones) and binary prefixes; a throwaway group reads them and commits nothing', async () => {
    const topic = uniqueName('orders');
    await createTopic(topic, 2);
    const wire = Buffer.concat([Buffer.from([0, 0, 0, 0, 42]), Buffer.from('{"orderId":"o-1","qty":3}')]);
    await producer.send({
      topic,
      messages: [
        { key: 'o-1', partition: 0, value: '{"orderId":"o-1"}', headers: { ce_specversion: '1.0', ce_type: 'OrderPlaced', ce_id: 'e-1', ce_source: '/shop' } },
        { key: 'o-1', partition: 0, value: wire },
        { key: 'o-2', partition: 1, value: null },
      ],
    });

    const group = uniqueName('purestream-throwaway');
    const consumer = kafka.consumer({ groupId: group });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const read: { partition: number; offset: string; key: string | null; value: Buffer | null; type: string | null }[] = [];
    await new Promise<void>((resolve) => {
      void consumer.run({
        autoCommit: false,
        eachMessage: async ({ partition, message }) => {
          read.push({ partition, offset: message.offset, key: message.key?.toString() ?? null, value: message.value, type: message.headers?.ce_type?.toString() ?? null });
          if (read.length === 3) resolve();
        },
      });
    });
    await consumer.disconnect();

    read.sort((a, b) => a.partition - b.partition || Number(a.offset) - Number(b.offset));
    expect(read.map(({ partition, offset, key, type }) => ({ partition, offset, key, type }))).toEqual([
      { partition: 0, offset: '0', key: 'o-1', type: 'OrderPlaced' },
      { partition: 0, offset: '1', key: 'o-1', type: null },
      { partition: 1, offset: '0', key: 'o-2', type: null },
    ]);
    expect(read[1].value!.subarray(0, 5)).toEqual(Buffer.from([0, 0, 0, 0, 42]));
    expect(JSON.parse(read[1].value!.subarray(5).toString())).toEqual({ orderId: 'o-1', qty: 3 });
    expect(read[2].value).toBeNull();

    const admin = kafka.admin();
    await admin.connect();
    const committed = await admin.fetchOffsets({ groupId: group, topics: [topic] });
    await admin.disconnect();
    expect(committed[0].partitions.map((p) => p.offset)).toEqual(['-1', '-1']);
  });
});
