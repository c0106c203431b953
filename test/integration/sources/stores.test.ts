import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { freshDatabase, needsServer, sql } from '../servers';
import { installMessageDb, messageDbSearchPath, writeMessages } from '../seed/messageDb';
import { appendMartenEvents, createMartenSchema, setMartenHighWaterMark } from '../seed/marten';
import { readSource } from './read';

async function connected(url: string, options?: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, options });
  await client.connect();
  return client;
}


const quest = '3f1c8d2a-5b7e-4c9d-8e0f-1a2b3c4d5e6f';
const party = '7a2b3c4d-0000-4000-8000-00000000000a';
const eventId = (n: number) => `a0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe("Marten's mt_events (a table made from Marten's documented DDL: Marten itself needs .NET), read live", () => {
  needsServer('postgres');

  it('reads seq_id under the high-water mark: a row that commits after a higher seq_id is read once the daemon moves the mark past it', async () => {
    const url = await freshDatabase('marten_order');
    await createMartenSchema(url);
    await sql(url, 'ALTER SEQUENCE mt_events_sequence RESTART WITH 9007199254740993');
    const [first] = await appendMartenEvents(url, quest, [{ id: eventId(1), type: 'quest_started', data: { Name: 'Destroy the Ring' }, correlationId: 'c-1' }]);
    await setMartenHighWaterMark(url, first);
    // seq 2 taken by a transaction still open; seq 3 committed: the daemon keeps the mark below the gap
    const holder = await connected(url);
    await holder.query('BEGIN');
    const [held] = await appendMartenEvents(url, party, [{ id: eventId(2), type: 'members_joined', data: { Members: ['Frodo'] }, causationId: eventId(1), correlationId: 'c-1' }], holder);
    const [later] = await appendMartenEvents(url, quest, [{ id: eventId(3), type: 'members_departed', data: { Members: ['Boromir'] }, correlationId: 'c-1' }]);
    expect([held, later]).toEqual(['9007199254740994', '9007199254740995']);

    const before = await readSource(`${url}?store=marten`);
    expect(before.rows.map((r) => r.seq_id)).toEqual(['9007199254740993']);
    expect(before.position).toBe('9007199254740993');

    await holder.query('COMMIT');
    await holder.end();
    await setMartenHighWaterMark(url, later);
    const after = await readSource(`${url}?store=marten`, { from: before.position });
    expect(after.rows.map((r) => r.seq_id)).toEqual(['9007199254740994', '9007199254740995']);
    expect(after.report.profile).toBe('marten');
    expect(after.report.causation.orphans).toBe(1); // eventId(1) was read before, not in this read

    // the whole store at once: every fact of the marten profile, positions exact
    const all = await readSource(`${url}?store=marten`);
    expect(all.report.events).toBe(3);
    expect(all.report.anomalies).toEqual([]);
    expect(all.report.streams.find((s) => s.stream === quest)).toMatchObject({ events: 2, firstPosition: '1', lastPosition: '2' });
    expect(all.report.causation).toMatchObject({ roots: 2, orphans: 0, correlations: 1 });
  });

  it('counts archived rows apart, and a stream= read gets one stream', async () => {
    const url = await freshDatabase('marten_archive');
    await createMartenSchema(url);
    await appendMartenEvents(url, quest, [{ id: eventId(1), type: 'quest_started', data: { Name: 'Ring' } }, { id: eventId(2), type: 'quest_ended', data: { Name: 'Ring' } }]);
    await appendMartenEvents(url, party, [{ id: eventId(3), type: 'members_joined', data: { Members: ['Sam'] } }]);
    // as Marten's ArchiveStream() does: the stream's rows stay, flagged
    await sql(url, 'UPDATE mt_events SET is_archived = TRUE WHERE stream_id = $1', [quest]);
    await sql(url, 'UPDATE mt_streams SET is_archived = TRUE WHERE id = $1', [quest]);
    const all = await readSource(`${url}?store=marten`);
    // archived, not other records (as the app says them); the archived stream is not one with events
    expect([all.report.events, all.report.archivedRecords, all.report.otherRecords]).toEqual([1, 2, 0]);
    expect(all.report).toMatchObject({ streamCount: 2, streamsWithoutEvents: 1, streamsArchivedOnly: 1 });
    const one = await readSource(`${url}?store=marten&stream=${party}`);
    expect(one.rows.map((r) => r.type)).toEqual(['members_joined']);
  });
});

describe("Message DB's messages (its own SQL functions), read live", () => {
  needsServer('postgres');

  it('reads messages with the message-db profile: zone-less times as UTC, causation from metadata, gaps in global positions not reported', async () => {
    const url = await freshDatabase('mdb_read');
    await installMessageDb(url);
    await writeMessages(url, [
      { id: '7f8e0c4e-0000-4000-8000-000000000001', streamName: 'account-123', type: 'Deposited', data: { amount: 10 } },
      { id: '7f8e0c4e-0000-4000-8000-000000000002', streamName: 'account-123', type: 'Withdrawn', data: { amount: 3 }, metadata: { causationMessageStreamName: 'account-123', causationMessagePosition: 0, correlationStreamName: 'transfer-9' } },
    ]);
    await sql(url, "SELECT nextval('message_store.messages_global_position_seq')"); // a rolled-back write
    await writeMessages(url, [{ id: '7f8e0c4e-0000-4000-8000-000000000003', streamName: 'transfer-9', type: 'Transferred', data: { amount: 3 } }]);
    const { report, position, rows } = await readSource(`${url}?store=message-db`);
    expect(report.profile).toBe('message-db');
    expect(report.events).toBe(3);
    expect(report.anomalies).toEqual([]); // no no-zone, no gap at global position 3
    expect(rows.map((r) => r.global_position)).toEqual(['1', '2', '4']);
    expect(position).toBe('4');
    expect(report.causation).toMatchObject({ roots: 2, orphans: 0, maxDepth: 1, correlations: 1 });
    expect(report.timeRange!.first).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);

    const category = await readSource(`${url}?store=message-db&category=account`);
    expect(category.rows.map((r) => r.stream_name)).toEqual(['account-123', 'account-123']);
  });

  it('never skips a message that commits after a higher global position: the read waits for the open transaction', async () => {
    const url = await freshDatabase('mdb_order');
    await installMessageDb(url);
    await writeMessages(url, [{ id: '7f8e0c4e-0000-4000-8000-000000000001', streamName: 'account-1', type: 'Deposited', data: { amount: 1 } }]);
    const holder = await connected(url, messageDbSearchPath);
    await holder.query('BEGIN');
    await holder.query('SELECT write_message($1, $2, $3, $4)', ['7f8e0c4e-0000-4000-8000-000000000002', 'account-2', 'Deposited', '{"amount":2}']);
    // another category takes global position 3 and commits first
    await writeMessages(url, [{ id: '7f8e0c4e-0000-4000-8000-000000000003', streamName: 'transfer-1', type: 'Transferred', data: { amount: 3 } }]);
    const stop = new AbortController();
    let released = false;
    const { rows, position } = await readSource(`${url}?store=message-db`, {
      until: 'live',
      signal: stop.signal,
      onBatch: async (records) => {
        if (!released) {
          expect(records).toBe(1); // 3 is there, but 2 may still commit
          released = true;
          await holder.query('COMMIT');
          await holder.end();
        } else if (records === 3) stop.abort();
      },
    });
    expect(rows.map((r) => r.global_position)).toEqual(['1', '2', '3']);
    expect(position).toBe('3');
  });
});
