import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { freshDatabase, needsServer } from '../servers';
import { holdEmmettAppend, seedEmmett } from '../seed/emmett';
import { installMessageDb, messageDbSearchPath, writeMessages } from '../seed/messageDb';
import { appendMartenEvents, createMartenSchema, setMartenHighWaterMark } from '../seed/marten';

async function query(url: string, sql: string, options?: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: url, options });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('event stores on the real PostgreSQL, loaded with their own tooling', () => {
  needsServer('postgres');
  it("Emmett's package writes emt_messages rows: events as 'E', commands as 'C', int8 positions kept exact", async () => {
    const url = await freshDatabase('emmett');
    const appended = await seedEmmett(url, [
      { streamName: 'order-1', messages: [{ type: 'OrderPlaced', data: { orderId: 'o-1' } }, { type: 'OrderPaid', data: { orderId: 'o-1' } }] },
      { streamName: 'order-1', messages: [{ type: 'ShipOrder', data: { orderId: 'o-1' }, kind: 'Command' }] },
      { streamName: 'order-2', messages: [{ type: 'OrderPlaced', data: { orderId: 'o-2' }, metadata: { correlationId: 'c-2' } }] },
    ]);
    expect(appended.map((a) => a.nextStreamPosition)).toEqual(['2', '3', '1']);
    const rows = await query(url, 'SELECT stream_id, stream_position, global_position, message_kind, message_type, message_metadata, partition FROM emt_messages ORDER BY global_position');
    expect(rows.map((r) => [r.stream_id, r.stream_position, r.global_position, r.message_kind, r.message_type])).toEqual([
      ['order-1', '1', '1', 'E', 'OrderPlaced'],
      ['order-1', '2', '2', 'E', 'OrderPaid'],
      ['order-1', '3', '3', 'C', 'ShipOrder'],
      ['order-2', '1', '4', 'E', 'OrderPlaced'],
    ]);
    expect(rows[3].message_metadata).toMatchObject({ correlationId: 'c-2' });
    expect(rows[0].partition).toBe('emt:default');
  });

  it('an Emmett append held open keeps its lower global_position uncommitted while a later append commits (the commit-order trap)', async () => {
    const url = await freshDatabase('emmett_order');
    await seedEmmett(url, [{ streamName: 'order-0', messages: [{ type: 'OrderPlaced', data: { orderId: 'o-0' } }] }]);
    const held = holdEmmettAppend(url, 'order-1', [{ type: 'OrderPlaced', data: { orderId: 'o-1' } }]);
    await held.inserted;
    await seedEmmett(url, [{ streamName: 'order-2', messages: [{ type: 'OrderPlaced', data: { orderId: 'o-2' } }] }]);
    const visible = await query(url, 'SELECT stream_id, global_position FROM emt_messages ORDER BY global_position');
    expect(visible.map((r) => [r.stream_id, r.global_position])).toEqual([
      ['order-0', '1'],
      ['order-2', '3'],
    ]);
    expect((await held.release()).lastGlobalPosition).toBe('2');
    const all = await query(url, 'SELECT stream_id, global_position FROM emt_messages ORDER BY global_position');
    expect(all.map((r) => r.stream_id)).toEqual(['order-0', 'order-1', 'order-2']);
  });

  it("Message DB's own SQL installs, and write_message numbers each stream from 0 with a global position; time has no zone", async () => {
    const url = await freshDatabase('messagedb');
    await installMessageDb(url);
    const positions = await writeMessages(url, [
      { id: '7f8e0c4e-0000-4000-8000-000000000001', streamName: 'account-123', type: 'Deposited', data: { amount: 10 } },
      { id: '7f8e0c4e-0000-4000-8000-000000000002', streamName: 'account-123', type: 'Withdrawn', data: { amount: 3 }, metadata: { causationMessageStreamName: 'account:command-123', causationMessagePosition: 0, correlationStreamName: 'transfer-9' } },
      { id: '7f8e0c4e-0000-4000-8000-000000000003', streamName: 'account-456', type: 'Deposited', data: { amount: 5 } },
    ]);
    expect(positions).toEqual(['0', '1', '0']);
    const rows = await query(url, "SELECT global_position, position, stream_name, type, pg_typeof(time)::text AS time_type FROM messages ORDER BY global_position", messageDbSearchPath);
    expect(rows.map((r) => [r.global_position, r.position, r.stream_name, r.type])).toEqual([
      ['1', '0', 'account-123', 'Deposited'],
      ['2', '1', 'account-123', 'Withdrawn'],
      ['3', '0', 'account-456', 'Deposited'],
    ]);
    expect(rows[0].time_type).toBe('timestamp without time zone');
  });

  it("Marten's documented DDL takes events: seq_id from mt_events_sequence, version per stream, a high-water mark", async () => {
    const url = await freshDatabase('marten');
    await createMartenSchema(url);
    const stream = '3f1c8d2a-5b7e-4c9d-8e0f-1a2b3c4d5e6f';
    const seqIds = await appendMartenEvents(url, stream, [
      { id: 'a0000000-0000-4000-8000-000000000001', type: 'quest_started', data: { Name: 'Destroy the Ring' }, correlationId: 'c-1' },
      { id: 'a0000000-0000-4000-8000-000000000002', type: 'members_joined', data: { Members: ['Frodo'] }, causationId: 'a0000000-0000-4000-8000-000000000001', correlationId: 'c-1' },
    ]);
    await setMartenHighWaterMark(url, seqIds[1]);
    expect(seqIds).toEqual(['1', '2']);
    const rows = await query(url, "SELECT e.seq_id, e.version, e.type, e.tenant_id, p.last_seq_id AS high_water FROM mt_events e, mt_event_progression p WHERE p.name = 'HighWaterMark' ORDER BY seq_id");
    expect(rows.map((r) => [r.seq_id, r.version, r.type, r.tenant_id, r.high_water])).toEqual([
      ['1', '1', 'quest_started', '*DEFAULT*', '2'],
      ['2', '2', 'members_joined', '*DEFAULT*', '2'],
    ]);
  });
});
