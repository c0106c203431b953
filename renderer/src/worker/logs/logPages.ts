/**
 * Windows of a stored log's rows by index, for the event tables: a seq index per (log, filter)
 * so scrolling and "go to seq" never scan (a log imported in this session keeps its seqs from
 * the import), and the current run's logs copied into the scratch database page by page. A
 * filter no index serves is searched chunk by chunk (lib/eventlog/filterSeqs): the table that
 * asked (`asker`) can see how far it got and stop it, and a search no table waits for any more
 * (each moved on to another filter) stops.
 */
import type { LogEntry } from '../../../../src/engine/types';
import { distinctValues, pageEvents, type EventFilter } from '../../../../src/store/eventPages';
import { appendEvents, importLog } from '../../../../src/store/logs';
import { filterSeqs, filterSql, ScanStopped } from '../../../lib/eventlog/filterSeqs';
import { lowerBound } from '../../../lib/eventlog/scrollModel';
import type { SeqList } from '../../../lib/eventlog/seqList';
import type { LogSource, RowsReply, SearchProgress } from '../../../lib/workspace/logsProtocol';
import type { WorkspaceFile } from './workspaceFile';

/** A search in progress: the tables waiting for it, how far it got, and whether it was told to stop. */
interface Search {
  readonly key: string;
  result: Promise<Float64Array>;
  readonly waiting: Set<string>;
  /** Requests without an asker: such a search is never stopped. */
  anonymous: boolean;
  progress: SearchProgress;
  stopped: boolean;
}

/** A moment for the worker's other requests between two chunks of a search. */
const breath = () => new Promise<void>((done) => setTimeout(done, 0));

/** The key of a log's seq index under a filter (the log's key first: forgetting a log forgets by prefix). */
const keyOf = (source: LogSource, filter: EventFilter): string =>
  `${source.db}:${source.logId}:${JSON.stringify([filter.type ?? '', filter.stream ?? '', filter.text ?? '', filter.correlation ?? null, filter.causation ?? null])}`;

/** Paging over the logs of a WorkspaceFile. */
export class LogPages {
  private readonly runLogs = new Map<string, { readonly logId: number; stored: number }>();
  private readonly seqIndexes = new Map<string, Float64Array>();
  /** Whether a filter's rows are paged through an index (filterSql's `indexed`), by the seq indexes' key: asked once, not at each page. */
  private readonly indexedFilters = new Map<string, boolean>();
  private readonly searches = new Map<string, Search>();
  /** The search each table waits for, by its asker id. */
  private readonly askers = new Map<string, string>();
  /** The seqs of the workspace logs imported in this session, by log id (the unfiltered index, kept from the import). */
  readonly importedSeqs = new Map<number, SeqList>();

  constructor(private readonly file: WorkspaceFile) {}

  /** Forgets the seq indexes of one workspace log (all of them without `logId`); searches of it stop. */
  forget(logId?: number): void {
    const prefix = logId === undefined ? 'workspace:' : `workspace:${logId}:`;
    this.forgetPrefix(prefix);
    if (logId === undefined) this.importedSeqs.clear();
    else this.importedSeqs.delete(logId);
  }

  /** Forgets the filtered seq indexes of a log that grew (its unfiltered one grows with it); searches of it stop. */
  forgetFiltered(logId: number, db: LogSource['db'] = 'workspace'): void {
    this.forgetPrefix(`${db}:${logId}:`);
  }

  private forgetPrefix(prefix: string): void {
    for (const key of [...this.seqIndexes.keys()]) if (key.startsWith(prefix)) this.seqIndexes.delete(key);
    for (const key of [...this.indexedFilters.keys()]) if (key.startsWith(prefix)) this.indexedFilters.delete(key);
    for (const [key, search] of this.searches) if (key.startsWith(prefix)) this.stop(search);
  }

  private stop(search: Search): void {
    search.stopped = true;
    this.searches.delete(search.key);
  }

