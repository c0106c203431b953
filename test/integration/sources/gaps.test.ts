/**
 * The commit-order trap of sources.md at a missing position of a store read in position order
 * (Marten without a high-water mark, Message DB): the read waits while a transaction that may
 * write it is open — however long — and reads the row once it commits; a number never written
 * (rolled back) is passed once nothing can write it, and said once. Against the real PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { freshDatabase, needsServer } from '../servers';
import { appendMartenEvents, createMartenSchema } from '../seed/marten';
import { cli } from '../cli/cli';
import { readSource } from './read';
import type { SourceBatch } from '../../../src/sources/types';

const eventId = (n: number) => `b0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const order = 'c1c1c1c1-0000-4000-8000-000000000001';
const other = 'c2c2c2c2-0000-4000-8000-000000000002';

async function connected(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/** A Marten store (no high-water mark: mt_event_progression empty) with `n` committed events; the URL to read it. */
async function martenStore(prefix: string, n: number): Promise<{ url: string; db: string }> {
  const db = await freshDatabase(prefix);
  await createMartenSchema(db);
  for (let i = 1; i <= n; i++) await appendMartenEvents(db, order, [{ id: eventId(i), type: 'order_placed', data: { n: i } }]);
  return { db, url: `${db}?store=marten` };
}

/** Holds a transaction open that wrote the next seq_id; then another commits the one after it. Returns the holder and both seq_ids. */
async function gapHeldOpen(db: string, n: number): Promise<{ holder: pg.Client; held: string; later: string }> {
  const holder = await connected(db);
  await holder.query('BEGIN');
  const [held] = await appendMartenEvents(db, other, [{ id: eventId(n), type: 'payment_captured', data: { n } }], holder);
  const [later] = await appendMartenEvents(db, order, [{ id: eventId(n + 1), type: 'order_shipped', data: { n: n + 1 } }]);
  return { holder, held, later };
}

