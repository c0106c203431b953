/**
 * The one `no-zone` anomaly names its first record's place as the report names places
 * (src/logs/placeWord's placer): a file's line, a Kafka message's offset in its partition — never
 * "line 1" for a source that has no lines (trial A m5).
 */
import { readFileSync } from 'node:fs';
import type { KafkaMessage } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { LogInspector } from '../../../src/logs/logInspector';
import { readLogMap } from '../../../src/logs/profiles/logMap';
import { kafkaRecord } from '../../../src/sources/kafka/kafkaClient';

const dir = new URL('../../fixtures/logs/verdict-trial/', import.meta.url);
const lines = readFileSync(new URL('homegrown.ndjson', dir), 'utf8').split('\n').filter(Boolean);
const message = (offset: number, value: string): KafkaMessage => ({ offset: String(offset), key: null, value: Buffer.from(value), timestamp: '1767225600000', attributes: 0, size: 0 }) as KafkaMessage;

describe('the no-zone anomaly', () => {
  it("of a Kafka read is placed at the first record's offset in its partition", () => {
    const read = readLogMap(JSON.parse(readFileSync(new URL('homegrown.map.json', dir), 'utf8').replace(/"\/(eid|kind|meta|body)/g, '"/payload/$1')));
    if (!read.ok) throw new Error(read.problems.join('\n'));
    const inspector = new LogInspector({ skipInvalid: true, profile: 'kafka', map: read.map });
    lines.slice(0, 3).forEach((line, i) => inspector.value(kafkaRecord('orders.homegrown', 1, message(i, line)), i + 1));
    const result = inspector.finish('kafka://broker/orders.homegrown', 'messages');
    if (!result.ok) throw new Error(result.reason);
    const noZone = result.report.anomalies.find((a) => a.kind === 'no-zone');
    expect(noZone?.message).toBe('3 times without a zone offset, first at offset 0 of orders.homegrown-1: read as UTC');
  });

  it("of a file is on the first record's line", () => {
    const read = readLogMap(JSON.parse(readFileSync(new URL('homegrown.map.json', dir), 'utf8')));
    if (!read.ok) throw new Error(read.problems.join('\n'));
    const inspector = new LogInspector({ skipInvalid: true, map: read.map });
    lines.slice(0, 2).forEach((line, i) => inspector.value(JSON.parse(line), i + 1));
    const result = inspector.finish('homegrown.ndjson');
    if (!result.ok) throw new Error(result.reason);
    expect(result.report.anomalies.find((a) => a.kind === 'no-zone')?.message).toBe('2 times without a zone offset, first on line 1: read as UTC');
  });
});
