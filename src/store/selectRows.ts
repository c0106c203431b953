/** Runs one parameterized query on a workspace; its rows as arrays of values, in the query's order (the statement is always freed). */
import type { SqlValue } from 'sql.js';
import type { Workspace } from './workspace';

/** Every row of `sql` with `params` bound (`?` placeholders), each as its column values. */
export function selectRows(db: Workspace, sql: string, params: SqlValue[]): SqlValue[][] {
  const stmt = db.prepare(sql);
  try {
    stmt.bind(params);
    const rows: SqlValue[][] = [];
    while (stmt.step()) rows.push(stmt.get());
    return rows;
  } finally {
    stmt.free();
  }
}
