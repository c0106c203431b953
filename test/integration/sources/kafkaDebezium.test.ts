/**
 * A Debezium outbox on Kafka (the integration trial's, test/fixtures/logs/integration-trial): the
 * raw change events on a topic (a tombstone after the delete, as Debezium writes one), and the
 * EventRouter's topic whose values are the payload column as a JSON string (JsonConverter).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Message } from 'kafkajs';
import type { InspectionReport } from '../../../src/logs/types';
import { cli } from '../cli/cli';
import { needsServer, requireServer, topicWith } from '../servers';
import { readSource } from './read';

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';

const dir = fileURLToPath(new URL('../../fixtures/logs/integration-trial/', import.meta.url));
const changes = readFileSync(`${dir}outbox-debezium.jsonl`, 'utf8').trim().split('\n');
type Row = { id: string; aggregateid: string; type: string; payload: string };
const rowOf = (line: string): { op: string; row: Row } => {
  const change = JSON.parse(line) as { op: string; after: Row | null; before: Row | null };
  return { op: change.op, row: (change.after ?? change.before)! };
};

/** The change events keyed by aggregate, a tombstone after each delete. */
const changeMessages = (): Message[] =>
  changes.flatMap((line) => {
    const { op, row } = rowOf(line);
    const message: Message = { key: row.aggregateid, value: line, headers: { id: row.id } };
    return op === 'd' ? [message, { key: row.aggregateid, value: null }] : [message];
  });

const url = (topic: string) => `kafka://${requireServer('kafka').bootstrap}/${topic}`;

async function inspect(...args: string[]): Promise<{ code: number; report: InspectionReport }> {
  const r = await cli(['inspect', ...args, '--json'], { cwd: dir });
  return { code: r.code, report: JSON.parse(r.out) as InspectionReport };
}

describe('a Debezium outbox on Kafka', () => {
  needsServer('kafka');

  it('a topic of change events is read by the debezium profile, detected or asked for; the tombstone is counted as one', async () => {
    const topic = await topicWith('shop_public_outbox', changeMessages());
    const detected = await readSource(url(topic));
    expect(detected.report.profile).toBe('debezium');
    expect(detected.report.tombstones).toBe(1);
    // a change event has no id (the row's is every change's of the row): the change sent twice is read twice, at two offsets
    expect(detected.report.types).toEqual({ create: 12, delete: 1 });
    expect(detected.report.anomalies.filter((a) => a.kind === 'duplicate-id')).toEqual([]);
    expect(detected.report.sources).toEqual([{ source: `${topic}-0`, events: 13 }]);

    const asked = await inspect(url(topic), '--profile', 'debezium');
    expect(asked.code).toBe(0);
    expect(asked.report).toMatchObject({ profile: 'debezium', tombstones: 1, types: { create: 12, delete: 1 } });
    expect(asked.report.streams.map((s) => s.stream)).not.toContain('table');
    const text = await cli(['inspect', url(topic), '--profile', 'debezium'], { cwd: dir });
    expect(text.out).toContain('debezium profile');
    expect(text.out).toContain('1 tombstone');
    expect(text.out).not.toContain('undefined');
  });

  it('with a map, the tombstone stays a tombstone and the deleted outbox row is counted apart: nothing unmapped', async () => {
    const topic = await topicWith('shop_public_outbox', changeMessages());
    const { code, report } = await inspect(url(topic), '--map', 'outbox-kafka.map.json', '--domain', './orders.ts');
    expect(code).toBe(0);
    expect(report.tombstones).toBe(1);
    expect(report.otherRecords).toBe(1);
    expect(report.anomalies.map((a) => a.kind)).not.toContain('unmapped');
    expect(report.violations.map((v) => v.invariant)).toEqual(['not-overpaid', 'shipped-only-when-paid', 'cancelled-never-ships', 'shipped-only-when-paid']);
    // the map's id makes the change sent twice a redelivery, placed by its offset as any Kafka message (the profile asked for or not)
    expect(report.redeliveries).toBe(1);
    const text = await cli(['inspect', url(topic), '--profile', 'debezium', '--map', 'outbox-kafka.map.json'], { cwd: dir });
    expect(text.out).toMatch(/offset 12 of \S+-0 {2}duplicate-id/);
  });

  it("the EventRouter's topic, values the payload column as a JSON string (JsonConverter): read as the JSON it holds, so the domain checks it", async () => {
    const routed = changes.map(rowOf).filter((c) => c.op === 'c');
    const topic = await topicWith('outbox_event_order', routed.map(({ row }) => ({ key: row.aggregateid, value: JSON.stringify(row.payload), headers: { id: row.id, eventType: row.type } })));
    const { code, report } = await inspect(url(topic), '--domain', './orders.ts');
    expect(code).toBe(0);
    expect(report.profile).toBe('kafka');
    expect(report.anomalies.filter((a) => a.kind === 'invalid-data')).toEqual([]);
    expect(report.notes).toContain(`payloads of ${routed.length} records were JSON text in a string; read as JSON`);
    expect(report.violations.map((v) => v.invariant)).toEqual(['not-overpaid', 'shipped-only-when-paid', 'cancelled-never-ships', 'shipped-only-when-paid']);
  });
});
