/**
 * Read-only queries against a `sql` consumer's database after (or during) a run. Only one
 * SELECT / WITH … SELECT / VALUES / schema PRAGMA is accepted, and it runs inside a savepoint
 * that is always rolled back, so a query can never change the database.
 */
import type { SqlValue } from 'sql.js';
import type { Interpreter } from './interpreter';
import { asSql } from './sql';

/** A query result: column names and rows of values. */
export interface SqlQueryResult {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (SqlValue | bigint)[])[];
}

const READ_PRAGMAS = new Set(['table_info', 'table_xinfo', 'table_list', 'index_list', 'index_info', 'index_xinfo', 'foreign_key_list']);
const WRITE_WORDS = new Set(['insert', 'update', 'delete', 'replace', 'drop', 'create', 'alter', 'attach', 'detach', 'vacuum', 'reindex', 'analyze', 'begin', 'commit', 'rollback', 'savepoint', 'release']);

/** How values are read: `exactIntegers` reads every integer as a BigInt (past 2^53 a number would be rounded). */
export interface QueryOptions {
  readonly exactIntegers?: boolean;
}

/** Runs one read-only statement; throws a clear Error for anything that could write. */
export function querySql(interpreter: Interpreter, sql: string, options: QueryOptions = {}): SqlQueryResult {
  const problem = readOnlyProblem(sql);
  if (problem) throw new Error(`query refused: ${problem}`);
  const db = asSql(interpreter).db;
  db.run('SAVEPOINT purestream_query');
  try {
    const stmt = db.prepare(sql);
    try {
      const columns = stmt.getColumnNames();
      const rows: (SqlValue | bigint)[][] = [];
      // sql.js reads integers as BigInt with `useBigInt` (its types do not declare the option)
      const get = stmt.get.bind(stmt) as unknown as (params: null, config: { useBigInt: boolean }) => (SqlValue | bigint)[];
      const config = { useBigInt: options.exactIntegers === true };
      while (stmt.step()) rows.push(get(null, config));
      return { columns, rows };
    } finally {
      stmt.free();
    }
  } catch (error) {
    throw new Error(`query failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    db.run('ROLLBACK TO purestream_query');
    db.run('RELEASE purestream_query');
  }
}

/** Why a statement is not an acceptable read-only query, or undefined when it is. */
export function readOnlyProblem(sql: string): string | undefined {
  const words = codeWords(sql);
  if (words === undefined) return 'unterminated string or comment';
  if (words.tokens.length === 0) return 'the query is empty';
  if (words.extraStatement) return 'only one statement is allowed';
  const [first, second] = words.tokens;
  if (first === 'pragma') {
    const name = (second ?? '').replace(/^main\./, '');
    return READ_PRAGMAS.has(name) ? undefined : `only schema PRAGMAs (${[...READ_PRAGMAS].join(', ')}) are allowed, not PRAGMA ${name}`;
  }
  if (first !== 'select' && first !== 'with' && first !== 'values') return `only SELECT, WITH and schema PRAGMA statements are allowed, not ${first.toUpperCase()}`;
  const writer = words.tokens.find((w) => WRITE_WORDS.has(w));
  return writer ? `the query is not read-only (it contains ${writer.toUpperCase()})` : undefined;
}

/** Lower-cased bare words outside strings, quoted names and comments; undefined when unterminated. */
function codeWords(sql: string): { tokens: string[]; extraStatement: boolean } | undefined {
  const tokens: string[] = [];
  let extraStatement = false;
  let endedAt = -1;
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    if (c === "'" || c === '"' || c === '`' || c === '[') {
      const close = c === '[' ? ']' : c;
      const end = sql.indexOf(close, i + 1);
      if (end < 0) return undefined;
      i = end + 1;
      if (endedAt >= 0) extraStatement = true;
    } else if (sql.startsWith('--', i)) {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? sql.length : end + 1;
    } else if (sql.startsWith('/*', i)) {
      const end = sql.indexOf('*/', i + 2);
      if (end < 0) return undefined;
      i = end + 2;
    } else if (c === ';') {
      endedAt = i;
      i++;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_$.]*/.exec(sql.slice(i))![0];
      tokens.push(m.toLowerCase());
      if (endedAt >= 0) extraStatement = true;
      i += m.length;
    } else {
      if (endedAt >= 0 && !/\s/.test(c)) extraStatement = true;
      i++;
    }
  }
  return { tokens, extraStatement };
}
