/**
 * The UI's handle on the SQL query worker: load a consumer's tables, run a query with a time
 * limit, Cancel. Stopping a query terminates the worker (sql.js cannot be interrupted), so the
 * tables are loaded again before the next query.
 */
import type { SqlCell } from '../../lib/consumers/sqlCells';
import type { SqlTablesToLoad } from '../../lib/reader/runReader';
import type { SqlApi } from './sql.worker';
import SqlWorker from './sql.worker?worker';
import { WorkerCancelled, WorkerHandle } from './workerHandle';

/** A query's answer as shown. */
export interface SqlAnswer {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly SqlCell[])[];
}

/** Longest a query may run (ms) before it is stopped. */
export const QUERY_TIME_LIMIT_MS = 10_000;

/** Queries against consumers' tables, one worker for all of them. */
export class SqlClient {
  private readonly handle = new WorkerHandle<SqlApi>(() => new SqlWorker(), 'SQL query');

  /**
   * Runs `sql` against the tables `tables()` gives (loaded under `key` when the worker lacks
   * them); rejects with a message when it runs longer than `limitMs`, or WorkerCancelled on Cancel.
   */
  async query(key: string, tables: () => Promise<SqlTablesToLoad>, sql: string, limitMs = QUERY_TIME_LIMIT_MS): Promise<SqlAnswer> {
    if (!(await this.handle.call((api) => api.loaded(key)))) {
      const loaded = await tables();
      await this.handle.call((api) => api.load(key, loaded));
    }
    const timer = setTimeout(() => this.handle.terminate(new Error(`the query ran longer than ${limitMs / 1000} s and was stopped`)), limitMs);
    try {
      return await this.handle.call((api) => api.query(key, sql));
    } finally {
      clearTimeout(timer);
    }
  }

  /** Stops the query in progress. */
  cancel(): void {
    if (this.handle.busy) this.handle.terminate(new WorkerCancelled('query cancelled'));
  }
}