describe('a missing position a transaction may still write (Marten without a high-water mark)', () => {
  needsServer('postgres');

  it('is waited for as long as the transaction is open (past the 3 s the read used to give up after), and its event read once it commits', async () => {
    const { db, url } = await martenStore('gap_wait', 2);
    const { holder, held, later } = await gapHeldOpen(db, 3);
    const waits: string[] = [];
    const { rows, position } = await readSource(url, {
      from: '2',
      clients: { postgresTuning: { waitNoticeMs: 0 } },
      onBatch: async (_records, _position, batch: SourceBatch) => {
        if (batch.waiting === undefined) return;
        waits.push(batch.waiting);
        // committed only once the read has waited longer than the old limit (3 s): it must still be waiting
        if (/since ([4-9]|\d\d+) s\)$/.test(batch.waiting)) await holder.query('COMMIT');
      },
    });
    await holder.end();
    expect(rows.map((r) => r.seq_id)).toEqual([held, later]);
    expect(position).toBe(later);
    expect(waits[0]).toBe(`waiting for position ${held}: a transaction that may write it is still open (since 0 s)`);
  });

  it('is passed once the transaction rolled back, and said once: in the batch, the report, the text and --json of inspect', async () => {
    const { db, url } = await martenStore('gap_rollback', 1);
    const { holder, held, later } = await gapHeldOpen(db, 2);
    const skipped: unknown[] = [];
    let rolledBack = false;
    const read = await readSource(url, {
      from: '1',
      onBatch: async (_records, _position, batch) => {
        skipped.push(...(batch.skipped ?? []));
        if (batch.records.length === 0 && !rolledBack) {
          rolledBack = true;
          await holder.query('ROLLBACK');
        }
      },
    });
    const said = { first: held, last: held, message: `position ${held} was never written: the transactions that could write it ended without (rolled back, or the number was taken and not used)` };
    expect(read.rows.map((r) => r.seq_id)).toEqual([later]);
    expect(skipped).toEqual([said]);
    expect(read.report.skippedPositions).toEqual([said]);

    // the command line: the wait on stderr once, the position passed in the report's text and JSON
    await holder.query('BEGIN');
    const [again] = await appendMartenEvents(db, other, [{ id: eventId(10), type: 'payment_captured', data: {} }], holder);
    const [after] = await appendMartenEvents(db, order, [{ id: eventId(11), type: 'order_shipped', data: {} }]);
    let waited: () => void = () => undefined;
    const seen = new Promise<void>((resolve) => (waited = resolve));
    const running = cli(['inspect', url, '--from', later, '--json'], { onErr: (_t, all) => all.includes('waiting for position') && waited() });
    await seen;
    await holder.query('ROLLBACK');
    await holder.end();
    const r = await running;
    expect(r.code).toBe(0);
    expect(r.err).toBe(`waiting for position ${again}: a transaction that may write it is still open\nlast position read: ${after} (resume with --from ${after})\n`);
    expect(JSON.parse(r.out).skippedPositions).toEqual([{ first: again, last: again, message: `position ${again} was never written: the transactions that could write it ended without (rolled back, or the number was taken and not used)` }]);
  });

  it('a transaction that had taken the number but written nothing when the gap was seen is waited for once it writes', async () => {
    const { db, url } = await martenStore('gap_nextval', 1);
    const holder = await connected(db);
    await holder.query('BEGIN');
    // the number taken first, as Marten's rich append does: no transaction id yet
    const taken = String((await holder.query("SELECT nextval('mt_events_sequence') AS n")).rows[0].n);
    expect((await holder.query('SELECT txid_current_if_assigned() AS xid')).rows[0].xid).toBeNull();
    const [later] = await appendMartenEvents(db, order, [{ id: eventId(3), type: 'order_shipped', data: {} }]);
    let step = 0;
    const { rows } = await readSource(url, {
      from: '1',
      onBatch: async (_records, _position, batch) => {
        if (batch.records.length > 0 || step > 3) return;
        step++;
        // it writes while the read waits at its number; commits a few polls later
        if (step === 1) await holder.query(`INSERT INTO mt_events (seq_id, id, stream_id, version, data, type) VALUES ($1, $2, $3, 99, '{}', 'payment_captured')`, [taken, eventId(2), order]);
        if (step === 3) await holder.query('COMMIT');
      },
    });
    await holder.end();
    expect(rows.map((r) => r.seq_id)).toEqual([taken, later]);
  });

  it('a backlog with numbers never written is read without waiting at each one, and none of those is said', async () => {
    const { db, url } = await martenStore('gap_backlog', 0);
    const client = await connected(db);
    for (let i = 1; i <= 6; i++) {
      await client.query('BEGIN');
      await appendMartenEvents(db, order, [{ id: eventId(i), type: 'order_placed', data: { i } }], client);
      await client.query(i % 2 ? 'COMMIT' : 'ROLLBACK');
    }
    await client.end();
    const read = await readSource(url);
    expect(read.rows.map((r) => r.seq_id)).toEqual(['1', '3', '5']);
    expect(read.report.skippedPositions).toBeUndefined();
  });

  it('--from TIME starts at the first position at or after the time and reads on by position: a later row of an earlier time is read, not taken for a gap', async () => {
    const { db, url } = await martenStore('gap_time', 0);
    const at = ['2026-01-01T00:00:00Z', '2026-01-03T00:00:00Z', '2026-01-01T12:00:00Z', '2026-01-04T00:00:00Z'];
    for (const [i, timestamp] of at.entries()) await appendMartenEvents(db, order, [{ id: eventId(i + 1), type: 'order_placed', data: { i }, timestamp }]);
    const read = await readSource(url, { from: '2026-01-02T00:00:00Z' });
    expect(read.rows.map((r) => r.seq_id)).toEqual(['2', '3', '4']);
    expect(read.report.skippedPositions).toBeUndefined();
  });
});
