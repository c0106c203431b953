/**
 * The SQL query box's worker (Comlink): a `sql` consumer's tables loaded into a database of the
 * domain's schema (its declarations come with the rows, from the worker that keeps the result:
 * a module's own, for a module), and read-only queries against it. Alone in its worker so that a query that
 * runs too long is stopped by terminating it (see SqlClient) without touching the workspace or
 * the event log.
 */
import { expose } from 'comlink';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import { querySql } from '../../../src/engine/consumers/querySql';
import { quoteIdentifier, SqlInterpreter } from '../../../src/engine/consumers/sql';
import { sqlCell, type SqlCell } from '../../lib/consumers/sqlCells';
import type { SqlTablesToLoad } from '../../lib/reader/runReader';

let sqlJsPromise: Promise<SqlJsStatic> | undefined;
const sqlJs = (): Promise<SqlJsStatic> => (sqlJsPromise ??= initSqlJs({ locateFile: () => wasmUrl }));
const databases = new Map<string, SqlInterpreter>();

/** What the SQL worker serves. */
const sqlApi = {
  /** Loads a consumer's tables (the domain's declarations, rows by table name) under `key`, replacing what was there. */
  async load(key: string, { declarations, rows: tables }: SqlTablesToLoad): Promise<readonly string[]> {
    if (declarations.length === 0) throw new Error("the consumer's tables cannot be loaded: the result's domain is not known here (open its domain module and run the scenario again)");
    databases.get(key)?.dispose();
    // the tables are filled from the rows given: no event is enacted here, so no statements are needed
    const interpreter = new SqlInterpreter({ id: 'query', sql: { tables: declarations, statementsFor: () => [] } }, await sqlJs());
    for (const [table, rows] of tables) {
      for (const row of rows) {
        const cols = Object.keys(row);
        interpreter.db.run(`INSERT INTO ${quoteIdentifier(table)} (${cols.map(quoteIdentifier).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`, cols.map((c) => row[c] as never));
      }
    }
    databases.set(key, interpreter);
    return interpreter.tables;
  },

  /** Whether tables are loaded under `key`. */
  loaded: (key: string): boolean => databases.has(key),

  /** Runs one read-only query; integers exact, blobs as hex. */
  query(key: string, sql: string): { columns: readonly string[]; rows: SqlCell[][] } {
    const interpreter = databases.get(key);
    if (!interpreter) throw new Error('the consumer tables are not loaded');
    const result = querySql(interpreter, sql, { exactIntegers: true });
    return { columns: result.columns, rows: result.rows.map((r) => r.map(sqlCell)) };
  },
};

/** The SQL worker's API. */
export type SqlApi = typeof sqlApi;

expose(sqlApi);
