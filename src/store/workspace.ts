/**
 * Opening, creating and saving a workspace: one SQLite file (sql.js, in memory) holding the
 * user's scenarios, runs and imported logs. Pure of I/O: it takes the initialised sql.js module
 * and file bytes, and gives bytes back, so Node, Electron's main process and the browser share it.
 * Opening never changes the bytes it was given; a file that is not ours is refused clearly, and
 * before any of its SQL could act: its schema must be exactly ours (./schemaCheck: no trigger,
 * no view, no extra object) and its stored documents valid, or nothing of it is adopted.
 */
import type { Database, SqlJsStatic } from 'sql.js';
import { createMeta, migrate, WORKSPACE_FORMAT, WORKSPACE_VERSION } from './schema';
import { damagedDocument, schemaMismatch, unsafeSchema } from './schemaCheck';
import { sqliteFileProblem } from './sqliteHeader';
import { reportProblem } from './storedJson';

/** An open workspace: an in-memory sql.js database with the current schema. */
export type Workspace = Database;

/** A file that cannot be opened as a workspace; the message names the file and why. */
export class WorkspaceError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    kind: 'foreign' | 'newer' = 'foreign',
  ) {
    super(kind === 'foreign' ? `${file}: not a Purestream workspace (${reason})` : `${file}: ${reason}`);
    this.name = 'WorkspaceError';
  }
}

/** A new, empty workspace at the current schema version. */
export function createWorkspace(sqlJs: SqlJsStatic): Workspace {
  const db = new sqlJs.Database();
  createMeta(db);
  migrate(db, 0);
  return db;
}

/**
 * Opens workspace file bytes (`file` names it in errors). Works on a copy: the caller's bytes
 * are never changed. An older schema is migrated in memory; it reaches disk only when saved.
 */
export function openWorkspace(sqlJs: SqlJsStatic, bytes: Uint8Array, file: string): Workspace {
  const problem = sqliteFileProblem(bytes);
  if (problem) throw new WorkspaceError(file, problem);
  let db: Database;
  try {
    db = new sqlJs.Database(bytes.slice());
  } catch (error) {
    throw new WorkspaceError(file, `SQLite cannot open it: ${messageOf(error)}`);
  }
  try {
    const version = readVersion(db, file);
    const mismatch = schemaMismatch(sqlJs, db, version);
    if (mismatch) throw new WorkspaceError(file, mismatch);
    const damaged = damagedDocument(db) ?? damagedReport(db);
    if (damaged) throw new WorkspaceError(file, `damaged: ${damaged}`);
    migrate(db, version);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof WorkspaceError) throw error;
    throw new WorkspaceError(file, `damaged: ${messageOf(error)}`);
  }
}

/** The workspace as SQLite file bytes, ready to be written (see nodeFile.ts for Node). */
export function saveWorkspace(db: Workspace): Uint8Array {
  return db.export();
}

/** The schema version in a file's meta table; refuses damaged files, files with SQL of their own, without our meta, or from the future. */
function readVersion(db: Database, file: string): number {
  const check = db.exec('PRAGMA quick_check')[0]?.values.map((r) => String(r[0])) ?? [];
  if (check.length !== 1 || check[0] !== 'ok') throw new WorkspaceError(file, `damaged: ${check.slice(0, 3).join('; ')}`);
  const unsafe = unsafeSchema(db);
  if (unsafe) throw new WorkspaceError(file, unsafe);
  const meta = new Map<string, string>();
  try {
    for (const [key, value] of db.exec('SELECT key, value FROM meta')[0]?.values ?? []) meta.set(String(key), String(value));
  } catch (error) {
    throw new WorkspaceError(file, `its meta table is not Purestream's: ${messageOf(error)}`);
  }
  const format = meta.get('format');
  if (format !== WORKSPACE_FORMAT) throw new WorkspaceError(file, `meta format is ${format === undefined ? 'missing' : `'${format}'`}, expected '${WORKSPACE_FORMAT}'`);
  const version = Number(meta.get('version'));
  if (!Number.isInteger(version) || version < 0) throw new WorkspaceError(file, `meta version is '${meta.get('version')}', expected a whole number`);
  if (version > WORKSPACE_VERSION) {
    throw new WorkspaceError(file, `written by a newer Purestream (workspace version ${version}; this one reads up to ${WORKSPACE_VERSION})`, 'newer');
  }
  return version;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Which stored run report is not a report (they are small: every one is read), or undefined. */
function damagedReport(db: Database): string | undefined {
  if (db.exec("SELECT 1 FROM sqlite_master WHERE name = 'runs'").length === 0) return undefined;
  const stmt = db.prepare('SELECT run_id, report FROM runs');
  try {
    while (stmt.step()) {
      const [runId, text] = stmt.get();
      const problem = reportProblem(JSON.parse(String(text)));
      if (problem) return `the report of stored run ${String(runId)}: ${problem}`;
    }
  } finally {
    stmt.free();
  }
  return undefined;
}
