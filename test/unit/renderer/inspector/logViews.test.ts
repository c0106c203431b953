/** A stored log read as the run views read runs: graph windows, timeline windows, a record in full, a preview, and inspecting it again. */
import { readFileSync } from 'node:fs';
import initSqlJs from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundledDomain } from '../../../../src/engine/module/bundled';
import { DatabaseLogs, recordPages } from '../../../../renderer/lib/inspector/logStore';
import { importRecords } from '../../../../renderer/lib/inspector/importRecords';
import { LogViews, STREAM_LANES } from '../../../../renderer/lib/inspector/logViews';
import { previewReading } from '../../../../renderer/lib/inspector/previewReading';
import { recordDetail, streamChange, streamUpTo } from '../../../../renderer/lib/inspector/recordDetail';
import { readLogMap } from '../../../../src/logs/profiles';
import { CallGuard } from '../../../../src/engine/module/callGuard';
import { domainModule } from '../../../../src/engine/module/domainModule';
import credit from '../../../fixtures/modules/credit/credit';
import { importLog, storedRecords } from '../../../../src/store/logs';
import { createWorkspace, type Workspace } from '../../../../src/store/workspace';

const commerce = bundledDomain('commerce')!;

let sqlJs: Awaited<ReturnType<typeof initSqlJs>>;
beforeAll(async () => {
  sqlJs = await initSqlJs();
});

const fixture = (path: string) => readFileSync(new URL(`../../../../${path}`, import.meta.url), 'utf8');
const sample = () => fixture('samples/logs/flash-sale-oversell.cloudevents.json');

async function stored(text: string, domain = true): Promise<{ db: Workspace; logId: number }> {
  const db = createWorkspace(sqlJs);
  const { logId } = await importRecords(new DatabaseLogs(db), [text], { name: 'log', source: 'log', ...(domain ? { domain: commerce } : {}) });
  return { db, logId };
}

