/**
 * What a workspace file must hold before it is adopted: exactly the schema our migrations make
 * for its version (the same tables, columns, indexes; no trigger, no view, nothing else), and
 * stored documents that are valid JSON. The expected schema is not a list kept by hand: it is
 * derived by applying MIGRATIONS (./schema) to a fresh in-memory database, so a new migration
 * is checked for as soon as it is written. Nothing here runs SQL of the file's own (its
 * `sqlite_master` is read, never a view or a trigger), so a refused file never acted. Pure.
 */
import type { Database, SqlJsStatic } from 'sql.js';
import { createMeta, MIGRATIONS } from './schema';

/** One schema object as `sqlite_master` lists it; its SQL with runs of whitespace made one space. */
interface SchemaObject {
  readonly type: string;
  readonly name: string;
  readonly table: string;
  readonly sql: string | null;
}

/** The schema objects of a database by name. */
function schemaOf(db: Database): Map<string, SchemaObject> {
  const rows = db.exec('SELECT type, name, tbl_name, sql FROM sqlite_master')[0]?.values ?? [];
  return new Map(
    rows.map(([type, name, table, sql]) => [String(name), { type: String(type), name: String(name), table: String(table), sql: sql === null ? null : String(sql).replace(/\s+/g, ' ').trim() }]),
  );
}

const expected = new WeakMap<SqlJsStatic, Map<number, Map<string, SchemaObject>>>();

/** The schema of a version-`version` workspace: meta, then MIGRATIONS[0..version) on an empty database (cached). */
export function expectedSchema(sqlJs: SqlJsStatic, version: number): ReadonlyMap<string, SchemaObject> {
  let byVersion = expected.get(sqlJs);
  if (!byVersion) expected.set(sqlJs, (byVersion = new Map()));
  let schema = byVersion.get(version);
  if (!schema) {
    const db = new sqlJs.Database();
    try {
      createMeta(db);
      for (let v = 0; v < version; v++) MIGRATIONS[v](db);
      schema = schemaOf(db);
    } finally {
      db.close();
    }
    byVersion.set(version, schema);
  }
  return schema;
}

/** What the object is, for messages (`a trigger 'wipe'`). */
const what = (o: SchemaObject): string => `${o.type === 'index' ? 'an' : 'a'} ${o.type} '${o.name.length > 40 ? o.name.slice(0, 40) + '…' : o.name}'`;

/**
 * Why the file is not safe to read at all, checked before anything of it is read: it holds a
 * trigger or a view (SQL that would run on our reads and writes), or no meta table. Reading
 * its tables is safe after this; their exact definitions are checked by {@link schemaMismatch}.
 */
export function unsafeSchema(db: Database): string | undefined {
  const actual = schemaOf(db);
  for (const o of actual.values()) if (o.type !== 'table' && o.type !== 'index') return `it holds ${what(o)}; a workspace holds only tables and indexes`;
  if (actual.get('meta')?.type !== 'table') return 'an SQLite database without a Purestream meta table';
  return undefined;
}

/** Why the file's schema is not exactly that of a version-`version` workspace, or undefined. */
export function schemaMismatch(sqlJs: SqlJsStatic, db: Database, version: number): string | undefined {
  const want = expectedSchema(sqlJs, version);
  const actual = schemaOf(db);
  for (const o of actual.values()) {
    const w = want.get(o.name);
    if (!w) return `it holds ${what(o)} that a version-${version} workspace does not have`;
    if (w.type !== o.type || w.table !== o.table || w.sql !== o.sql) return `its ${w.type} '${w.name}' is not the one a version-${version} workspace has (${w.type === 'table' ? 'other columns or constraints' : 'another definition'})`;
  }
  for (const w of want.values()) if (!actual.has(w.name)) return `its ${w.type} '${w.name}' is missing (a version-${version} workspace has one)`;
  return undefined;
}

/** The stored JSON documents: table, key column and JSON column. */
const DOCUMENTS = [
  { table: 'scenarios', key: 'name', column: 'json', what: 'scenario' },
  { table: 'runs', key: 'run_id', column: 'report', what: 'run report' },
  { table: 'traces', key: "run_id || '/' || idx", column: 'trace', what: 'run trace' },
] as const;

/** Which stored document is not valid JSON (SQLite's `json_valid`, at C speed), or undefined. */
export function damagedDocument(db: Database): string | undefined {
  const tables = new Set(schemaOf(db).keys());
  for (const d of DOCUMENTS) {
    if (!tables.has(d.table)) continue;
    const row = db.exec(`SELECT ${d.key} FROM ${d.table} WHERE json_valid(${d.column}) IS NOT 1 LIMIT 1`)[0]?.values[0];
    if (row) return `the stored ${d.what} ${JSON.stringify(String(row[0]).slice(0, 60))} is not valid JSON`;
  }
  return undefined;
}
