/**
 * An integration engineer's logs (test/fixtures/logs/integration-trial): a Debezium outbox whose
 * `payload` column is JSON text in a string, an Axon `domain_event_entry` export, their maps and
 * their own orders module — read as the command line reads them.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { inspectLog } from '../../../src/logs/inspectLog';
import type { InspectionReport } from '../../../src/logs/types';
import { cli } from '../cli/cliHarness';

const cwd = fileURLToPath(new URL('../../fixtures/logs/integration-trial/', import.meta.url));

async function inspect(...args: string[]): Promise<{ code: number; report: InspectionReport; err: string }> {
  const r = await cli(['inspect', ...args, '--json'], { cwd });
  return { code: r.code, report: JSON.parse(r.out) as InspectionReport, err: r.err };
}

async function read(records: readonly unknown[], profile?: 'generic'): Promise<InspectionReport> {
  const result = await inspectLog([records.map((r) => JSON.stringify(r)).join('\n')], { source: 'test.jsonl', skipInvalid: true, ...(profile ? { profile } : {}) });
  if (!result.ok) throw new Error(result.reason);
  return result.report;
}

const OUTBOX_VIOLATIONS = [
  { stream: 'order:o-18', invariant: 'not-overpaid' },
  { stream: 'order:o-19', invariant: 'shipped-only-when-paid' },
  { stream: 'order:o-19', invariant: 'cancelled-never-ships' },
  { stream: 'order:o-20', invariant: 'shipped-only-when-paid' },
];

describe('a payload that is JSON text in a string (Debezium outbox, Axon, a JsonConverter value)', () => {
  it('is read as the JSON it holds, so the domain checks the outbox: every invariant the story breaks, and a note saying how the payloads were read', async () => {
    const { code, report } = await inspect('outbox-debezium.jsonl', '--map', 'outbox.map.json', '--domain', './orders.ts');
    expect(code).toBe(0);
    expect(report.violations.map((v) => ({ stream: v.stream, invariant: v.invariant }))).toEqual(OUTBOX_VIOLATIONS);
    expect(report.anomalies.filter((a) => a.kind === 'invalid-data')).toEqual([]);
    expect(report.notes).toContain('payloads of 12 records were JSON text in a string; read as JSON');
  });

  it('without a domain, the schemas are the decoded payloads\' shapes, not strings', async () => {
    const { report } = await inspect('outbox-debezium.jsonl', '--map', 'outbox.map.json');
    expect(report.schemas.OrderPlaced).toMatchObject({ type: 'object', required: expect.arrayContaining(['orderId', 'customerId', 'total', 'items']) });
  });

  it('a string that is not the text of a JSON object or array stays text', async () => {
    const report = await read([
      { id: 'a', type: 'Noted', data: '{not json' },
      { id: 'b', type: 'Noted', data: 'hello' },
      { id: 'c', type: 'Counted', data: '42' },
      { id: 'd', type: 'Listed', data: ' [1, 2]' },
    ]);
    expect(report.schemas.Noted).toMatchObject({ type: 'string' });
    expect(report.schemas.Counted).toMatchObject({ type: 'string' });
    expect(report.schemas.Listed).toMatchObject({ type: 'array' });
    expect(report.notes).toEqual(['the payload of 1 record was JSON text in a string; read as JSON']);
  });
});

describe("a map's data pointers resolve against the record as its fields pointers do, whatever the profile", () => {
  it('under the debezium profile (detected), /after/aggregateid and /after/payload/total (through the JSON string) build the payload', async () => {
    const { code, report } = await inspect('outbox-debezium.jsonl', '--map', 'outbox-data.map.json', '--domain', './orders.ts');
    expect(code).toBe(0);
    expect(report.profile).toBe('debezium');
    expect(report.anomalies.filter((a) => a.kind === 'invalid-data')).toEqual([]);
    expect(report.violations.map((v) => ({ stream: v.stream, invariant: v.invariant }))).toEqual(OUTBOX_VIOLATIONS);
  });
});

describe('the debezium profile on an outbox', () => {
  it("names in fieldsUsed what each field reads in the record as written, never the profile's own members", async () => {
    const { report } = await inspect('outbox-debezium.jsonl');
    expect(report.fieldsUsed).toMatchObject({
      type: '/op',
      stream: '/source/schema (or db) + "." + /source/table + "/" + the row key',
      globalPosition: '/source/lsn',
      source: '/source/name',
      data: '/after (/before of a delete)',
    });
    expect(Object.values(report.fieldsUsed)).not.toContain('/origin');
  });

  it('with a map, the outbox row deleted after it was sent (after: null) is counted apart, not unmapped: no --skip-invalid needed', async () => {
    const { code, report } = await inspect('outbox-debezium.jsonl', '--map', 'outbox.map.json');
    expect(code).toBe(0);
    expect(report.otherRecords).toBe(1);
    expect(report.anomalies.map((a) => a.kind)).not.toContain('unmapped');
    expect(report.types).toEqual({ OrderPlaced: 4, OrderShipped: 3, OrderPaid: 2, OrderCancelled: 1, OrderRefunded: 1 });
  });

  it("under the generic profile, Debezium's `source` block is no producer scope: the outbox id reused by other content is a duplicate-id", async () => {
    const { report } = await inspect('outbox-debezium.jsonl', '--map', 'outbox-generic.map.json', '--skip-invalid');
    expect(report.profile).toBe('generic');
    expect(report.sources).toEqual([]);
    expect(report.anomalies.filter((a) => a.kind === 'duplicate-id').map((a) => ({ line: a.line, identical: a.identical }))).toEqual([
      { line: 12, identical: true },
      { line: 13, identical: false },
    ]);
  });

  it('reads change events carried in Kafka messages (a kcat -J dump): detected, the tombstone after a delete counted as one', async () => {
    const change = (offset: number, op: string, after: unknown, before: unknown = null) => ({
      topic: 'shop.public.outbox',
      partition: 0,
      offset,
      ts: 1796029200000 + offset,
      key: 'o-1',
      payload: JSON.stringify({ before, after, source: { name: 'shop', schema: 'public', table: 'outbox', lsn: 100 + offset }, op, ts_ms: 1796029200000 + offset }),
    });
    const row = { id: 'r-1', aggregateid: 'o-1', type: 'OrderPlaced', payload: '{"orderId":"o-1"}' };
    const report = await read([change(0, 'c', row), change(1, 'd', null, row), { topic: 'shop.public.outbox', partition: 0, offset: 2, ts: 1796029200002, key: 'o-1', payload: null }]);
    expect(report.profile).toBe('debezium');
    expect(report.types).toEqual({ create: 1, delete: 1 });
    expect(report.tombstones).toBe(1);
    expect(report.sources).toEqual([{ source: 'shop.public.outbox-0', events: 2 }]);
    expect(report.fieldsUsed).toMatchObject({ type: '/payload/op', globalPosition: '/offset', source: '/topic + "-" + /partition' });
  });
});

describe('the axon profile (domain_event_entry rows)', () => {
  it('is detected: the type is payloadType, the stream the aggregate, sequenceNumber dense from 0 (a gap), globalIndex may skip (never a gap)', async () => {
    const { code, report } = await inspect('axon-domain-event-entry.json');
    expect(code).toBe(0);
    expect(report.profile).toBe('axon');
    expect(report.types).toEqual({
      'com.acme.shop.order.OrderPlacedEvent': 4,
      'com.acme.shop.order.OrderPaidEvent': 3,
      'com.acme.shop.order.OrderShippedEvent': 3,
      'com.acme.shop.order.OrderCancelledEvent': 1,
    });
    expect(report.streams.map((s) => [s.stream, s.events])).toEqual([
      ['o-17', 4],
      ['o-19', 3],
      ['o-18', 2],
      ['o-20', 2],
    ]);
    expect(report.anomalies.map((a) => ({ kind: a.kind, line: a.line }))).toEqual([
      { kind: 'gap', line: 62 },
      { kind: 'out-of-order', line: 74 },
      { kind: 'time-reversal', line: 86 },
      { kind: 'duplicate-id', line: 122 },
    ]);
    expect(report.anomalies[0]).toMatchObject({ stream: 'o-19', position: '2' });
    expect(report.fieldsUsed).toMatchObject({ id: '/eventIdentifier', streamPosition: '/sequenceNumber', globalPosition: '/globalIndex', causationId: '/metaData/correlationId', correlationId: '/metaData/traceId' });
    // Axon's correlationId is the message the event came from: the events of one flow chain, 9
    // links though the row of 0206 comes before its cause's (the globalIndex swap)
    expect(report.causation).toMatchObject({ maxDepth: 9, correlations: 1 });
    // JSON payloads read as JSON (XML ones are kept as text), without a note: text is the store's contract, as for the other stores' exports
    expect(report.notes ?? []).not.toContainEqual(expect.stringMatching(/JSON text in a string/));
    expect(report.schemas['com.acme.shop.order.OrderPaidEvent']).toMatchObject({ type: 'object' });
  });

  it("a map restating the profile's own pointers keeps its revisions dense from 0: o-17, its XML placing skipped, began before the read (detected or --profile axon)", async () => {
    // the same renames alone, the profile reading every field
    const { types } = JSON.parse(readFileSync(join(cwd, 'axon-fields.map.json'), 'utf8')) as { types: Record<string, string> };
    const typesOnly = join(mkdtempSync(join(tmpdir(), 'purestream-axon-map-')), 'types.map.json');
    writeFileSync(typesOnly, JSON.stringify({ format: 'purestream/map@1', types }));
    const expected = (await inspect('axon-domain-event-entry.json', '--domain', './orders.ts', '--map', typesOnly, '--skip-invalid')).report;
    expect(expected.streamsBeforeRead).toBe(2);
    for (const profile of [[], ['--profile', 'axon']]) {
      const { code, report, err } = await inspect('axon-domain-event-entry.json', '--domain', './orders.ts', '--map', 'axon-fields.map.json', '--skip-invalid', ...profile);
      expect(err).toBe('');
      expect(code).toBe(0);
      expect(report.streamsBeforeRead).toBe(2);
      expect(report.violations.map((v) => [v.stream, v.invariant])).toEqual([['order:o-18', 'not-overpaid']]);
      expect(report.notes).toContainEqual(expect.stringContaining('its first event here is revision 1 of the log\'s stream "o-17", past a stream\'s first (0)'));
      expect(report.stateHash).toBe(expected.stateHash);
    }
  });

  it('under --profile generic (no revisions by contract) the same map needs "dense": the fold that fails says so, and with it the stream began before the read', async () => {
    const fault = await cli(['inspect', 'axon-domain-event-entry.json', '--domain', './orders.ts', '--map', 'axon-fields.map.json', '--profile', 'generic', '--skip-invalid'], { cwd });
    expect(fault.code).toBe(1);
    expect(fault.err).toContain('evolve threw while evolving an OrderPaid event');
    expect(fault.err).toContain('say so in the map ("dense": {"streamPosition": 0})');
    const map = { ...(JSON.parse(readFileSync(join(cwd, 'axon-fields.map.json'), 'utf8')) as object), dense: { streamPosition: 0 } };
    const dense = join(mkdtempSync(join(tmpdir(), 'purestream-axon-map-')), 'dense.map.json');
    writeFileSync(dense, JSON.stringify(map));
    const { code, report } = await inspect('axon-domain-event-entry.json', '--domain', './orders.ts', '--map', dense, '--profile', 'generic', '--skip-invalid');
    expect(code).toBe(0);
    expect(report.streamsBeforeRead).toBe(2);
    expect(report.violations.map((v) => [v.stream, v.invariant])).toEqual([['order:o-18', 'not-overpaid']]);
  });

  it('reads the snake_case columns Spring names them by too', async () => {
    const report = await read([
      { global_index: 1, event_identifier: 'e-1', aggregate_identifier: 'o-1', sequence_number: 0, type: 'Order', payload_type: 'OrderPlaced', payload: '{"orderId":"o-1"}', meta_data: '{}', time_stamp: '2026-11-30T09:00:00Z' },
      { global_index: 2, event_identifier: 'e-2', aggregate_identifier: 'o-1', sequence_number: 2, type: 'Order', payload_type: 'OrderPaid', payload: '{"orderId":"o-1"}', meta_data: '{"correlationId":"e-1"}', time_stamp: '2026-11-30T09:01:00Z' },
    ]);
    expect(report.profile).toBe('axon');
    expect(report.types).toEqual({ OrderPlaced: 1, OrderPaid: 1 });
    expect(report.anomalies.map((a) => a.kind)).toEqual(['gap']);
    expect(report.causation).toMatchObject({ roots: 1, orphans: 0, maxDepth: 1 });
  });
});