describe('LogViews: a stored log as a GraphSource and a TimelineSource', () => {
  it('gives its events and commands as causal records, linked by causation, each id once', async () => {
    const { db, logId } = await stored(sample());
    const views = new LogViews(db, logId);
    const window = views.graphWindow(undefined, 10_000);
    expect(window.records.filter((r) => r.kind === 'command')).toHaveLength(153);
    expect(new Set(window.records.map((r) => r.id)).size).toBe(window.records.length);
    const placed = window.records.find((r) => r.id === 'c1.1')!;
    expect(placed).toMatchObject({ kind: 'event', type: 'purestream.commerce.OrderPlaced', causationId: 'c1', stream: 'order:o-1', flow: 'purestream.commerce.OrderPlaced' });
    expect(window.records.find((r) => r.id === 'rejection:c105')).toMatchObject({ kind: 'rejection', outcome: 'rejected', causationId: 'c105' });
    // a small window narrows to its first records
    const first = views.graphWindow(undefined, 10);
    expect(first.records).toHaveLength(10);
    expect(first.inRange).toBeGreaterThan(10);
  });

  it("marks the event that broke an invariant, and the command that caused it, with the inspection's violation", async () => {
    const db = createWorkspace(sqlJs);
    const { logId, report } = await importRecords(new DatabaseLogs(db), [sample()], { name: 'log', source: 'log', domain: commerce });
    expect(report.violations).toHaveLength(1);
    const [v] = report.violations;
    const records = new LogViews(db, logId, report.violations).graphWindow(undefined, 10_000).records;
    const marked = records.filter((r) => r.broke);
    const event = marked.find((r) => r.kind === 'event')!;
    expect(marked.map((r) => r.kind).sort()).toEqual(['command', 'event']);
    expect(marked.find((r) => r.kind === 'command')!.id).toBe(event.causationId);
    for (const r of marked) expect(r.broke).toEqual([{ invariant: 'stock-non-negative', stream: v.stream, message: v.message, event: event.id }]);
    // without the violations (no domain), nothing is marked
    expect(new LogViews(db, logId).graphWindow(undefined, 10_000).records.some((r) => r.broke)).toBe(false);
  });

  it("marks on the timeline the record that broke an invariant, on its stream's lane, as the bar it draws; and names each marked record's stream for the Streams list", async () => {
    const db = createWorkspace(sqlJs);
    const { logId, report } = await importRecords(new DatabaseLogs(db), [sample()], { name: 'log', source: 'log', domain: commerce });
    const [v] = report.violations;
    const views = new LogViews(db, logId, report.violations);
    const frame = views.timelineFrame();
    expect(frame.marks).toHaveLength(1);
    const [mark] = frame.marks!;
    expect(mark.invariants).toEqual(['stock-non-negative']);
    expect(mark.bar.target).toMatchObject({ kind: 'event', seq: v.record });
    expect(frame.lanes[mark.bar.lane].label).toBe('stock:tee@main');
    // the very bar the window draws (same key, lane and time)
    const drawn = views.timelineWindow({ from: frame.start, to: frame.end }, 100_000, 50).bars.find((b) => b.key === mark.bar.key);
    expect(drawn).toEqual(mark.bar);
    expect(views.recordStreams([v.record, 1])).toEqual(expect.arrayContaining([[v.record, 'stock:tee@main']]));
    // no violations (no domain): no marks
    expect(new LogViews(db, logId).timelineFrame().marks).toBeUndefined();
  });

  it('says on its node that a record counted apart (an Emmett command row) is not an event', async () => {
    const row = (position: number, kind: string, type: string) => ({ stream_id: 'book:dune', stream_position: position, message_kind: kind, message_data: {}, message_metadata: {}, message_type: type, message_id: `m${position}`, global_position: position, created: '2026-01-05 10:00:00+00' });
    const { db, logId } = await stored(`${[row(1, 'E', 'BookAdded'), row(2, 'C', 'Lend')].map((r) => JSON.stringify(r)).join('\n')}\n`, false);
    const records = new LogViews(db, logId).graphWindow(undefined, 100).records;
    expect(records.map((r) => r.sub)).toEqual(['book:dune @1 2026-01-05T10:00:00Z', 'not an event · book:dune @2 2026-01-05T10:00:00Z']);
  });

  it('marks no event that only caused the one that broke an invariant (a cause is marked only when it is a command)', async () => {
    const db = createWorkspace(sqlJs);
    const lines = [
      { seq: 1, id: 'e1', type: 'ItemRestocked', at: 1, data: { sku: 'tee', qty: 1, warehouse: 'main' } },
      { seq: 2, id: 'e2', type: 'StockReserved', at: 2, data: { sku: 'tee', qty: 3, warehouse: 'main', orderId: 'o1' }, causationId: 'e1' },
    ].map((r) => JSON.stringify(r)).join('\n');
    const { logId, report } = await importRecords(new DatabaseLogs(db), [`${lines}\n`], { name: 'log', source: 'log', domain: commerce });
    expect(report.violations).toHaveLength(1);
    const records = new LogViews(db, logId, report.violations).graphWindow(undefined, 100).records;
    expect(records.filter((r) => r.broke).map((r) => r.id)).toEqual(['e2']);
  });

  it('draws streams as lanes and records as points; past maxBars, counts per lane and slice add up to the records in view', async () => {
    const { db, logId } = await stored(sample());
    const views = new LogViews(db, logId);
    const frame = views.timelineFrame();
    expect(frame.clock).toBe('epoch');
    // commands and rejections have no stream; the busiest stream comes next
    expect(frame.lanes.slice(0, 2)).toEqual([
      { label: '(no stream)', kind: 'stream' },
      { label: 'stock:tee@main', kind: 'stream' },
    ]);
    expect(frame.lanes.at(-1)).toEqual({ label: 'other streams', kind: 'stream' });
    const all = views.timelineWindow({ from: frame.start, to: frame.end }, 100_000, 50);
    expect(all.bars.length).toBe(all.total);
    expect(all.bars.every((b) => b.start === b.end)).toBe(true);
    const overview = views.timelineWindow({ from: frame.start, to: frame.end }, 10, 50);
    expect(overview.bars).toEqual([]);
    expect(overview.activity!.count.reduce((a, b) => a + b, 0)).toBe(all.total);
  });

  it('orders equally busy streams\' lanes naturally, o-2 before o-10, and keeps the busiest ahead of them', async () => {
    const db = createWorkspace(sqlJs);
    // o-1 … o-50 with one record each, then o-7 and o-30 with a second: 52 records
    const streams = [...Array.from({ length: 50 }, (_, i) => `o-${i + 1}`), 'o-30', 'o-7'];
    const logId = importLog(db, { name: 'orders', source: 'orders', imported: 0 }, streams.map((stream, i) => ({ seq: i + 1, id: `e${i + 1}`, type: 'OrderPlaced', stream, at: i, data: {} })));
    const lanes = new LogViews(db, logId).timelineFrame().lanes.map((l) => l.label);
    expect(lanes).toHaveLength(STREAM_LANES + 1);
    expect(lanes.slice(0, 6)).toEqual(['o-7', 'o-30', 'o-1', 'o-2', 'o-3', 'o-4']);
    expect(lanes.slice(-3)).toEqual(['o-39', 'o-40', 'other streams']);
    // fewer streams than lanes: each its own, in the same order, and no lane for others
    const few = importLog(db, { name: 'few', source: 'few', imported: 0 }, ['o-10', 'o-2', 'o-1', 'o-2'].map((stream, i) => ({ seq: i + 1, id: `f${i + 1}`, type: 'OrderPlaced', stream, at: i, data: {} })));
    expect(new LogViews(db, few).timelineFrame().lanes.map((l) => l.label)).toEqual(['o-2', 'o-1', 'o-10']);
  });

  it('a record in full: its text, what was read, and its stream before and after it (replayed alone)', async () => {
    const { db, logId } = await stored(sample());
    const seq = Number(db.exec("SELECT seq FROM events WHERE log_id = ? AND id = 'c1.2'", [logId])[0].values[0][0]);
    const detail = recordDetail(db, logId, seq, { profile: 'cloudevents', domain: commerce })!;
    expect(JSON.parse(detail.raw!)).toMatchObject({ id: 'c1.2', subject: 'stock:tee@main' });
    expect(detail.facts).toContainEqual(['stream', 'stock:tee@main']);
    expect(detail.change).toEqual({ stream: 'stock:tee@main', before: { sku: 'tee', warehouse: 'main', stock: 100 }, after: { sku: 'tee', warehouse: 'main', stock: 99 }, replayed: true });
  });

  it("a record the replay passed by (the trial's line 29: an id seen before, with other content) changed nothing: after is before, and it says it was not replayed", async () => {
    const domain = domainModule(credit, { name: 'credit.ts', defaultId: 'credit', guard: new CallGuard({ module: 'credit.ts' }) });
    const db = createWorkspace(sqlJs);
    const { logId, report } = await importRecords(new DatabaseLogs(db), [fixture('test/fixtures/modules/credit/credit-emmett.jsonl')], { name: 'credit', source: 'credit', domain });
    expect(report.anomalies.find((a) => a.record === 29)).toMatchObject({ kind: 'duplicate-id', message: expect.stringContaining('with different content; not replayed again') });
    const duplicate = recordDetail(db, logId, 29, { profile: 'emmett', domain })!;
    expect(duplicate.change).toMatchObject({ stream: 'customer:initech', replayed: false, before: { customerId: 'initech', outstanding: 280, orders: 7 } });
    expect(duplicate.change!.after).toEqual(duplicate.change!.before);
    // the record after it is replayed on the same state
    const next = recordDetail(db, logId, 30, { profile: 'emmett', domain })!;
    expect(next.change).toMatchObject({ stream: 'customer:initech', replayed: true, before: { orders: 7 }, after: { orders: 8 } });
  });
});

