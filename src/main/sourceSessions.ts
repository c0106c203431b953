/**
 * Live sources read by the desktop app's main process (sources.md, the app's Connect…): a
 * session per connection, opened from a URL (or a saved connection, its password from the
 * secure storage), streaming its batches to the renderer — at most two unacknowledged at a
 * time, so a slow store in the renderer slows the read, never fills memory — and ending with
 * the position reached (and why, when the connection was lost). A store that can be queried by
 * stream (the PostgreSQL stores) also gives the renderer's inspection its streams' earlier events,
 * a page per call, on the read's own connection (README, "Streams that began before the read"):
 * its session stays open after its end until the renderer stops it (its inspection may still meet
 * such a stream in the last batches) or the window closes. Plain and tested under Node: the
 * reader and the sending to the window are given.
 */
import { randomUUID } from 'node:crypto';
import type { ProfileName } from '../logs/profiles';
import { parseSourceUrl, SourceUrlError, type SourceUrl } from '../sources/sourceUrl';
import { parseStartAt } from '../sources/startAt';
import { EARLIER_PAGE } from '../sources/inspectSource';
import { reasonOf, SourceError, type ReadOptions, type SourceReader } from '../sources/types';
import type { FileResult, SourceBatchMessage, SourceEarlierPage, SourceEndMessage, SourceOpenRequest, SourceSessionInfo } from '../preload/api';

/** What sessions need from the shell. */
export interface SessionHost {
  /** Opens the reader of a source (openSourceReader with the standard clients). */
  open(source: SourceUrl, options: ReadOptions): Promise<SourceReader>;
  /** Sends a session's batch or end to the window. */
  sendBatch(session: string, batch: SourceBatchMessage): void;
  sendEnd(session: string, end: SourceEndMessage): void;
  /** The full URL of a saved connection (password decrypted), or a message why not. */
  savedUrl(id: string): string | { readonly error: string };
  /** Remembers a URL used (its password in the secure storage); says whether its password could be kept. */
  remember(url: string): { readonly secretKept: boolean };
}

/** Batches sent and not yet acknowledged, at most. */
const CREDIT = 2;

/** Records per batch. */
const BATCH = 500;

/** A request's fields, checked (they come from the renderer). */
function checkRequest(r: unknown): SourceOpenRequest | string {
  if (typeof r !== 'object' || r === null) return 'no connection was given';
  const q = r as Record<string, unknown>;
  if ((q.url === undefined) === (q.recentId === undefined)) return 'give a URL or a saved connection';
  if (q.url !== undefined && (typeof q.url !== 'string' || q.url.length > 4096)) return 'the URL is not text';
  if (q.recentId !== undefined && typeof q.recentId !== 'string') return 'unknown saved connection';
  if (q.until !== 'head' && q.until !== 'live') return 'until must be head or live';
  if (q.from !== undefined && (typeof q.from !== 'string' || q.from.length > 200)) return 'from is not text';
  if (typeof q.remember !== 'boolean') return 'remember must be true or false';
  return q as unknown as SourceOpenRequest;
}

/** A record sent to the window, as it comes back: a plain object. */
const isRecord = (r: unknown): r is Record<string, unknown> => typeof r === 'object' && r !== null && !Array.isArray(r) && Object.getPrototypeOf(r) === Object.prototype;

interface Session {
  readonly reader: SourceReader;
  readonly stop: AbortController;
  credit: number;
  wake: (() => void) | undefined;
  started: boolean;
  /** The read has ended; the session is kept for its streams' earlier events until stopped. */
  ended: boolean;
  /** The load of a stream's earlier events going on (one at a time, as the inspection asks). */
  loading: AsyncGenerator<readonly object[], void, undefined> | undefined;
}

/** The open sessions of the app's window. */
export class SourceSessions {
  private readonly sessions = new Map<string, Session>();
  /** The window is closing: a session ending closes its connection. */
  private closing = false;

  constructor(private readonly host: SessionHost) {}

  /** Connects (nothing is sent until `start`); a readable error naming the URL, password hidden. */
  async open(request: unknown): Promise<{ ok: true; value: SourceSessionInfo } | { ok: false; error: string }> {
    const r = checkRequest(request);
    if (typeof r === 'string') return { ok: false, error: r };
    let url: string;
    if (r.recentId !== undefined) {
      const saved = this.host.savedUrl(r.recentId);
      if (typeof saved !== 'string') return { ok: false, error: saved.error };
      url = saved;
    } else url = r.url!;
    let source: SourceUrl;
    try {
      source = parseSourceUrl(url);
    } catch (e) {
      return { ok: false, error: e instanceof SourceUrlError ? `${e.display}: ${e.message}` : String(e) };
    }
    const from = parseStartAt(r.from, source);
    if (typeof from === 'string') return { ok: false, error: from };
    const stop = new AbortController();
    let reader: SourceReader;
    try {
      reader = await this.host.open(source, { from, until: r.until, batch: BATCH, signal: stop.signal });
    } catch (e) {
      return { ok: false, error: e instanceof SourceError ? `${e.display}: ${e.message}` : `${source.display}: ${e instanceof Error ? e.message : String(e)}` };
    }
    const kept = r.remember ? this.host.remember(url) : { secretKept: true };
    const id = randomUUID();
    this.sessions.set(id, { reader, stop, credit: CREDIT, wake: undefined, started: false, ended: false, loading: undefined });
    const info: SourceSessionInfo = { session: id, display: source.display, profile: reader.profile as ProfileName, framing: reader.framing, ...(kept.secretKept ? {} : { notice: 'the password was not remembered: this system has no secure storage for it' }), ...(reader.earlier?.naming ? { earlier: reader.earlier.naming } : {}) };
    return { ok: true, value: info };
  }

