import { readFileSync } from 'node:fs';
import initSqlJs from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundledDomain } from '../../../../src/engine/module/bundled';
import { importRecords } from '../../../../renderer/lib/inspector/importRecords';
import { DatabaseLogs } from '../../../../renderer/lib/inspector/logStore';
import { domainOfLog, sampleLogsFrom } from '../../../../renderer/lib/inspector/sampleLogs';
import { SeqList } from '../../../../renderer/lib/eventlog/seqList';
import { inspectLog } from '../../../../src/logs/inspectLog';
import { countEvents, pageEvents } from '../../../../src/store/eventPages';
import { listLogs } from '../../../../src/store/logs';
import { createWorkspace } from '../../../../src/store/workspace';
import { InspectCancelled } from '../../../../src/logs/types';

const commerce = bundledDomain('commerce')!;

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
    const { logId, report } = await importRecords(new DatabaseLogs(db), chunks(text('samples/logs/flash-sale-oversell.cloudevents.json')), { domain: commerce, name: 'sample', source: 'sample', now: 1 });
    expect(report.anomalies.map((a) => a.kind)).toContain('duplicate-id');
    expect(report.violations[0].invariant).toBe('stock-non-negative');
    expect(report.drift.length).toBeGreaterThan(0);
    // every record is stored under its number in the file: events (the redelivery too, which the report counts once, apart), commands and rejections
    const kinds = Object.fromEntries(db.exec('SELECT kind, count(*) FROM events WHERE log_id = ? GROUP BY kind', [logId])[0].values);
    expect(report.redeliveries).toBe(1);
    expect(kinds).toEqual({ event: report.events + 1, command: report.commands, rejection: 46 });
    const first = pageEvents(db, logId, { limit: 2 }).events;
    expect(first[0]).toMatchObject({ seq: 1, kind: 'command', type: 'RestockItem', line: 2 });
    expect(first[1]).toMatchObject({ seq: 2, type: 'purestream.commerce.ItemRestocked', stream: 'stock:tee@main', globalPosition: '1', line: 3, time: '2026-01-01T00:00:00.000Z' });
  });

  it('keeps the valid records of a broken JSON Lines log and names the bad lines', async () => {
    const db = createWorkspace(sqlJs);
    const { logId, report } = await importRecords(new DatabaseLogs(db), chunks(text('test/fixtures/logs/anomalies.jsonl'), 13), { domain: commerce, name: 'broken', source: 'broken.jsonl' });
    expect(report.anomalies.slice(0, 2)).toEqual([
      expect.objectContaining({ kind: 'malformed', line: 3 }),
      expect.objectContaining({ kind: 'unknown-type', line: 4 }),
    ]);
    // every record is stored as the file has it, the broken one too, so the anomaly's line has its row
    expect(pageEvents(db, logId, { limit: 3 }).events.map((e) => [e.seq, e.line, e.kind ?? 'event'])).toEqual([
      [1, 1, 'header'],
      [2, 2, 'event'],
      [3, 3, 'malformed'],
    ]);
    expect(countEvents(db, logId)).toBe(10);
  });

  it('stores a first small batch early, reports each batch, and reports as inspectLog does', async () => {
    const lines = ['{"format":"purestream/events@1","domain":"commerce"}'];
    for (let i = 1; i <= 2500; i++) lines.push(JSON.stringify({ seq: i, id: `e${i}`, type: 'ItemRestocked', at: i, data: { sku: `s${i % 7}`, qty: 5, warehouse: 'main' } }));
    const log = lines.join('\n');
    const db = createWorkspace(sqlJs);
    const seen: { stored: number; events: number }[] = [];
    const { logId, report, stored } = await importRecords(new DatabaseLogs(db), chunks(log, 4096), {
      domain: commerce, name: 'big', source: 'big.jsonl', firstBatch: 100, batch: 1000, bulk: true,
      onStored: (p) => {
        expect(countEvents(db, p.logId)).toBe(p.stored); // readable while the rest streams in
        seen.push({ stored: p.stored, events: p.counts.events });
      },
    });
    expect(stored).toBe(2501);
    expect(seen[0].stored).toBeGreaterThanOrEqual(100);
    expect(seen[0].stored).toBeLessThan(1000);
    expect(seen.at(-1)).toEqual({ stored: 2501, events: 2500 });
    expect(countEvents(db, logId, { type: 'ItemRestocked' })).toBe(2500);
    const alone = await inspectLog(chunks(log, 4096), { domain: commerce, source: 'big.jsonl', skipInvalid: true });
    expect(alone.ok && JSON.stringify(alone.report)).toBe(JSON.stringify(report));
    expect(db.exec("SELECT count(*) FROM sqlite_master WHERE name LIKE 'events_by_%'")[0].values[0][0]).toBe(3);
  });

  it("a live source's batches report the stale decisions found so far with each stored batch, as the Logs view's live headline counts them", async () => {
    // the sample log's records as a broker's messages, 50 a batch
    const records = JSON.parse(text('samples/logs/flash-sale-oversell.cloudevents.json')) as unknown[];
    async function* batches() {
      for (let i = 0; i < records.length; i += 50) yield records.slice(i, i + 50);
    }
    const running: (number | undefined)[] = [];
    const { report } = await importRecords(new DatabaseLogs(createWorkspace(sqlJs)), { batches: batches(), framing: 'messages' }, {
      domain: commerce, name: 'sample', source: 'nats://localhost/SHOP', firstBatch: 1, batch: 1,
      onStored: (p) => running.push(p.counts.staleDecisions),
    });
    expect(running).toHaveLength(Math.ceil(records.length / 50));
    // counted as they are found: never fewer than before, some before the end, the report's count at the end
    expect(running.every((n, i) => n !== undefined && (i === 0 || n >= running[i - 1]!))).toBe(true);
    expect(running.some((n) => n! > 0 && n! < 102)).toBe(true);
    expect(running.at(-1)).toBe(102);
    expect(report.staleDecisions!.count).toBe(102);
  });

  it('reports the anomalies of the command line (one LogInspector): a duplicate-id keeps its position for the gap check', async () => {
    const log = text('test/fixtures/logs/duplicate-positions.emmett.jsonl');
    const { report } = await importRecords(new DatabaseLogs(createWorkspace(sqlJs)), chunks(log), { name: 'dup', source: 'dup.jsonl' });
    const cli = await inspectLog([log], { source: 'dup.jsonl' });
    if (!cli.ok) throw new Error('refused');
    expect(report.anomalies).toEqual(cli.report.anomalies);
    expect(report.anomalies.map((a) => [a.line, a.kind])).toEqual([
      [3, 'duplicate-id'],
      [6, 'duplicate-id'],
      [6, 'gap'],
      [8, 'duplicate-id'],
    ]);
  });

  it('leaves nothing behind when cancelled', async () => {
    const db = createWorkspace(sqlJs);
    let n = 0;
    await expect(importRecords(new DatabaseLogs(db), chunks(text('samples/logs/flash-sale-oversell.cloudevents.json')), { domain: commerce, name: 'x', source: 'x', isCancelled: () => ++n > 5 })).rejects.toBeInstanceOf(InspectCancelled);
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

  it('finds a sample log and its domain', () => {
    expect(domainOfLog('{"format":"purestream/events@1","domain":"profiles"}', 'commerce')).toBe('profiles');
    expect(domainOfLog('[{"type":"purestream.commerce.ItemRestocked"}]', 'x')).toBe('commerce');
    expect(sampleLogsFrom({ 'a/x.md': '#', 'a/b.json': '[]' }).map((s) => s.file)).toEqual(['b.json']);
  });
});