describe('reading a stored log again', () => {
  it('previews the first records under a map, and inspects the stored records again with a domain', async () => {
    const log = fixture('test/fixtures/logs/acme-orders.ndjson');
    const { db, logId } = await stored(log, false);
    const records = [...storedRecords(db, logId)];
    expect(records.map((r) => r.line)).toEqual([1, 2, 3, 4]);
    const map = readLogMap(JSON.parse(fixture('test/fixtures/logs/acme-type-map.json')));
    if (!map.ok) throw new Error('map');
    const preview = previewReading(records.slice(0, 2), { map: map.map });
    expect(preview.profile).toBe('cloudevents');
    expect(preview.rows.map((r) => r.fields.type)).toEqual(['com.acme.inventory.ItemRestocked', 'OrderPlaced']);
    // a record the reading cannot type shows its own text, to read its field names off for a map
    const untyped = previewReading([{ raw: '{"evt":"signed-up","user":"u1"}', line: 1 }], {});
    expect(untyped.rows[0]).toMatchObject({ problem: expect.stringMatching(/^unmapped: /), raw: '{"evt":"signed-up","user":"u1"}' });
    const again = await importRecords(new DatabaseLogs(db), { records, framing: 'lines' }, { name: 'again', source: 'again', domain: commerce, map: map.map });
    expect(again.report.domain).toBe('commerce');
    expect(again.report.framing).toBe('lines');
    expect(again.report.finalState).toMatchObject({ 'order:A-17': { status: 'shipped' } });
  });

  it('reads the stored records a page at a time as it reads them all at once, and a stream up to a record as the detail replays it', async () => {
    const { db, logId } = await stored(sample());
    const logs = new DatabaseLogs(db);
    const records = [...storedRecords(db, logId)];
    expect(logs.stored(logId)).toMatchObject({ records: records.length, reading: { framing: 'array', profile: 'cloudevents', domain: 'commerce' } });
    const whole = await importRecords(logs, { records, framing: 'array' }, { name: 'whole', source: 'again', domain: commerce, now: 1 });
    const paged = await importRecords(logs, { records: recordPages(logs, logId, 7), framing: 'array' }, { name: 'paged', source: 'again', domain: commerce, now: 1 });
    expect(JSON.stringify(paged.report)).toBe(JSON.stringify(whole.report));
    const seq = Number(db.exec("SELECT seq FROM events WHERE log_id = ? AND id = 'c1.2'", [logId])[0].values[0][0]);
    const stream = streamUpTo(db, logId, seq)!;
    expect(stream.stream).toBe('stock:tee@main');
    expect(stream.records.at(-1)!.seq).toBe(seq);
    expect(streamChange(stream, seq, { profile: 'cloudevents', domain: commerce })).toEqual(recordDetail(db, logId, seq, { profile: 'cloudevents', domain: commerce })!.change);
    // a module names the domain in the stored reading by its file name
    const named = await importRecords(logs, { records, framing: 'array' }, { name: 'named', source: 'again', domain: commerce, domainName: 'commerce.ts' });
    expect(logs.stored(named.logId).reading?.domain).toBe('commerce.ts');
    logs.remove(named.logId);
    expect(logs.stored(named.logId).records).toBe(0);
  });
});

