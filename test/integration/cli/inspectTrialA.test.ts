/**
 * Trial A's homegrown engine on Kafka (the real mock), read as the integration engineer read it:
 * a nightly chain of reads keeping a checkpoint reports o-17's `version 2 after 3` that crosses the
 * boundary between two reads, as one read of everything does (m8: the checkpoint carries each
 * stream's order); a domain that reads none of the events fails `--fail-on violations` saying its
 * invariants were not checked (M1); and the one `no-zone` anomaly is placed at its offset (m5).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { createTopic, needsServer, requireServer, uniqueName } from '../servers';
import { folderWith } from '../../unit/modules/moduleFiles';
import { cli } from './cli';

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/logs/verdict-trial/${name}`, import.meta.url), 'utf8');
const lines = fixture('homegrown.ndjson').trim().split('\n');
const outOfOrder = (report: { anomalies: { kind: string; message: string }[] }) => report.anomalies.filter((a) => a.kind === 'out-of-order').map((a) => a.message);

describe("trial A's homegrown log on Kafka", () => {
  const available = needsServer('kafka');
  let producer: Producer;
  beforeAll(async () => {
    if (!available) return;
    producer = new Kafka({ brokers: [requireServer('kafka').bootstrap], clientId: 'purestream-test', logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
  });
  afterAll(async () => producer?.disconnect());

  /** The trial's producer: keyed by meta.stream, the record as the value. */
  const produce = async (topic: string, records: readonly string[]) => {
    for (const value of records) await producer.send({ topic, messages: [{ key: JSON.parse(value).meta.stream, value }] });
  };
  const folder = () => folderWith({ 'orders.ts': fixture('orders.ts'), 'map.json': fixture('homegrown-kafka.map.json') });

  it('a chain of two reads keeping a checkpoint reports the out-of-order record across their boundary, as one read does (m8)', async () => {
    const topic = uniqueName('orders-cp');
    await createTopic(topic, 2);
    const url = `kafka://${requireServer('kafka').bootstrap}/${topic}`;
    const cwd = folder();
    const args = ['inspect', url, '--domain', './orders.ts', '--map', 'map.json', '--checkpoint', 'cp.json', '--fail-on', 'anomalies', '--json'];
    await produce(topic, lines.slice(0, 6));
    const first = await cli(args, { cwd });
    expect(outOfOrder(JSON.parse(first.out))).toEqual([]);
    const saved = JSON.parse(readFileSync(join(cwd, 'cp.json'), 'utf8'));
    expect(saved.order['order/o-17']).toEqual({ position: '3', highest: '3', time: { ms: Date.UTC(2026, 10, 30, 9, 5), fraction: '000' } });

    await produce(topic, lines.slice(6));
    const second = await cli(args, { cwd });
    expect(second.code).toBe(3);
    expect(outOfOrder(JSON.parse(second.out))).toEqual(['position 2 after position 3 in stream "order/o-17"']);
    const whole = JSON.parse((await cli(['inspect', url, '--domain', './orders.ts', '--map', 'map.json', '--json'], { cwd })).out);
    expect(outOfOrder(whole)).toEqual(['position 2 after position 3 in stream "order/o-17"']);
    // the streams the second read did not meet keep their order for the next read
    expect(Object.keys(JSON.parse(readFileSync(join(cwd, 'cp.json'), 'utf8')).order).sort()).toEqual(['order/o-17', 'order/o-18', 'order/o-19', 'order/o-20']);
  });

  it('a domain that reads none of its events fails --fail-on violations saying the invariants were not checked (M1); no-zone is placed at an offset (m5)', async () => {
    const topic = uniqueName('orders-homegrown');
    await createTopic(topic, 1);
    const url = `kafka://${requireServer('kafka').bootstrap}/${topic}`;
    await produce(topic, lines.slice(0, 4));
    const cwd = folder();
    const r = await cli(['inspect', url, '--domain', 'commerce', '--map', 'map.json', '--skip-invalid', '--fail-on', 'violations'], { cwd });
    expect(r.code).toBe(1);
    expect(r.out).toContain("invariant violations: not checked — none of the log's 4 events could be read by domain commerce");
    expect(r.err).toContain("failing: invariants not checked: none of the log's 4 events could be read by domain commerce (--fail-on violations)\n");
    expect(r.out).toContain(`no-zone  4 times without a zone offset, first at offset 0 of ${topic}-0: read as UTC`);
  });
});
