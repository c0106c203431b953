/**
 * The workspace file's layout and its migrations. `meta` holds the format name and the schema
 * version; MIGRATIONS[v] upgrades a version-v workspace to v+1, so a new workspace is an empty
 * version-0 one (just `meta`) migrated to the current version, the same path an old file takes.
 */
import type { Database } from 'sql.js';

/** The `format` value in every workspace's meta table. */
export const WORKSPACE_FORMAT = 'purestream/workspace';

/** Migrations by the version they upgrade from (index 0: version 0 to 1). */
export const MIGRATIONS: readonly ((db: Database) => void)[] = [
  // 0 → 1: scenarios, runs with their traces, imported logs and their events.
  (db) =>
    db.exec(`
      CREATE TABLE scenarios (name TEXT PRIMARY KEY, json TEXT NOT NULL, updated REAL NOT NULL);
      CREATE TABLE runs (run_id INTEGER PRIMARY KEY, scenario TEXT NOT NULL, created REAL NOT NULL, report TEXT NOT NULL);
      CREATE TABLE traces (run_id INTEGER NOT NULL, idx INTEGER NOT NULL, run_name TEXT NOT NULL, trace TEXT NOT NULL, PRIMARY KEY (run_id, idx));
      CREATE TABLE logs (log_id INTEGER PRIMARY KEY, name TEXT NOT NULL, source TEXT NOT NULL, domain TEXT, imported REAL NOT NULL, events INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE events (
        log_id INTEGER NOT NULL, seq INTEGER NOT NULL, id TEXT NOT NULL, type TEXT NOT NULL, stream TEXT NOT NULL, at REAL NOT NULL,
        causation_id TEXT, correlation_id TEXT, data TEXT NOT NULL,
        PRIMARY KEY (log_id, seq)
      ) WITHOUT ROWID;
      CREATE INDEX events_by_type ON events (log_id, type, seq);
      CREATE INDEX events_by_stream ON events (log_id, stream, seq);
    `),
  // 1 → 2: any event log (logs.md). A stored log keeps every record as the file had it (`raw`,
  // with its physical `line`), so it can be inspected again with another domain, profile or map;
  // `seq` is the record's number in the file. The common fields a profile read are columns
  // (positions and times as exact text), and the log keeps how it was read and its inspection.
  (db) =>
    db.exec(`
      ALTER TABLE events ADD COLUMN line INTEGER;
      ALTER TABLE events ADD COLUMN kind TEXT NOT NULL DEFAULT 'event';
      ALTER TABLE events ADD COLUMN position TEXT;
      ALTER TABLE events ADD COLUMN global_position TEXT;
      ALTER TABLE events ADD COLUMN source TEXT;
      ALTER TABLE events ADD COLUMN time TEXT;
      ALTER TABLE events ADD COLUMN domain_stream TEXT;
      ALTER TABLE events ADD COLUMN raw TEXT;
      ALTER TABLE logs ADD COLUMN reading TEXT;
      ALTER TABLE logs ADD COLUMN inspection TEXT;
      CREATE INDEX events_by_time ON events (log_id, at, seq);
    `),
  // 2 → 3: the by-time index also holds each record's kind and stream, so a timeline window
  // (records shown in a time range, counted per lane and slice) is read from the index alone,
  // without a lookup of each row in the table (about twice as fast on a 1M-record log).
  (db) =>
    db.exec(`
      DROP INDEX events_by_time;
      CREATE INDEX events_by_time ON events (log_id, at, seq, kind, stream);
    `),
  // 3 → 4: each run keeps what its runs computed from (`inputs`: the scenario's JSON without the
  // parts that change no outcome — name, description, `x-` keys), so the app tells a run of the
  // stored scenario as it is from a run of an earlier version of it, and stores a run once. Runs
  // stored before have none (NULL): which version they ran is not known. A run's `scenario` is the
  // stored scenario it belongs to (renaming that scenario renames it here too).
  (db) => db.exec('ALTER TABLE runs ADD COLUMN inputs TEXT;'),
  // 4 → 5: a record's metadata as its profile read it (logs.md's `metadata` common field: Marten
  // `headers`, KurrentDB `metadata`, Kafka headers…), as JSON text: shown in a record's details
  // and searched by the records' text filter. Null for a record without any, and in logs stored
  // before (their text is kept: inspecting them again fills it).
  (db) => db.exec('ALTER TABLE events ADD COLUMN metadata TEXT;'),
];

/** The schema version this code writes (and the newest it reads). */
export const WORKSPACE_VERSION = MIGRATIONS.length;

/** Creates the meta table of a version-0 workspace. */
export function createMeta(db: Database): void {
  db.run('CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
  db.run("INSERT INTO meta (key, value) VALUES ('format', ?), ('version', '0')", [WORKSPACE_FORMAT]);
}

/** Upgrades a workspace from `from` to the current version, all in one transaction. */
export function migrate(db: Database, from: number): void {
  if (from === WORKSPACE_VERSION) return;
  db.run('BEGIN');
  try {
    for (let v = from; v < WORKSPACE_VERSION; v++) MIGRATIONS[v](db);
    db.run("UPDATE meta SET value = ? WHERE key = 'version'", [String(WORKSPACE_VERSION)]);
    db.run('COMMIT');
  } catch (error) {
    db.run('ROLLBACK');
    throw error;
  }
}
