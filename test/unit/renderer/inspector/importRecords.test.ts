import { readFileSync } from 'node:fs';
import initSqlJs from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { commerce } from '../../../../domain';
import { importRecords } from '../../../../renderer/lib/inspector/importRecords';
import { domainOfLog, sampleLogsFrom } from '../../../../renderer/lib/inspector/sampleLogs';
import { SeqAssigner } from '../../../../renderer/lib/inspector/storedEvents';
import { SeqList } from '../../../../renderer/lib/eventlog/seqList';
import { inspectLog } from '../../../../src/logs/inspectLog';
import { countEvents, pageEvents } from '../../../../src/store/eventPages';
import { listLogs } from '../../../../src/store/logs';
import { createWorkspace } from '../../../../src/store/workspace';
import { InspectCancelled } from '../../../../src/logs/types';

let sqlJs: Awaited<ReturnType<typeof initSqlJs>>;
beforeAll(async () => {
  sqlJs = await initSqlJs();
});

const text = (path: string) => readFileSync(new URL(`../../../../${path}`, import.meta.url), 'utf8');
/** The text in small chunks, as a stream would deliver it. */
const chunks = (s: string, size = 97) => Array.from({ length: Math.ceil(s.length / size) }, (_, i) => s.slice(i * size, (i + 1) * size));

describe('importRecords', () => {
  it('stores a CloudEvents batch and inspects it (anomalies, violations, drift)', async () => {
    const db = createWorkspace(sqlJs);
    const { logId, report } = await importRecords(db, chunks(text('samples/logs/flash-sale-oversell.cloudevents.json')), { domain: commerce, name: 'sample', source: 'sample', now: 1 });
    expect(report.anomalies.map((a) => a.kind)).toContain('duplicate-id');
    expect(report.violations[0].invariant).toBe('stock-non-negative');
    expect(report.drift.length).toBeGreaterThan(0);
    expect(countEvents(db, logId)).toBe(report.events + 1); // the duplicate is stored as recorded
    const first = pageEvents(db, logId, { limit: 1 }).events[0];
    expect(first).toMatchObject({ seq: 1, type: 'ItemRestocked', stream: 'stock:tee@main' });
  });

  it('keeps the valid records of a broken JSON Lines log and names the bad lines', async () => {
    const db = createWorkspace(sqlJs);
    const { logId, report } = await importRecords(db, chunks(text('test/fixtures/logs/anomalies.jsonl'), 13), { domain: commerce, name: 'broken', source: 'broken.jsonl' });
    expect(report.anomalies.slice(0, 2)).toEqual([
      expect.objectContaining({ kind: 'malformed', line: 3 }),
      expect.objectContaining({ kind: 'unknown-type', line: 4 }),
    ]);
    // every valid record is stored as recorded (a repeated id too; the report counts it once)
    expect(countEvents(db, logId)).toBeGreaterThanOrEqual(report.events);
  });

  it('stores a first small batch early, reports each batch, fills the seq list, and reports as inspectLog does', async () => {
    const lines = ['{"format":"purestream/events@1","domain":"commerce"}'];
    for (let i = 1; i <= 2500; i++) lines.push(JSON.stringify({ seq: i, id: `e${i}`, type: 'ItemRestocked', at: i, data: { sku: `s${i % 7}`, qty: 5, warehouse: 'main' } }));
    const log = lines.join('\n');
    const db = createWorkspace(sqlJs);
    const seqs = new SeqList();
    const seen: { stored: number; events: number }[] = [];
    const { logId, report, stored } = await importRecords(db, chunks(log, 4096), {
      decider: commerce, name: 'big', source: 'big.jsonl', firstBatch: 100, batch: 1000, bulk: true, seqs,
      onStored: (p) => {
        expect(countEvents(db, p.logId)).toBe(p.stored); // readable while the rest streams in
        seen.push({ stored: p.stored, events: p.counts.events });
      },
    });
    expect(stored).toBe(2500);
    expect(seen[0].stored).toBeGreaterThanOrEqual(100);
    expect(seen[0].stored).toBeLessThan(1000);
    expect(seen.at(-1)).toEqual({ stored: 2500, events: 2500 });
    expect(seqs.size).toBe(2500);
    expect(seqs.sorted()[2499]).toBe(2500);
    expect(countEvents(db, logId, { type: 'ItemRestocked' })).toBe(2500);
    const alone = await inspectLog(chunks(log, 4096), { domain: commerce, source: 'big.jsonl', skipInvalid: true });
    expect(alone.ok && JSON.stringify(alone.report)).toBe(JSON.stringify(report));
    expect(db.exec("SELECT count(*) FROM sqlite_master WHERE name LIKE 'events_by_%'")[0].values[0][0]).toBe(2);
  });

  it('leaves nothing behind when cancelled', async () => {
    const db = createWorkspace(sqlJs);
    let n = 0;
    await expect(importRecords(db, chunks(text('samples/logs/flash-sale-oversell.cloudevents.json')), { domain: commerce, name: 'x', source: 'x', isCancelled: () => ++n > 5 })).rejects.toBeInstanceOf(InspectCancelled);
    expect(listLogs(db)).toEqual([]);
  });
});

describe('helpers', () => {
  it('keeps seqs sorted for lookups, also when a log is out of order', () => {
    const list = new SeqList();
    for (let i = 1; i <= 3000; i++) list.push(i * 2);
    expect([list.size, list.sorted()[0], list.sorted()[2999]]).toEqual([3000, 2, 6000]);
    list.push(5);
    expect(Array.from(list.sorted().slice(0, 4))).toEqual([2, 4, 5, 6]);
  });

  it('assigns unique seqs', () => {
    const s = new SeqAssigner();
    expect([s.assign(1), s.assign(2), s.assign(2), s.assign(undefined), s.assign(3)]).toEqual([1, 2, 3, 4, 5]);
  });

  it('finds a sample log and its domain', () => {
    expect(domainOfLog('{"format":"purestream/events@1","domain":"profiles"}', 'commerce')).toBe('profiles');
    expect(domainOfLog('[{"type":"purestream.commerce.ItemRestocked"}]', 'x')).toBe('commerce');
    expect(sampleLogsFrom({ 'a/x.md': '#', 'a/b.json': '[]' }).map((s) => s.file)).toEqual(['b.json']);
  });
});
