/**
 * The `sql` interpreter: each event becomes the domain's SQL statements, run in one transaction
 * against an in-memory sql.js database holding the domain's tables. The sql.js module comes from
 * the host (`services.sqlJs`); the engine never loads it (it also runs in a browser worker).
 */
import { isModuleFault } from '../module/moduleProblem';
import type { Database, SqlJsStatic, SqlValue, Statement } from 'sql.js';
import type { AnyDomainModule, SqlStatement } from '../../../domain/kernel';
import type { LogEntry } from '../types';
import type { EnactResult, Interpreter, InterpreterContext } from './interpreter';
import { alreadyEnacted, ENACTED, failed } from './results';

/** The table of enacted event ids an idempotent `sql` interpreter keeps next to the domain's. */
export const ENACTED_TABLE = '_enacted';

/** One table's rows as plain JSON objects (column name to value). */
export type SqlRows = readonly Readonly<Record<string, SqlValue>>[];

/** Enacts events as SQL transactions; `output()` is `{ table: rows }` for the domain's tables. */
export class SqlInterpreter implements Interpreter {
  readonly kind = 'sql';
  /** The database; read it through {@link querySql}, export it with {@link exportSqlite}. */
  readonly db: Database;
  readonly tables: readonly string[];
  private readonly statementsFor: (event: LogEntry) => readonly SqlStatement[];
  private readonly idempotent: boolean;
  /** Prepared statements by SQL text (sql.js frees them all on export, so they are re-made lazily). */
  private prepared = new Map<string, Statement>();

  /** `decider`: the domain's id and SQL projection (its tables and statements) are all it reads. */
  constructor(decider: Pick<AnyDomainModule, 'id' | 'sql'>, sqlJs: SqlJsStatic | undefined, idempotent = false) {
    if (!decider.sql) throw new Error(`the sql interpreter needs SQL tables, but domain '${decider.id}' declares none`);
    if (!sqlJs?.Database) throw new Error('the sql interpreter needs the sql.js module: the host must pass services.sqlJs');
    this.db = new sqlJs.Database();
    this.tables = decider.sql.tables.map((t) => t.name);
    this.statementsFor = decider.sql.statementsFor;
    this.idempotent = idempotent;
    for (const table of decider.sql.tables) this.db.run(table.create);
    if (idempotent) this.db.run(`CREATE TABLE ${ENACTED_TABLE} (event_id TEXT PRIMARY KEY, seq INTEGER NOT NULL)`);
  }

  /** Runs the event's statements (and, when idempotent, records its id) in one transaction. */
  enact(event: LogEntry, _now: number): EnactResult {
    if (this.idempotent && this.wasEnacted(event.id)) return alreadyEnacted(event.id);
    let statements: readonly SqlStatement[];
    try {
      statements = this.statementsFor(event);
    } catch (error) {
      if (isModuleFault(error)) throw error;
      return failed(error);
    }
    this.db.run('BEGIN');
    try {
      for (const s of statements) this.statement(s.sql).run(s.params as SqlValue[]);
      if (this.idempotent) this.statement(`INSERT INTO ${ENACTED_TABLE} (event_id, seq) VALUES (?, ?)`).run([event.id, event.seq]);
      this.db.run('COMMIT');
      return ENACTED;
    } catch (error) {
      this.db.run('ROLLBACK');
      return failed(error);
    }
  }

  /** The domain's tables as JSON rows, each table ordered by its primary key. */
  output(): Record<string, SqlRows> {
    const out: Record<string, SqlRows> = {};
    for (const table of this.tables) out[table] = this.rows(table);
    return out;
  }

  /** One table's rows ordered by its primary key (rowid when it has none). */
  rows(table: string): SqlRows {
    const info = this.db.exec(`PRAGMA table_info(${quoteIdentifier(table)})`)[0];
    const pk = (info?.values ?? []).filter((c) => Number(c[5]) > 0).sort((a, b) => Number(a[5]) - Number(b[5]));
    const order = pk.length > 0 ? pk.map((c) => quoteIdentifier(String(c[1]))).join(', ') : 'rowid';
    const stmt = this.db.prepare(`SELECT * FROM ${quoteIdentifier(table)} ORDER BY ${order}`);
    try {
      const rows: Record<string, SqlValue>[] = [];
      while (stmt.step()) rows.push(stmt.getAsObject());
      return rows;
    } finally {
      stmt.free();
    }
  }

  /** The database as an SQLite file (sql.js frees prepared statements on export). */
  exportBytes(): Uint8Array {
    this.prepared.clear();
    return this.db.export();
  }

  /** Frees the database (the interpreter is unusable afterwards). */
  dispose(): void {
    this.prepared.clear();
    this.db.close();
  }

  private wasEnacted(id: string): boolean {
    const stmt = this.statement(`SELECT 1 FROM ${ENACTED_TABLE} WHERE event_id = ?`);
    stmt.bind([id]);
    const found = stmt.step();
    stmt.reset();
    return found;
  }

  private statement(sql: string): Statement {
    let stmt = this.prepared.get(sql);
    if (stmt === undefined) {
      stmt = this.db.prepare(sql);
      this.prepared.set(sql, stmt);
    }
    return stmt;
  }
}

/** `"name"` with inner quotes doubled. */
export const quoteIdentifier = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** Factory for the registry. */
export const createSqlInterpreter = (context: InterpreterContext): SqlInterpreter =>
  new SqlInterpreter(context.decider, context.services.sqlJs as SqlJsStatic | undefined, context.idempotent);

/** The database of a `sql` interpreter as SQLite file bytes. */
export function exportSqlite(interpreter: Interpreter): Uint8Array {
  return asSql(interpreter).exportBytes();
}

/** Narrows an interpreter to a `sql` one, with a clear error otherwise. */
export function asSql(interpreter: Interpreter): SqlInterpreter {
  if (!(interpreter instanceof SqlInterpreter)) throw new Error(`consumer interpreter is '${interpreter.kind}', not 'sql': it has no database`);
  return interpreter;
}