  /** Starts sending the session's batches (the renderer listens first). */
  start(id: unknown): void {
    const s = typeof id === 'string' ? this.sessions.get(id) : undefined;
    if (!s || s.started) return;
    s.started = true;
    void this.pump(id as string, s);
  }

  /** The renderer took a batch: one more may be sent. */
  ack(id: unknown): void {
    const s = typeof id === 'string' ? this.sessions.get(id) : undefined;
    if (!s) return;
    s.credit = Math.min(CREDIT, s.credit + 1);
    s.wake?.();
  }

  /** Ends a session: the read stops and ends with the position reached; a session kept after its end (for earlier events) is closed. */
  async stop(id: unknown): Promise<void> {
    const s = typeof id === 'string' ? this.sessions.get(id) : undefined;
    if (!s) return;
    s.stop.abort();
    s.wake?.();
    if (!s.started || s.ended) await this.close(id as string, s);
  }

  /** Ends every session (the window closed). */
  async stopAll(): Promise<void> {
    this.closing = true;
    await Promise.all([...this.sessions.keys()].map((id) => this.stop(id)));
  }

  /**
   * A page of the earlier events of `record`'s stream (SourcesApi.earlier): `more` false starts the
   * load (ending one going on), true goes on with it. Only a session's own store, for a record
   * that names a stream past its start; anything else is refused with why.
   */
  async earlier(id: unknown, record: unknown, more: unknown): Promise<FileResult<SourceEarlierPage>> {
    const s = typeof id === 'string' ? this.sessions.get(id) : undefined;
    if (!s) return { ok: false, error: 'that connection is closed' };
    const earlier = s.reader.earlier;
    if (!earlier) return { ok: false, error: 'this source cannot be queried by stream' };
    if (typeof more !== 'boolean') return { ok: false, error: 'more must be true or false' };
    if (!isRecord(record)) return { ok: false, error: 'the record is not an object' };
    if (!earlier.streamOf(record)?.pastFirst) return { ok: false, error: 'the record names no stream past its first revision' };
    if (!more) {
      await s.loading?.return(undefined);
      s.loading = earlier.before(record, EARLIER_PAGE);
    } else if (!s.loading) return { ok: false, error: 'no earlier events are being loaded' };
    const loading = s.loading;
    try {
      const next = await loading.next();
      if (next.done && s.loading === loading) s.loading = undefined;
      return { ok: true, value: { rows: next.done ? [] : next.value, done: next.done === true } };
    } catch (e) {
      if (s.loading === loading) s.loading = undefined;
      return { ok: false, error: reasonOf(e) };
    }
  }

  private async close(id: string, s: Session): Promise<void> {
    this.sessions.delete(id);
    await s.loading?.return(undefined).catch(() => undefined);
    await s.reader.close();
  }

  private async pump(id: string, s: Session): Promise<void> {
    let position: string | undefined;
    let records = 0;
    let lost: string | undefined;
    try {
      for await (const batch of s.reader.batches()) {
        while (s.credit <= 0 && !s.stop.signal.aborted) await new Promise<void>((r) => (s.wake = r));
        if (s.stop.signal.aborted) break;
        s.credit--;
        records += batch.records.length;
        if (batch.position !== undefined) position = batch.position;
        this.host.sendBatch(id, { records: batch.records, position: batch.position, caughtUp: batch.caughtUp, ...(batch.waiting !== undefined ? { waiting: batch.waiting } : {}), ...(batch.skipped ? { skipped: batch.skipped } : {}) });
      }
    } catch (e) {
      lost = e instanceof SourceError ? e.message : e instanceof Error ? e.message : String(e);
    } finally {
      // a store queried by stream stays open for the earlier events the inspection may still ask (until stopped)
      if (s.reader.earlier && !this.closing && this.sessions.has(id)) s.ended = true;
      else await this.close(id, s);
      this.host.sendEnd(id, { records, ...(position !== undefined ? { position } : {}), ...(lost !== undefined ? { lost } : {}) });
    }
  }
}
