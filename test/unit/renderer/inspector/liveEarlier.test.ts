/**
 * The app's Connect… with a domain, read from a position of a PostgreSQL store (README, "Streams
 * that began before the read"): the desktop connector hands the import the main process's loader
 * of a stream's earlier events (the preload API's `sources.earlier`, faked here as the main
 * process answers), and the import — the logs worker's LogImport, through src/sources'
 * EarlierReplay as the command line — replays them first: the late add to a checked-out cart is a
 * violation, the loaded events are not counted, and the report says so in `earlierEvents` and its note.
 */
import initSqlJs from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import cart from '../../../fixtures/modules/cart/cart';
import { domainModule } from '../../../../src/engine/module/domainModule';
import type { SourceBatchMessage, SourceEndMessage, SourcesApi } from '../../../../src/preload/api';
import { createWorkspace } from '../../../../src/store/workspace';
import { DatabaseLogs } from '../../../../renderer/lib/inspector/logStore';
import { desktopConnector } from '../../../../renderer/lib/inspector/liveSources/desktopConnector';
import { LogImport } from '../../../../renderer/src/worker/logs/logImport';
import { emmettCartRows } from '../../../fixtures/modules/cart/emmettRows';

let sqlJs: Awaited<ReturnType<typeof initSqlJs>>;
beforeAll(async () => {
  sqlJs = await initSqlJs();
});

const domain = domainModule(cart);
const { added, checkedOut, position } = emmettCartRows();
/** An Emmett row as the store returns it. */
type Row = ReturnType<typeof added>;

const PAGE = 2;

/** The preload API's `sources` as the main process answers it: one Emmett session reading `read`, `history` its streams' rows before the read. */
function fakeSources(history: readonly Row[], read: readonly object[], options: { earlier?: boolean; fail?: string } = {}) {
  const calls: { record: object; more: boolean }[] = [];
  let batch: ((s: string, b: SourceBatchMessage) => void) | undefined;
  let end: ((s: string, e: SourceEndMessage) => void) | undefined;
  let loading: { rows: object[]; at: number } | undefined;
  let stopped = 0;
  const api: SourcesApi = {
    recent: async () => [],
    forget: async () => undefined,
    open: async () => ({ ok: true, value: { session: 's1', display: 'postgres://db?store=emmett', profile: 'emmett', framing: 'rows', ...(options.earlier === false ? {} : { earlier: { stream: 'stream_id', revision: 'stream_position', scope: ['partition'], first: '1' } }) } }),
    start: () =>
      void (async () => {
        await Promise.resolve();
        batch?.('s1', { records: read, position: String(position()), caughtUp: true });
        end?.('s1', { records: read.length, position: String(position()) });
      })(),
    ack: () => undefined,
    stop: async () => void stopped++,
    async earlier(session, record, more) {
      calls.push({ record, more });
      if (session !== 's1') return { ok: false, error: 'that connection is closed' };
      if (options.fail) return { ok: false, error: options.fail };
      const r = record as { stream_id: string; stream_position: string };
      if (!more) loading = { rows: history.filter((h) => h.stream_id === r.stream_id && Number(h.stream_position) < Number(r.stream_position)), at: 0 };
      const l = loading!;
      const rows = l.rows.slice(l.at, l.at + PAGE);
      l.at += PAGE;
      return { ok: true, value: { rows, done: rows.length < PAGE } };
    },
    onBatch: (l) => ((batch = l), () => (batch = undefined)),
    onEnd: (l) => ((end = l), () => (end = undefined)),
  };
  return { api, calls, stopped: () => stopped };
}

/** Reads through the desktop connector into the logs worker's import, as the Logs view's live read does. */
async function readLive(api: SourcesApi) {
  const session = await desktopConnector(api).open({ url: 'postgres://db?store=emmett', from: '3', until: 'head', remember: false });
  const imports = new LogImport(new DatabaseLogs(createWorkspace(sqlJs)), (name) => (name === 'cart' ? domain : undefined));
  const result = imports.live({ name: session.display, domain: 'cart', profile: session.profile, partial: true }, session.framing, () => undefined, session.earlier);
  session.start({ batch: (records) => imports.liveBatch(records), end: () => imports.liveEnd() });
  return { session, result: await result };
}

describe("the app's live read of a store queried by stream", () => {
  it("loads a stream's earlier events through the preload API and replays them first: the violation is found, the events are not counted, the note says so", async () => {
    const history = [added('c-1', 1), added('c-1', 2, 'mug'), added('c-1', 3, 'cap'), checkedOut('c-1', 4)];
    const read = [added('c-1', 5, 'hat'), added('c-9', 1)];
    const { api, calls } = fakeSources(history, read);
    const { session, result } = await readLive(api);
    expect(session.earlier?.naming).toEqual({ stream: 'stream_id', revision: 'stream_position', scope: ['partition'], first: '1' });
    // one load for c-1 (past its start), in pages: none for c-9 (its first revision)
    expect(calls.map((c) => [(c.record as { stream_id: string }).stream_id, c.more])).toEqual([
      ['shopping_cart-c-1', false],
      ['shopping_cart-c-1', true],
      ['shopping_cart-c-1', true],
    ]);
    const report = result.report;
    expect(report.violations.map((v) => `${v.stream} ${v.invariant}`)).toEqual(['shopping_cart-c-1 checked-out-cart-never-changes']);
    expect(report).toMatchObject({ events: 2, earlierEvents: { streams: 1, events: 4 } });
    expect(report.streamsBeforeRead).toBeUndefined();
    expect(report.notes).toEqual([
      "1 stream's earlier events loaded from the store (4 events) and replayed before its events read: its invariants are checked and commands decided on its whole history; those events are not counted among the events read",
    ]);
  });

  it('a load the main process refuses leaves the stream as it was (began before the read), and the note says why', async () => {
    const { api } = fakeSources([added('c-1', 1)], [added('c-1', 2, 'hat')], { fail: 'connection terminated' });
    const { result } = await readLive(api);
    expect(result.report.earlierEvents).toEqual({ streams: 0, events: 0, failed: 'stream "shopping_cart-c-1": connection terminated' });
    expect(result.report.streamsBeforeRead).toBe(1);
    expect(result.report.notes!.join('\n')).toContain('the earlier events of a stream could not be loaded from the store (stream "shopping_cart-c-1": connection terminated)');
  });

  it('a source that cannot be queried by stream (no naming from the main process) loads nothing: the stream began before the read, as before', async () => {
    const { api, calls } = fakeSources([added('c-1', 1)], [added('c-1', 2, 'hat')], { earlier: false });
    const { session, result } = await readLive(api);
    expect(session.earlier).toBeUndefined();
    expect(calls).toEqual([]);
    expect(result.report.earlierEvents).toBeUndefined();
    expect(result.report.streamsBeforeRead).toBe(1);
  });
});
