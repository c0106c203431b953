/**
 * Windows of a stored log's rows by index, for the event tables: a seq index per (log, filter)
 * so scrolling and "go to seq" never scan (a log imported in this session keeps its seqs from
 * the import), and the current run's logs copied into the scratch database page by page.
 */
import type { LogEntry } from '../../../../src/engine/types';
import { distinctValues, pageEvents, type EventFilter } from '../../../../src/store/eventPages';
import { appendEvents, importLog } from '../../../../src/store/logs';
import { lowerBound } from '../../../lib/eventlog/scrollModel';
import { eventShows, foldCase } from '../../../lib/eventlog/textMatch';
import type { SeqList } from '../../../lib/eventlog/seqList';
import type { LogSource, RowsReply } from '../../../lib/workspace/logsProtocol';
import type { WorkspaceFile } from './workspaceFile';

/** Paging over the logs of a WorkspaceFile. */
export class LogPages {
  private readonly runLogs = new Map<string, { readonly logId: number; stored: number }>();
  private readonly seqIndexes = new Map<string, Float64Array>();
  /** The seqs of the workspace logs imported in this session, by log id (the unfiltered index, kept from the import). */
  readonly importedSeqs = new Map<number, SeqList>();

  constructor(private readonly file: WorkspaceFile) {}

  /** Forgets the seq indexes of one workspace log (all of them without `logId`). */
  forget(logId?: number): void {
    const prefix = logId === undefined ? 'workspace:' : `workspace:${logId}:`;
    for (const key of [...this.seqIndexes.keys()]) if (key.startsWith(prefix)) this.seqIndexes.delete(key);
    if (logId === undefined) this.importedSeqs.clear();
    else this.importedSeqs.delete(logId);
  }

  /** Forgets the filtered seq indexes of a log that grew (its unfiltered one grows with it). */
  forgetFiltered(logId: number, db: LogSource['db'] = 'workspace'): void {
    for (const key of [...this.seqIndexes.keys()]) if (key.startsWith(`${db}:${logId}:`)) this.seqIndexes.delete(key);
  }

  /** Every matching seq of a log, in order (cached per log and filter). */
  private seqIndex(source: LogSource, filter: EventFilter): Float64Array {
    const key = `${source.db}:${source.logId}:${filter.type ?? ''}\u0000${filter.stream ?? ''}\u0000${filter.text ?? ''}`;
    const imported = source.db === 'workspace' && !filter.type && !filter.stream && !filter.text ? this.importedSeqs.get(source.logId) : undefined;
    if (imported) return imported.sorted();
    let seqs = this.seqIndexes.get(key);
    if (seqs) return seqs;
    seqs = matchingSeqs(this.file.dbOf(source), source.logId, filter);
    this.seqIndexes.set(key, seqs);
    return seqs;
  }

  /** Stores the first entries of a run's log in the scratch database under `key` (once per key). `stored`: entries it holds. */
  async runLog(key: string, log: readonly LogEntry[]): Promise<{ source: LogSource; stored: number }> {
    const scratch = await this.file.scratch();
    let stored = this.runLogs.get(key);
    if (stored === undefined) {
      stored = { logId: importLog(scratch, { name: key, source: 'run', imported: Date.now() }, log.map((e) => ({ ...e, at: e.appendedAt }))), stored: log.length };
      this.runLogs.set(key, stored);
    }
    return { source: { db: 'scratch', logId: stored.logId }, stored: stored.stored };
  }

  /** More of a run's log; ignored unless `offset` is what is stored already. */
  async runLogAppend(key: string, offset: number, log: readonly LogEntry[]): Promise<{ stored: number }> {
    const stored = this.runLogs.get(key);
    if (stored === undefined) throw new Error(`no run log "${key}" to append to`);
    if (offset === stored.stored && log.length > 0) {
      appendEvents(await this.file.scratch(), stored.logId, log.map((e) => ({ ...e, at: e.appendedAt })));
      stored.stored += log.length;
      this.forgetFiltered(stored.logId, 'scratch');
    }
    return { stored: stored.stored };
  }

  /** Rows `first`.. of a (filtered) log, at most 500. */
  rows(source: LogSource, filter: EventFilter, first: number, count: number): RowsReply {
    const seqs = this.seqIndex(source, filter);
    const from = Math.max(0, Math.min(first, seqs.length - 1));
    if (seqs.length === 0 || count <= 0) return { total: seqs.length, first: 0, events: [] };
    const db = this.file.dbOf(source);
    const limit = Math.min(count, 500);
    if (!filter.text) return { total: seqs.length, first: from, events: pageEvents(db, source.logId, { ...filter, afterSeq: seqs[from] - 1, limit }).events };
    // the text filter is ours (Unicode folding): read the index's rows one seek each
    const events = [];
    for (let i = from; i < Math.min(seqs.length, from + limit); i++) events.push(...pageEvents(db, source.logId, { afterSeq: seqs[i] - 1, limit: 1 }).events);
    return { total: seqs.length, first: from, events };
  }

  /** The row index of the first row with seq ≥ `seq`. */
  seek(source: LogSource, filter: EventFilter, seq: number): { index: number; total: number; seq?: number } {
    const seqs = this.seqIndex(source, filter);
    const index = Math.min(lowerBound(seqs, seq), Math.max(0, seqs.length - 1));
    return { index, total: seqs.length, ...(seqs.length > 0 ? { seq: seqs[index] } : {}) };
  }

  /** The log's event types and streams (for the filters). */
  types(source: LogSource): { types: readonly string[]; streams: readonly string[] } {
    const db = this.file.dbOf(source);
    return { types: distinctValues(db, source.logId, 'type', 10_000), streams: distinctValues(db, source.logId, 'stream', 2000) };
  }
}

/** Databases the text filter's function is registered on. */
const withMatch = new WeakSet<object>();

/** The seqs of a log's events matching `filter`, in order (the text as the table shows it, see textMatch). */
function matchingSeqs(db: ReturnType<WorkspaceFile['dbOf']>, logId: number, filter: EventFilter): Float64Array {
  const parts = ['log_id = ?'];
  const params: (string | number)[] = [logId];
  if (filter.type) {
    parts.push('type = ?');
    params.push(filter.type);
  }
  if (filter.stream) {
    parts.push('stream = ?');
    params.push(filter.stream);
  }
  if (filter.text) {
    if (!withMatch.has(db)) {
      db.create_function('purestream_shows', (id: unknown, type: unknown, stream: unknown, data: unknown, needle: unknown) => (eventShows(String(id), String(type), String(stream), String(data), String(needle)) ? 1 : 0));
      withMatch.add(db);
    }
    parts.push('purestream_shows(id, type, stream, data, ?)');
    params.push(foldCase(filter.text));
  }
  const stmt = db.prepare(`SELECT seq FROM events WHERE ${parts.join(' AND ')} ORDER BY seq`);
  const out: number[] = [];
  try {
    stmt.bind(params);
    while (stmt.step()) out.push(stmt.get()[0] as number);
  } finally {
    stmt.free();
  }
  return Float64Array.from(out);
}
