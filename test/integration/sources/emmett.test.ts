import { describe, expect, it } from 'vitest';
import { freshDatabase, needsServer, sql } from '../servers';
import { holdEmmettAppend, seedEmmett } from '../seed/emmett';
import { readSource } from './read';


const emmettUrl = (url: string, query = '') => `${url}?store=emmett${query}`;

describe("Emmett's PostgreSQL event store, read live", () => {
  needsServer('postgres');

  it('reads emt_messages with the emmett profile: 64-bit positions exact, commands and archived rows counted apart, gaps in global positions not reported', async () => {
    const url = await freshDatabase('emmett_read');
    // Emmett creates its schema on first use; then its global positions start past 2^53
    await seedEmmett(url, [{ streamName: 'order-0', messages: [{ type: 'OrderPlaced', data: { orderId: 'o-0' } }] }]);
    await sql(url, "ALTER SEQUENCE emt_global_message_position RESTART WITH 9007199254740993");
    await seedEmmett(url, [
      { streamName: 'order-1', messages: [{ type: 'OrderPlaced', data: { orderId: 'o-1' } }, { type: 'OrderPaid', data: { orderId: 'o-1' } }] },
      { streamName: 'order-1', messages: [{ type: 'ShipOrder', data: { orderId: 'o-1' }, kind: 'Command' }] },
    ]);
    await sql(url, "SELECT nextval('emt_global_message_position')"); // a rolled-back append's number: a gap
    await seedEmmett(url, [{ streamName: 'order-2', messages: [{ type: 'OrderPlaced', data: { orderId: 'o-2' }, metadata: { correlationId: 'c-2' } }] }]);
    // archived as Emmett archives a stream: the rows stay, flagged
    await sql(url, "UPDATE emt_messages SET is_archived = TRUE WHERE stream_id = 'order-0'");

    const { report, position, rows } = await readSource(emmettUrl(url), { batch: 2 });
    expect(report.profile).toBe('emmett');
    expect(report.framing).toBe('rows');
    expect(report.events).toBe(3);
    expect(report.otherRecords).toBe(1); // the command row
    expect(report.archivedRecords).toBe(1); // the archived row: its stream holds nothing else
    expect(report).toMatchObject({ streamsWithoutEvents: 1, streamsArchivedOnly: 1 });
    expect(report.types).toEqual({ OrderPlaced: 2, OrderPaid: 1 });
    expect(report.anomalies).toEqual([]);
    const order1 = report.streams.find((s) => s.stream === 'order-1')!;
    expect(order1).toMatchObject({ events: 2, firstPosition: '1', lastPosition: '2' });
    expect(rows.map((r) => r.global_position)).toEqual(['1', '9007199254740993', '9007199254740994', '9007199254740995', '9007199254740997']);
    expect(position).toMatch(/^\d+:9007199254740997$/);
    expect(report.source).toBe(emmettUrl(url));
  });

  it('never skips a row that commits after a higher-numbered one: a read resumed from the printed position gets it (the transaction-id filter)', async () => {
    const url = await freshDatabase('emmett_order');
    await seedEmmett(url, [{ streamName: 'order-0', messages: [{ type: 'OrderPlaced', data: { orderId: 'o-0' } }] }]);
    const held = holdEmmettAppend(url, 'order-1', [{ type: 'OrderPlaced', data: { orderId: 'o-1' } }]);
    await held.inserted;
    await seedEmmett(url, [{ streamName: 'order-2', messages: [{ type: 'OrderPlaced', data: { orderId: 'o-2' } }] }]);
    // global position 3 is committed, 2 is not yet: a reader by global position alone would pass 2 for ever
    const first = await readSource(emmettUrl(url));
    expect(first.rows.map((r) => r.stream_id)).toEqual(['order-0']);
    await held.release();
    const second = await readSource(emmettUrl(url), { from: first.position });
    expect(second.rows.map((r) => [r.stream_id, r.global_position])).toEqual([
      ['order-1', '2'],
      ['order-2', '3'],
    ]);
  });

  it('starts at the end, at a time, or at a bare global position; stream= reads one stream', async () => {
    const url = await freshDatabase('emmett_from');
    await seedEmmett(url, [{ streamName: 'order-1', messages: [{ type: 'OrderPlaced', data: { orderId: 'o-1' } }] }]);
    await sql(url, "UPDATE emt_messages SET created = '2000-01-01T00:00:00Z'");
    await seedEmmett(url, [{ streamName: 'order-2', messages: [{ type: 'OrderPlaced', data: { orderId: 'o-2' } }, { type: 'OrderPaid', data: { orderId: 'o-2' } }] }]);
    expect((await readSource(emmettUrl(url), { from: 'end' })).rows).toEqual([]);
    expect((await readSource(emmettUrl(url), { from: '2000-01-02T00:00:00Z' })).rows.map((r) => r.global_position)).toEqual(['2', '3']);
    expect((await readSource(emmettUrl(url), { from: '2' })).rows.map((r) => r.global_position)).toEqual(['3']);
    expect((await readSource(emmettUrl(url, '&stream=order-1'))).rows.map((r) => r.stream_id)).toEqual(['order-1']);
  });

  it('a live tail reads the late-committing row too, then stops when told', async () => {
    const url = await freshDatabase('emmett_tail');
    await seedEmmett(url, [{ streamName: 'order-0', messages: [{ type: 'OrderPlaced', data: { orderId: 'o-0' } }] }]);
    const stop = new AbortController();
    let held: ReturnType<typeof holdEmmettAppend> | undefined;
    let phase = 0;
    const tail = readSource(emmettUrl(url), {
      until: 'live',
      signal: stop.signal,
      onBatch: async (records) => {
        if (phase === 0 && records === 1) {
          phase = 1;
          held = holdEmmettAppend(url, 'order-1', [{ type: 'OrderPlaced', data: { orderId: 'o-1' } }]);
          await held.inserted;
          await seedEmmett(url, [{ streamName: 'order-2', messages: [{ type: 'OrderPlaced', data: { orderId: 'o-2' } }] }]);
        } else if (phase === 1) {
          phase = 2;
          expect(records).toBe(1); // nothing past the open transaction
          await held!.release();
        } else if (records === 3) stop.abort();
      },
    });
    const { rows } = await tail;
    expect(rows.map((r) => r.stream_id)).toEqual(['order-0', 'order-1', 'order-2']);
  });
});
