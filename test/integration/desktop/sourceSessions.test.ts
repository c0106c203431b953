/**
 * The desktop app's Connect… as its main process runs it (src/main/sourceSessions.ts), against
 * the real servers: batches streamed to the window two at a time, the position reached at the
 * end, errors naming the URL with the password hidden. (No Electron runs here: the window is a
 * recorder of what would be sent.)
 */
import { describe, expect, it } from 'vitest';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { SourceSessions } from '../../../src/main/sourceSessions';
import { openSourceReader } from '../../../src/sources/node/openSourceReader';
import { natsForTests, freshDatabase, needsServer, requireServer, uniqueName } from '../servers';
import { installMessageDb, messageDbSearchPath, writeMessages } from '../seed/messageDb';
import pg from 'pg';
import { acking, openSession, recordingWindow } from './sessionWindow';

describe('Connect… in the desktop app\'s main process', () => {
  const nats = natsForTests();

  it('streams a JetStream stream two batches ahead of the window, then its end with the position', async () => {
    const stream = uniqueName('desk').toUpperCase();
    await (await jetstreamManager(nats.nc)).streams.add({ name: stream, subjects: [`${stream}.>`] });
    const js = jetstream(nats.nc);
    for (let i = 1; i <= 1200; i++) await js.publish(`${stream}.x`, JSON.stringify({ type: 'Ticked', id: `t-${i}` }));
    const w = await openSession({ url: `${requireServer('nats').url}/${stream}`, until: 'head', remember: false });
    expect(w.info).toMatchObject({ display: `${requireServer('nats').url}/${stream}`, profile: 'jetstream', framing: 'messages' });
    expect(w.batches).toEqual([]); // nothing before start
    w.sessions.start(w.id);
    while (w.batches.length < 2) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 100));
    expect(w.batches.length).toBe(2); // the window took none yet: the read waits
    const end = await acking(w.sessions, w.id, w.end);
    expect(end).toEqual({ records: 1200, position: '1200' });
    expect(w.batches.reduce((n, b) => n + b.records.length, 0)).toBe(1200);
  });

  it('sends a wait at a missing position while it lasts, and the position passed once the transaction that took it rolled back', async () => {
    requireServer('postgres');
    const url = await freshDatabase('desk_gap');
    await installMessageDb(url);
    await writeMessages(url, [{ id: '7f8e0c4e-0000-4000-8000-000000000101', streamName: 'account-1', type: 'Deposited', data: { amount: 1 } }]);
    const holder = new pg.Client({ connectionString: url, options: messageDbSearchPath });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query('SELECT write_message($1, $2, $3, $4)', ['7f8e0c4e-0000-4000-8000-000000000102', 'account-2', 'Deposited', '{"amount":2}']);
    await writeMessages(url, [{ id: '7f8e0c4e-0000-4000-8000-000000000103', streamName: 'transfer-1', type: 'Transferred', data: { amount: 3 } }]);
    const w = await openSession({ url: `${url}?store=message-db`, from: '1', until: 'head', remember: false }, (source, options) => openSourceReader(source, options, { postgresTuning: { waitNoticeMs: 0 } }));
    w.sessions.start(w.id);
    const end = await acking(w.sessions, w.id, (async () => {
      while (!w.batches.some((b) => b.waiting !== undefined)) await new Promise((r) => setTimeout(r, 10));
      await holder.query('ROLLBACK');
      await holder.end();
      return w.end;
    })());
    expect(w.batches.find((b) => b.waiting !== undefined)!.waiting).toBe('waiting for position 2: a transaction that may write it is still open (since 0 s)');
    expect(w.batches.flatMap((b) => b.skipped ?? [])).toEqual([{ first: '2', last: '2', message: 'position 2 was never written: the transactions that could write it ended without (rolled back, or the number was taken and not used)' }]);
    expect(end).toEqual({ records: 1, position: '3' });
  });

  it('says what failed, naming the URL with the password hidden; checks what the renderer sends', async () => {
    const sessions = new SourceSessions(recordingWindow().host);
    expect(await sessions.open({ url: 'postgres://u:hunter2@127.0.0.1:1/db?store=emmett', until: 'head', remember: true })).toEqual({ ok: false, error: 'postgres://u:***@127.0.0.1:1/db?store=emmett: cannot connect: connection refused (is PostgreSQL running there?)' });
    expect(await sessions.open({ url: 'kafka://h/t', from: '17', until: 'head', remember: false })).toEqual({ ok: false, error: '--from takes start, end, a time or a position, for this source PARTITION:OFFSET[,PARTITION:OFFSET…]; got "17"' });
    expect(await sessions.open({ url: 'nats://h/S', until: 'forever', remember: false })).toEqual({ ok: false, error: 'until must be head or live' });
    expect(await sessions.open('postgres://x')).toEqual({ ok: false, error: 'no connection was given' });
    expect(await sessions.open({ recentId: 'gone', until: 'head', remember: false })).toEqual({ ok: false, error: 'none saved' });
  });

});

describe('Connect… in the desktop app\'s main process: a store', () => {
  needsServer('postgres');
  it('a live PostgreSQL tail stopped by the user ends with the position reached', async () => {
    const url = await freshDatabase('desk_mdb');
    await installMessageDb(url);
    await writeMessages(url, [{ id: '7f8e0c4e-0000-4000-8000-000000000001', streamName: 'account-1', type: 'Deposited', data: { amount: 1 } }]);
    const w = await openSession({ url: `${url}?store=message-db`, until: 'live', remember: false });
    w.sessions.start(w.id);
    while (!w.batches.some((b) => b.caughtUp)) {
      w.sessions.ack(w.id);
      await new Promise((r) => setTimeout(r, 10));
    }
    await w.sessions.stop(w.id);
    expect(await w.end).toEqual({ records: 1, position: '1' });
  });
});
