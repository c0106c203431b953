/**
 * Where an import keeps the log it reads — the workspace's `logs` and `events` tables
 * (src/store/logs.ts) — and what it reads back of a stored log to inspect it again, as calls
 * that may answer later: the logs worker calls its database in place, and a domain module's
 * worker, which inspects with the module, makes the same calls over a port to the logs worker
 * (renderer/src/worker/logs/workspaceLogs.ts). One import (./importRecords.ts) for both.
 */
import { appendEvents, deleteLog, dropEventIndexes, ensureEventIndexes, importLog, loadInspection, logSource, saveInspection, storedRecordCount, storedRecordPage, type LogInfo, type RecordText, type StoredEventInput } from '../../../src/store/logs';
import type { Workspace } from '../../../src/store/workspace';
import type { StoredReading } from './importRecords';
import { streamUpTo, type StreamRecords } from './recordDetail';

/** A value now, or later (across a port). */
export type Awaitable<T> = T | Promise<T>;

/** Where an import stores a log. */
export interface LogStore {
  /** Starts a log without records; `bulk`: its events' secondary indexes wait until it ends. */
  create(info: LogInfo, bulk: boolean): Awaitable<number>;
  /** Stores a batch of rows; how many were stored. */
  append(logId: number, rows: readonly StoredEventInput[]): Awaitable<number>;
  /** The log is complete: its inspection (plain JSON) and reading are kept with it. */
  finish(logId: number, inspection: unknown, reading: StoredReading): Awaitable<void>;
  /** A failed or cancelled import: nothing of the log is kept. */
  discard(logId: number): Awaitable<void>;
  /** A log imported live changed under what was read of it (its graph and timeline are read again); where nothing is kept beside the database, absent. */
  changed?(logId: number): Awaitable<void>;
}

/** What an inspection again keeps of the stored log it reads. */
export interface StoredLogInfo {
  readonly reading?: StoredReading;
  readonly source?: string;
  readonly records: number;
}

/** What is read back of a stored log to inspect it again. */
export interface StoredLogs {
  /** How it was read (undefined for a log stored before readings were kept), where it came from (its `source`, as the workspace keeps it) and how many of its records are kept as the file had them. */
  stored(logId: number): Awaitable<StoredLogInfo>;
  /** Up to `count` records after record `afterSeq`, as the file had them. */
  records(logId: number, afterSeq: number, count: number): Awaitable<readonly RecordText[]>;
  /** Record `seq`'s stream and that stream's event records up to it (undefined: no event, or no stream). */
  streamUpTo(logId: number, seq: number): Awaitable<StreamRecords | undefined>;
}

/** The workspace's logs as an import sees them: where it stores, what it reads back, and removing the log a new inspection replaces. */
export interface LogWorkspace extends LogStore, StoredLogs {
  /** Deletes a stored log (the one inspected again, once its new inspection is stored). */
  remove(logId: number): Awaitable<void>;
}

/** Every record of a stored log as the file had them, a page at a time. */
export async function* recordPages(logs: Pick<StoredLogs, 'records'>, logId: number, page = 4096): AsyncGenerator<readonly RecordText[]> {
  let after = 0;
  for (;;) {
    const records = await logs.records(logId, after, page);
    if (records.length === 0) return;
    yield records;
    after = records[records.length - 1].seq;
  }
}

/** The logs of a workspace database, called in place. */
export class DatabaseLogs implements LogWorkspace {
  private readonly bulk = new Set<number>();

  constructor(private readonly db: Workspace) {}

  create(info: LogInfo, bulk: boolean): number {
    const logId = importLog(this.db, info, []);
    if (bulk) {
      dropEventIndexes(this.db);
      this.bulk.add(logId);
    }
    return logId;
  }

  append(logId: number, rows: readonly StoredEventInput[]): number {
    return appendEvents(this.db, logId, rows);
  }

  finish(logId: number, inspection: unknown, reading: StoredReading): void {
    saveInspection(this.db, logId, inspection, reading);
    this.ended(logId);
  }

  discard(logId: number): void {
    deleteLog(this.db, logId);
    this.ended(logId);
  }

  remove(logId: number): void {
    deleteLog(this.db, logId);
  }

  private ended(logId: number): void {
    if (this.bulk.delete(logId)) ensureEventIndexes(this.db);
  }

  stored(logId: number): StoredLogInfo {
    const { reading } = loadInspection(this.db, logId);
    const source = logSource(this.db, logId);
    return { ...(typeof reading === 'object' && reading !== null ? { reading: reading as StoredReading } : {}), ...(source !== undefined ? { source } : {}), records: storedRecordCount(this.db, logId) };
  }

  records(logId: number, afterSeq: number, count: number): RecordText[] {
    return storedRecordPage(this.db, logId, afterSeq, count);
  }

  streamUpTo(logId: number, seq: number): StreamRecords | undefined {
    return streamUpTo(this.db, logId, seq);
  }
}
