/**
 * The desktop app's Connect… loading a stream's earlier events (README, "Streams that began before
 * the read") as its main process runs it (src/main/sourceSessions.ts), against a real PostgreSQL:
 * the session says how its records name their streams, serves a stream's earlier events a page
 * per call on the read's own connection — also after the read's end, until stopped — and refuses
 * what it should not answer. (No Electron runs here: the window is a recorder of what would be sent.)
 */
import { describe, expect, it } from 'vitest';
import { freshDatabase, needsServer } from '../servers';
import { seedEmmett, type EmmettMessage } from '../seed/emmett';
import { acking, openSession } from './sessionWindow';

const add = (cartId: string, sku: string): EmmettMessage => ({ type: 'ItemAdded', data: { cartId, sku, quantity: 1 } });
const cart = (id: string) => `shopping_cart-${id}`;

describe("Connect… in the desktop app's main process: a stream's earlier events", () => {
  needsServer('postgres');

  it('are served a page per call after the read ended, until the session is stopped; what is not a record of a stream past its start is refused', async () => {
    const db = await freshDatabase('desk_earlier');
    const url = `${db}?store=emmett`;
    await seedEmmett(db, [{ streamName: cart('c-1'), messages: [add('c-1', 'tee'), add('c-1', 'mug'), add('c-1', 'cap')] }]);
    const head = await openSession({ url, until: 'head', remember: false });
    head.sessions.start(head.id);
    const from = (await head.end).position!;
    await head.sessions.stopAll();
    await seedEmmett(db, [
      { streamName: cart('c-1'), messages: [add('c-1', 'hat')] },
      { streamName: cart('c-5'), messages: [add('c-5', 'tee')] },
    ]);

    const w = await openSession({ url, from, until: 'head', remember: false });
    const { sessions, id } = w;
    expect(w.info.earlier).toEqual({ stream: 'stream_id', revision: 'stream_position', scope: ['partition'], first: '1' });
    sessions.start(id);
    const end = await acking(sessions, id, w.end);
    expect(end.records).toBe(2);
    const records = w.batches.flatMap((b) => b.records) as Record<string, unknown>[];
    const late = records.find((r) => r.stream_id === cart('c-1'))!;
    const fresh = records.find((r) => r.stream_id === cart('c-5'))!;

    // after the read's end, on its connection: the stream's rows before the record, as the reader's own
    const first = await sessions.earlier(id, late, false);
    if (!first.ok) throw new Error(first.error);
    expect(first.value.rows.map((r) => [(r as Record<string, unknown>).stream_position, ((r as Record<string, unknown>).message_data as { sku: string }).sku])).toEqual([
      ['1', 'tee'],
      ['2', 'mug'],
      ['3', 'cap'],
    ]);
    expect(Object.keys(first.value.rows[0]).sort()).toEqual(Object.keys(late).sort());
    expect(await sessions.earlier(id, late, true)).toEqual({ ok: true, value: { rows: [], done: true } });
    expect(await sessions.earlier(id, late, true)).toEqual({ ok: false, error: 'no earlier events are being loaded' });

    // refused: a stream's first record, not a record, not a flag, another session
    expect(await sessions.earlier(id, fresh, false)).toEqual({ ok: false, error: 'the record names no stream past its first revision' });
    expect(await sessions.earlier(id, [late], false)).toEqual({ ok: false, error: 'the record is not an object' });
    expect(await sessions.earlier(id, 'SELECT 1', false)).toEqual({ ok: false, error: 'the record is not an object' });
    expect(await sessions.earlier(id, late, 'yes')).toEqual({ ok: false, error: 'more must be true or false' });
    expect(await sessions.earlier('another', late, false)).toEqual({ ok: false, error: 'that connection is closed' });
    expect(await sessions.earlier(42, late, false)).toEqual({ ok: false, error: 'that connection is closed' });

    // stopped: closed
    await sessions.stop(id);
    expect(await sessions.earlier(id, late, false)).toEqual({ ok: false, error: 'that connection is closed' });
  });
});