describe("LogViews: a log's names as the views show them", () => {
  it('escapes control and bidirectional characters in the labels of the graph and the timeline, and keeps the ids as recorded', async () => {
    const { db, logId } = await stored(fixture('test/fixtures/logs/oncall/hostile-names.jsonl'), false);
    const views = new LogViews(db, logId);
    const evil = views.graphWindow(undefined, 100).records.find((r) => r.id === '00000000-0000-7000-8000-00000000beef')!;
    expect(evil.type).toBe('pay"ment\\u000acaptured\\u0007');
    expect(evil.sub).toContain('evil"\\u000a\\u001b[31mRED\\u001b[0m\\u202eTXE.exe');
    expect(evil.stream).toBe('evil"\n\u001b[31mRED\u001b[0m\u202eTXE.exe');
    const lanes = views.timelineFrame().lanes.map((l) => l.label);
    expect(lanes).toContain('evil"\\u000a\\u001b[31mRED\\u001b[0m\\u202eTXE.exe');
    for (const label of lanes) expect(label).not.toMatch(/[\u0000-\u001f\u202e]/);
    const frame = views.timelineFrame();
    const bars = views.timelineWindow({ from: frame.start, to: frame.end }, 100, 10).bars;
    expect(bars.map((b) => b.label)).toContain('pay"ment\\u000acaptured\\u0007 @3');
  });
});

describe("LogViews: a log's orphan causes and repeated ids in the graph", () => {
  it('names the causes no record of the log has, counts the redelivered record drawn once, and finds a Message DB cause by its address', async () => {
    const { db, logId } = await stored(fixture('test/fixtures/logs/oncall/marten-incident.jsonl'), false);
    const window = new LogViews(db, logId).graphWindow(undefined, 10_000);
    expect(window.total).toBe(window.records.length + window.repeated!);
    expect(window.repeated).toBe(1);
    // the order's cause is an HTTP request; the stock reservation's is the order, which is in the log
    expect(window.missing).toContain('http-878c317bb6bda22a');
    expect(window.missing).not.toContain('3a199c09-5df3-7fdb-803f-4357246efc3d');
    const mdb = await stored(fixture('test/fixtures/logs/profiles/message-db-messages.jsonl'), false);
    expect(new LogViews(mdb.db, mdb.logId).graphWindow(undefined, 100).missing ?? []).not.toContain('account:command-123/0');
  });
});

describe("LogViews: a log's archived records in the timeline", () => {
  it("shows first the events' time, the archived record weeks before it aside", async () => {
    const { db, logId } = await stored(fixture('test/fixtures/logs/oncall/marten-incident.jsonl'), false);
    const frame = new LogViews(db, logId).timelineFrame();
    expect(new Date(frame.start).toISOString()).toBe('2026-02-01T22:00:00.000Z');
    expect(frame.view).toEqual({ start: Date.parse('2026-03-13T21:00:00.000Z'), end: Date.parse('2026-03-14T05:02:14.623Z'), aside: "1 archived record outside the events' time" });
    // a log without archived records has no view of its own: all of it is shown
    const plain = await stored(sample(), false);
    expect(new LogViews(plain.db, plain.logId).timelineFrame().view).toBeUndefined();
  });
});
