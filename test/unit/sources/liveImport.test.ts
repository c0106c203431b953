import initSqlJs from 'sql.js';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { DatabaseLogs } from '../../../renderer/lib/inspector/logStore';
import { importRecords, type StoredProgress } from '../../../renderer/lib/inspector/importRecords';
import { LiveFeed } from '../../../renderer/src/worker/logs/liveFeed';
import { countEvents, pageEvents } from '../../../src/store/eventPages';
import { createWorkspace } from '../../../src/store/workspace';
import { InspectCancelled, type InspectionReport } from '../../../src/logs/types';
import { listLogs } from '../../../src/store/logs';

let sqlJs: Awaited<ReturnType<typeof initSqlJs>>;
beforeAll(async () => {
  sqlJs = await initSqlJs();
});

const row = (n: number) => ({ global_position: String(n), position: String(n - 1), time: `2026-01-01T00:00:0${n}.000000`, stream_name: 'account-1', type: 'Deposited', data: { amount: n }, metadata: null, id: `id-${n}` });

describe('a live source imported into the workspace (the app\'s Connect…)', () => {
  it('stores each batch as it comes (a tail is on screen at once), in order, and inspects them like a file', async () => {
    const db = createWorkspace(sqlJs);
    const feed = new LiveFeed();
    const stored: StoredProgress[] = [];
    const done = importRecords(new DatabaseLogs(db), { batches: feed.batches(), framing: 'rows' }, { name: 'postgres://h/db?store=message-db', source: 'postgres://h/db?store=message-db', profile: 'message-db', onStored: (p) => stored.push(p) });
    await feed.push([row(1), row(2)]);
    await new Promise((r) => setTimeout(r, 0));
    expect(stored.map((s) => s.stored)).toEqual([2]); // not waiting for a thousand records
    await feed.push([row(3)]);
    feed.end();
    const { logId, report } = await done;
    expect(report).toMatchObject({ profile: 'message-db', framing: 'rows', events: 3, anomalies: [] });
    expect(countEvents(db, logId, {})).toBe(3);
    expect(pageEvents(db, logId, { limit: 3 }).events.map((e) => e.globalPosition)).toEqual(['1', '2', '3']);
  });

  it('reports the records so far while it reads (a live tail\'s views follow it), the last report the final one when no more came', async () => {
    const db = createWorkspace(sqlJs);
    const feed = new LiveFeed();
    const interim: InspectionReport[] = [];
    const source = 'postgres://h/db?store=message-db';
    const done = importRecords(new DatabaseLogs(db), { batches: feed.batches(), framing: 'rows' }, { name: source, source, profile: 'message-db', interimMs: 0, onInterim: (r) => interim.push(r) });
    await feed.push([row(1), row(2)]);
    await new Promise((r) => setTimeout(r, 0));
    expect(interim.map((r) => r.events)).toEqual([2]);
    await feed.push([row(3)]);
    // the second waits its turn (a tenth of the time at most goes to reports), then comes though no more records do
    await vi.waitFor(() => expect(interim).toHaveLength(2));
    expect(interim.map((r) => [r.events, r.types])).toEqual([[2, { Deposited: 2 }], [3, { Deposited: 3 }]]);
    feed.end();
    const { report } = await done;
    expect(JSON.parse(JSON.stringify(interim.at(-1)))).toEqual(JSON.parse(JSON.stringify(report)));
  });

  it('Cancel while it waits for the next batch keeps nothing of the log (the feed ends; the import does not finish with what it had)', async () => {
    const db = createWorkspace(sqlJs);
    const feed = new LiveFeed();
    let cancelled = false;
    const source = 'postgres://h/db?store=message-db';
    const done = importRecords(new DatabaseLogs(db), { batches: feed.batches(), framing: 'rows' }, { name: source, source, profile: 'message-db', isCancelled: () => cancelled });
    await feed.push([row(1), row(2)]);
    await new Promise((r) => setTimeout(r, 0)); // the batch is stored; the import waits for the next
    expect(listLogs(db)).toHaveLength(1);
    cancelled = true;
    feed.end();
    await expect(done).rejects.toBeInstanceOf(InspectCancelled);
    expect(listLogs(db)).toEqual([]);
  });

  it('a push waits until the import took the batch; after the end a push is dropped at once', async () => {
    const feed = new LiveFeed();
    let taken = false;
    const pushed = feed.push([1]).then(() => (taken = true));
    await new Promise((r) => setTimeout(r, 0));
    expect(taken).toBe(false);
    const batches = feed.batches();
    expect((await batches.next()).value).toEqual([1]);
    await pushed;
    expect(taken).toBe(true);
    feed.end();
    await feed.push([2]);
    expect((await batches.next()).done).toBe(true);
  });
});
