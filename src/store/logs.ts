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

/** A record as stored: a LogEntry's fields (a LogEntry fits as it is), and for an imported log its file text and the metadata its profile read. */
export type StoredEventInput = StoredEvent & { readonly raw?: string; readonly metadata?: unknown };

/** A log's description: a label, where it came from (file path, run), its domain, when imported, and how it was read. */
export interface LogInfo {
  readonly name: string;
  readonly source: string;
  readonly domain?: string;
  readonly imported: number;
  /** How an imported log was read (framing, profile, map, domain…), as plain JSON. */
  readonly reading?: unknown;
}

/** A stored log as listed. */
export interface StoredLog extends LogInfo {
  readonly logId: number;
  readonly events: number;
}

/** Creates a log and inserts its events (any iterable, e.g. a generator over a file); returns its id. */
export function importLog(db: Workspace, info: LogInfo, events: Iterable<StoredEventInput>): number {
  return inTransaction(db, () => {
    db.run('INSERT INTO logs (name, source, domain, imported, reading) VALUES (?, ?, ?, ?, ?)', [info.name, info.source, info.domain ?? null, info.imported, info.reading === undefined ? null : JSON.stringify(info.reading)]);
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

/** Stores an imported log's inspection (plain JSON) and how it was read. */
export function saveInspection(db: Workspace, logId: number, inspection: unknown, reading?: unknown): void {
  db.run('UPDATE logs SET inspection = ?, reading = coalesce(?, reading) WHERE log_id = ?', [JSON.stringify(inspection), reading === undefined ? null : JSON.stringify(reading), logId]);
}

/** A stored log's inspection in counts: events and commands read, records that were not JSON or not a record (`malformed`; `more`: the anomaly list was cut, so there may be more). */
export interface LogTally {
  readonly events: number;
  readonly commands: number;
  readonly malformed: number;
  readonly more: boolean;
}

/** Per stored log with an inspection kept, what it read, by log id; SQLite reads the JSON, so no inspection is parsed here. */
export function logTallies(db: Workspace): Map<number, LogTally> {
  const rows =
    db.exec(
      `SELECT log_id, json_extract(inspection, '$.events'), json_extract(inspection, '$.commands'),
         (SELECT count(*) FROM json_each(logs.inspection, '$.anomalies') WHERE json_extract(value, '$.kind') = 'malformed'),
         json_extract(inspection, '$.anomalyCount') IS NOT NULL
       FROM logs WHERE inspection IS NOT NULL AND json_valid(inspection)`,
    )[0]?.values ?? [];
  const out = new Map<number, LogTally>();
  for (const [logId, events, commands, malformed, more] of rows) {
    if (typeof events !== 'number') continue;
    out.set(Number(logId), { events, commands: Number(commands ?? 0), malformed: Number(malformed), more: Number(more) === 1 });
  }
  return out;
}

/** A log's stored inspection and reading (undefined when none was stored, or the text is not JSON). */
export function loadInspection(db: Workspace, logId: number): { inspection?: unknown; reading?: unknown } {
  const row = db.exec('SELECT inspection, reading FROM logs WHERE log_id = ?', [logId])[0]?.values[0];
  if (!row) return {};
  const parse = (v: unknown) => {
    if (v === null || v === undefined) return undefined;
    try {
      return JSON.parse(String(v));
    } catch {
      return undefined;
    }
  };
  return { inspection: parse(row[0]), reading: parse(row[1]) };
}

/** Where a log came from, as the workspace keeps it (undefined when there is no such log). */
export function logSource(db: Workspace, logId: number): string | undefined {
  const row = db.exec('SELECT source FROM logs WHERE log_id = ?', [logId])[0]?.values[0];
  return row ? String(row[0]) : undefined;
}

/** The file text of each record of an imported log, in order, with its line (nothing for a run's log or one stored before records were kept). */
export function* storedRecords(db: Workspace, logId: number): Generator<{ readonly raw: string; readonly line: number }> {
  const stmt = db.prepare('SELECT raw, line FROM events WHERE log_id = ? AND raw IS NOT NULL ORDER BY seq');
  try {
    stmt.bind([logId]);
    while (stmt.step()) {
      const [raw, line] = stmt.get();
      yield { raw: String(raw), line: Number(line) };
    }
  } finally {
    stmt.free();
  }
}

/** A record's text as the file had it, its number in the file (`seq`) and its line. */
export interface RecordText {
  readonly seq: number;
  readonly raw: string;
  readonly line: number;
  /** Why the record could not be read, as its inspection said (a `malformed` record's message): absent for any other. */
  readonly malformed?: string;
}

/** Up to `count` records of an imported log after record `afterSeq`, as the file had them, in order (a page of {@link storedRecords}). */
export function storedRecordPage(db: Workspace, logId: number, afterSeq: number, count: number): RecordText[] {
  const rows = db.exec("SELECT seq, raw, line, CASE WHEN kind = 'malformed' THEN data END FROM events WHERE log_id = ? AND seq > ? AND raw IS NOT NULL ORDER BY seq LIMIT ?", [logId, afterSeq, count])[0]?.values ?? [];
  return rows.map(([seq, raw, line, malformed]) => {
    const message = malformed === null ? undefined : parseMessage(String(malformed));
    return { seq: Number(seq), raw: String(raw), line: Number(line), ...(message !== undefined ? { malformed: message } : {}) };
  });
}

/** A stored problem message (JSON text of a string); undefined for anything else. */
function parseMessage(data: string): string | undefined {
  try {
    const value: unknown = JSON.parse(data);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** How many records of an imported log are kept as the file had them. */
export function storedRecordCount(db: Workspace, logId: number): number {
  return Number(db.exec('SELECT count(*) FROM events WHERE log_id = ? AND raw IS NOT NULL', [logId])[0]?.values[0][0] ?? 0);
}

/** Deletes a log and its events; true when there was one. */
export function deleteLog(db: Workspace, logId: number): boolean {
  return inTransaction(db, () => {
    db.run('DELETE FROM events WHERE log_id = ?', [logId]);
    db.run('DELETE FROM logs WHERE log_id = ?', [logId]);
    return db.getRowsModified() > 0;
  });
}

/** The events table's secondary indexes (by type, by stream, by time), as the schema's migrations create them. */
const EVENT_INDEXES = [
  'CREATE INDEX IF NOT EXISTS events_by_type ON events (log_id, type, seq)',
  'CREATE INDEX IF NOT EXISTS events_by_stream ON events (log_id, stream, seq)',
  'CREATE INDEX IF NOT EXISTS events_by_time ON events (log_id, at, seq, kind, stream)',
];

/** Drops the events' secondary indexes before a bulk insert (queries stay correct, filtered ones scan). */
export function dropEventIndexes(db: Workspace): void {
  db.run('DROP INDEX IF EXISTS events_by_type');
  db.run('DROP INDEX IF EXISTS events_by_stream');
  db.run('DROP INDEX IF EXISTS events_by_time');
}

/** Creates the events' secondary indexes when missing; true when it had to build any. */
export function ensureEventIndexes(db: Workspace): boolean {
  const present = Number(db.exec("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN ('events_by_type', 'events_by_stream', 'events_by_time')")[0].values[0][0]);
  if (present === EVENT_INDEXES.length) return false;
  for (const sql of EVENT_INDEXES) db.run(sql);
  return true;
}

function insertEvents(db: Workspace, logId: number, events: Iterable<StoredEventInput>): number {
  const insert: Statement = db.prepare(
    `INSERT INTO events (log_id, seq, id, type, stream, at, causation_id, correlation_id, data, line, kind, position, global_position, source, time, domain_stream, raw, metadata)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let count = 0;
  const row: (string | number | null)[] = [logId, 0, '', '', '', 0, null, null, '', null, 'event', null, null, null, null, null, null, null];
  try {
    for (const e of events) {
      row[1] = e.seq;
      row[2] = e.id;
      row[3] = e.type;
      row[4] = e.stream;
      row[5] = Number.isFinite(e.at) ? e.at : 0;
      row[6] = e.causationId ?? null;
      row[7] = e.correlationId ?? null;
      row[8] = jsonText(e.data);
      row[9] = e.line ?? null;
      row[10] = e.kind ?? 'event';
      row[11] = e.position ?? null;
      row[12] = e.globalPosition ?? null;
      row[13] = e.source ?? null;
      row[14] = e.time ?? null;
      row[15] = e.domainStream ?? null;
      row[16] = e.raw ?? null;
      row[17] = e.metadata === undefined || e.metadata === null ? null : jsonText(e.metadata);
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

/** A payload as stored JSON text; one that cannot be written as JSON (nested too deeply) as a note saying so. */
function jsonText(data: unknown): string {
  try {
    return JSON.stringify(data ?? null);
  } catch {
    return JSON.stringify('(a payload that cannot be shown: nested too deeply)');
  }
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