  /** Every matching seq of a log, in order (cached per log and filter); `asker`: the table asking, which stops waiting for its search of another filter. */
  private async seqIndex(source: LogSource, filter: EventFilter, asker?: string): Promise<Float64Array> {
    const key = keyOf(source, filter);
    if (asker !== undefined) this.wait(asker, key);
    const whole = !filter.type && !filter.stream && !filter.text && filter.correlation === undefined && filter.causation === undefined;
    const imported = source.db === 'workspace' && whole ? this.importedSeqs.get(source.logId) : undefined;
    if (imported) return imported.sorted();
    const cached = this.seqIndexes.get(key);
    if (cached) return cached;
    const search = this.searches.get(key);
    if (search) {
      if (asker !== undefined) search.waiting.add(asker);
      else search.anonymous = true;
      return search.result;
    }
    const db = this.file.dbOf(source);
    const started: Search = { key, result: Promise.resolve(new Float64Array(0)), waiting: new Set(asker === undefined ? [] : [asker]), anonymous: asker === undefined, progress: { scanned: 0, of: 0 }, stopped: false };
    const result = filterSeqs(db, source.logId, filter, {
      pause: breath,
      stopped: () => started.stopped,
      onProgress: (scanned, of) => (started.progress = { scanned, of }),
    }).then((seqs) => {
      if (this.searches.get(key) === started) {
        this.searches.delete(key);
        this.seqIndexes.set(key, seqs);
      }
      return seqs;
    });
    started.result = result;
    this.searches.set(key, started);
    // nothing waits for a search stopped before its first answer
    result.catch(() => undefined);
    return result;
  }

  /** `asker` now waits for the view `key`: a search of another view it waited for, that nothing else waits for, stops. */
  private wait(asker: string, key: string): void {
    const before = this.askers.get(asker);
    this.askers.set(asker, key);
    if (before === undefined || before === key) return;
    const search = this.searches.get(before);
    if (!search) return;
    search.waiting.delete(asker);
    if (search.waiting.size === 0 && !search.anonymous) this.stop(search);
  }

  /** How far the search `asker` waits for got (undefined when it waits for none). */
  searchProgress(asker: string): SearchProgress | undefined {
    const key = this.askers.get(asker);
    const search = key === undefined ? undefined : this.searches.get(key);
    return search?.progress;
  }

  /** The table `asker` stops waiting: its search stops unless another table waits for it. */
  stopSearch(asker: string): void {
    const key = this.askers.get(asker);
    this.askers.delete(asker);
    const search = key === undefined ? undefined : this.searches.get(key);
    if (!search) return;
    search.waiting.delete(asker);
    if (search.waiting.size === 0 && !search.anonymous) this.stop(search);
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

  /** Rows `first`.. of a (filtered) log, at most 500; `stopped` when the search for them was stopped (the asker moved on). */
  async rows(source: LogSource, filter: EventFilter, first: number, count: number, asker?: string): Promise<RowsReply> {
    let seqs: Float64Array;
    try {
      seqs = await this.seqIndex(source, filter, asker);
    } catch (e) {
      if (e instanceof ScanStopped) return { total: 0, first: 0, events: [], stopped: true };
      throw e;
    }
    const from = Math.max(0, Math.min(first, seqs.length - 1));
    if (seqs.length === 0 || count <= 0) return { total: seqs.length, first: 0, events: [] };
    const db = this.file.dbOf(source);
    const limit = Math.min(count, 500);
    const key = keyOf(source, filter);
    let indexed = this.indexedFilters.get(key);
    if (indexed === undefined) this.indexedFilters.set(key, (indexed = filterSql(db, source.logId, filter).indexed));
    if (indexed) return { total: seqs.length, first: from, events: pageEvents(db, source.logId, { ...filter, afterSeq: seqs[from] - 1, limit }).events };
    // a filter without an index: the rows the search found, one seek each
    const events = [];
    for (let i = from; i < Math.min(seqs.length, from + limit); i++) events.push(...pageEvents(db, source.logId, { afterSeq: seqs[i] - 1, limit: 1 }).events);
    return { total: seqs.length, first: from, events };
  }

  /** The row index of the first row with seq ≥ `seq`. */
  async seek(source: LogSource, filter: EventFilter, seq: number, asker?: string): Promise<{ index: number; total: number; seq?: number }> {
    let seqs: Float64Array;
    try {
      seqs = await this.seqIndex(source, filter, asker);
    } catch (e) {
      if (e instanceof ScanStopped) return { index: 0, total: 0 };
      throw e;
    }
    const index = Math.min(lowerBound(seqs, seq), Math.max(0, seqs.length - 1));
    return { index, total: seqs.length, ...(seqs.length > 0 ? { seq: seqs[index] } : {}) };
  }

  /** The log's event types and streams (for the filters). */
  types(source: LogSource): { types: readonly string[]; streams: readonly string[] } {
    const db = this.file.dbOf(source);
    return { types: distinctValues(db, source.logId, 'type', 10_000), streams: distinctValues(db, source.logId, 'stream', 2000) };
  }
}
