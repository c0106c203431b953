/** The records a table's filters keep: through the indexes, or searched chunk by chunk (a copy of the on-call trial's Marten export). */
import { readFileSync } from 'node:fs';
import initSqlJs from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { filterSeqs, filterSql, SCAN_CHUNK, ScanStopped } from '../../../../renderer/lib/eventlog/filterSeqs';
import { eventShows, foldCase } from '../../../../renderer/lib/eventlog/textMatch';
import { importRecords } from '../../../../renderer/lib/inspector/importRecords';
import { DatabaseLogs } from '../../../../renderer/lib/inspector/logStore';
import type { EventFilter } from '../../../../src/store/eventPages';
import { createWorkspace, type Workspace } from '../../../../src/store/workspace';

let sqlJs: Awaited<ReturnType<typeof initSqlJs>>;
let db: Workspace;
let logId: number;
beforeAll(async () => {
  sqlJs = await initSqlJs();
  db = createWorkspace(sqlJs);
  const text = readFileSync(new URL('../../../fixtures/logs/oncall/marten-incident.jsonl', import.meta.url), 'utf8');
  ({ logId } = await importRecords(new DatabaseLogs(db), [text], { name: 'marten-incident.jsonl', source: 'marten-incident.jsonl' }));
});

/** The file's lines of the records a filter keeps (each record is on its own line here). */
const lines = async (filter: EventFilter) => [...(await filterSeqs(db, logId, filter))];

describe('filterSeqs: the text filter', () => {
  it('finds a flow by a part of its correlation id, and a record by a header of its metadata', async () => {
    // the flow req-180413ea20d90f1f283b: the order, its redelivery, the stock, the payments, the shipment
    expect(await lines({ text: '180413ea' })).toEqual([17, 18, 19, 20, 21, 22, 28]);
    expect(await lines({ text: 'x-retry' })).toEqual([22]);
    expect(await lines({ text: 'WEBHOOK-ID' })).toEqual([9, 15, 21, 22, 27]);
  });

  it('finds a cause by its id and the records it caused by their causation id', async () => {
    expect(await lines({ text: 'b0e28193' })).toEqual([20, 21, 22]);
  });
});

describe('filterSeqs: the text filter read through LIKE first', () => {
  it('keeps exactly the records the text shows, whatever their characters (the search without LIKE is the oracle)', async () => {
    const other = createWorkspace(sqlJs);
    const values = ['ﬁle', 'KELVIN \u212a', 'ＦＵＬＬ', 'say "hi"', 'back\\slash', 'Straße', 'plain file', 'amount', 'ok', 'e\u0301té', '\u001bx', null, true, 12.5, [1, 'two'], { deep: 'Nul' }];
    const lines = values.map((v, i) => JSON.stringify({ id: `id-${i}`, type: i % 2 ? 'Filed' : 'Noted', stream: `s-${i}`, causationId: i === 3 ? 'cause-File' : undefined, metadata: { note: v }, data: { text: v, n: i } }));
    const { logId: id } = await importRecords(new DatabaseLogs(other), [lines.join('\n')], { name: 'x', source: 'x', profile: 'generic' });
    const rows = other.exec('SELECT seq, id, type, stream, data, causation_id, correlation_id, metadata FROM events WHERE log_id = ? ORDER BY seq', [id])[0].values;
    for (const needle of ['file', 'FI', 'k', 'full', 'hi', '"hi"', 'slash', 'sse', 'amount', 'n=3', 'cause-f', 'note', 'te', 'x', '\u001b', 'null', 'nul', 'u', 'true', '12.5', '2.5,', '1,', 'two', ':', 'deep', 'text', '{']) {
      const oracle = rows.filter(([, i, t, st, d, c, co, m]) => eventShows(String(i), String(t), String(st), String(d), foldCase(needle), { causationId: c as string | null, correlationId: co as string | null, metadataJson: m as string | null })).map((r) => Number(r[0]));
      expect([...(await filterSeqs(other, id, { text: needle }))], needle).toEqual(oracle);
    }
  });
});

describe('filterSeqs: the stream filter', () => {
  const WHOLE = '6d7675c8-25bf-7797-88e2-0220836f5825';

  it('takes a whole stream id through the index, and a part of one in any case by a search', async () => {
    expect(filterSql(db, logId, { stream: WHOLE }).indexed).toBe(true);
    expect(await lines({ stream: WHOLE })).toEqual([17, 19, 20, 21, 22, 28]);
    expect(filterSql(db, logId, { stream: '6D7675C8' }).indexed).toBe(false);
    expect(await lines({ stream: '6D7675C8' })).toEqual([17, 19, 20, 21, 22, 28]);
    expect(await lines({ stream: '6d7675c8', type: 'payment_captured' })).toEqual([21, 22]);
    // a part of every stream id: each one's records
    expect(await lines({ stream: '-' })).toHaveLength(28);
    expect(await lines({ stream: '100%_' })).toEqual([]);
  });

  it('folds case for every script', async () => {
    const other = createWorkspace(sqlJs);
    const text = ['Straße-1', 'STRASSE-2', 'Ωμέγα', 'plain'].map((s, i) => JSON.stringify({ id: `e${i}`, type: 'Happened', stream: s, data: {} })).join('\n');
    const { logId: id } = await importRecords(new DatabaseLogs(other), [text], { name: 'x', source: 'x' });
    expect([...(await filterSeqs(other, id, { stream: 'strasse' }))]).toEqual([1, 2]);
    expect([...(await filterSeqs(other, id, { stream: 'ΜΈΓΑ' }))]).toEqual([3]);
  });
});

describe('filterSeqs: a flow and what a record caused', () => {
  it('keeps the records of one correlation id, or those whose causation id is one record', async () => {
    expect(await lines({ correlation: 'req-180413ea20d90f1f283b' })).toEqual([17, 18, 19, 20, 21, 22, 28]);
    expect(await lines({ causation: 'b0e28193-fb09-7515-8ace-704926fb4660' })).toEqual([21, 22]);
    expect(await lines({ correlation: 'req-180413ea' })).toEqual([]);
  });
});

describe('filterSeqs: a search in chunks', () => {
  it('pauses between chunks, tells how far it got, and stops when told to', async () => {
    const big = createWorkspace(sqlJs);
    const n = SCAN_CHUNK * 2 + 100;
    const text = Array.from({ length: n }, (_, i) => JSON.stringify({ id: `e${i + 1}`, type: 'Happened', stream: `s-${i % 7}`, data: { n: i } })).join('\n');
    const { logId: id } = await importRecords(new DatabaseLogs(big), [text], { name: 'big', source: 'big' });
    const progress: number[] = [];
    let pauses = 0;
    const found = await filterSeqs(big, id, { stream: 'S-3' }, { pause: async () => void pauses++, onProgress: (scanned, of) => progress.push(scanned / of) });
    expect(found.length).toBe(Math.ceil((n - 3) / 7));
    expect(pauses).toBe(2);
    expect(progress).toEqual([SCAN_CHUNK / n, (2 * SCAN_CHUNK) / n, 1]);
    let stop = false;
    await expect(filterSeqs(big, id, { text: 'happened' }, { pause: async () => void (stop = true), stopped: () => stop })).rejects.toBeInstanceOf(ScanStopped);
  });
});
