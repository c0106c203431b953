/**
 * Imported event logs in the workspace: a `logs` row per log and its events in `events`, inserted
 * through one prepared statement inside one transaction (a million rows in seconds). `seq` must be
 * unique within a log: an importer whose records repeat a seq stores their position instead.
 * A bulk import may drop the events' secondary indexes first and build them once at the end
 * (`dropEventIndexes` / `ensureEventIndexes`): about 3x cheaper than keeping them up to date.
 */
import type { Statement } from 'sql.js';
import type { StoredEvent } from './eventPages';
import type { Workspace } from './workspace';

/** An event as stored: a LogEntry's fields (a LogEntry fits as it is). */
export type StoredEventInput = StoredEvent;

/** A log's description: a label, where it came from (file path, run), its domain, when imported. */
export interface LogInfo {
  readonly name: string;
  readonly source: string;
  readonly domain?: string;
  readonly imported: number;
}

/** A stored log as listed. */
export interface StoredLog extends LogInfo {
  readonly logId: number;
  readonly events: number;
}

/** Creates a log and inserts its events (any iterable, e.g. a generator over a file); returns its id. */
export function importLog(db: Workspace, info: LogInfo, events: Iterable<StoredEventInput>): number {
  return inTransaction(db, () => {
    db.run('INSERT INTO logs (name, source, domain, imported) VALUES (?, ?, ?, ?)', [info.name, info.source, info.domain ?? null, info.imported]);
    const logId = Number(db.exec('SELECT last_insert_rowid()')[0].values[0][0]);
    insertEvents(db, logId, events);
    return logId;
  });
}

/** Appends more events to an existing log, in one transaction; returns how many. */
export function appendEvents(db: Workspace, logId: number, events: Iterable<StoredEventInput>): number {
  if (db.exec('SELECT 1 FROM logs WHERE log_id = ?', [logId]).length === 0) throw new Error(`no log ${logId} in this workspace`);
  return inTransaction(db, () => insertEvents(db, logId, events));
}

/** Every stored log, oldest first. */
export function listLogs(db: Workspace): StoredLog[] {
  const rows = db.exec('SELECT log_id, name, source, domain, imported, events FROM logs ORDER BY log_id')[0]?.values ?? [];
  return rows.map(([logId, name, source, domain, imported, events]) => ({
    logId: Number(logId),
    name: String(name),
    source: String(source),
    ...(domain === null ? {} : { domain: String(domain) }),
    imported: Number(imported),
    events: Number(events),
  }));
}

/** Deletes a log and its events; true when there was one. */
export function deleteLog(db: Workspace, logId: number): boolean {
  return inTransaction(db, () => {
    db.run('DELETE FROM events WHERE log_id = ?', [logId]);
    db.run('DELETE FROM logs WHERE log_id = ?', [logId]);
    return db.getRowsModified() > 0;
  });
}

/** The events table's secondary indexes (by type, by stream), as created by the schema's first migration. */
const EVENT_INDEXES = [
  'CREATE INDEX IF NOT EXISTS events_by_type ON events (log_id, type, seq)',
  'CREATE INDEX IF NOT EXISTS events_by_stream ON events (log_id, stream, seq)',
];

/** Drops the events' secondary indexes before a bulk insert (queries stay correct, filtered ones scan). */
export function dropEventIndexes(db: Workspace): void {
  db.run('DROP INDEX IF EXISTS events_by_type');
  db.run('DROP INDEX IF EXISTS events_by_stream');
}

/** Creates the events' secondary indexes when missing; true when it had to build any. */
export function ensureEventIndexes(db: Workspace): boolean {
  const present = Number(db.exec("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN ('events_by_type', 'events_by_stream')")[0].values[0][0]);
  if (present === EVENT_INDEXES.length) return false;
  for (const sql of EVENT_INDEXES) db.run(sql);
  return true;
}

function insertEvents(db: Workspace, logId: number, events: Iterable<StoredEventInput>): number {
  const insert: Statement = db.prepare(
    'INSERT INTO events (log_id, seq, id, type, stream, at, causation_id, correlation_id, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  let count = 0;
  const row: (string | number | null)[] = [logId, 0, '', '', '', 0, null, null, ''];
  try {
    for (const e of events) {
      row[1] = e.seq;
      row[2] = e.id;
      row[3] = e.type;
      row[4] = e.stream;
      row[5] = e.at;
      row[6] = e.causationId ?? null;
      row[7] = e.correlationId ?? null;
      row[8] = JSON.stringify(e.data ?? null);
      try {
        insert.run(row);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new Error(message.includes('UNIQUE') ? `event ${e.id}: seq ${e.seq} is already in log ${logId} (seq must be unique per log)` : `event ${e.id}: ${message}`);
      }
      count++;
    }
  } finally {
    insert.free();
  }
  db.run('UPDATE logs SET events = events + ? WHERE log_id = ?', [count, logId]);
  return count;
}

function inTransaction<T>(db: Workspace, body: () => T): T {
  db.run('BEGIN');
  try {
    const result = body();
    db.run('COMMIT');
    return result;
  } catch (error) {
    db.run('ROLLBACK');
    throw error;
  }
}
