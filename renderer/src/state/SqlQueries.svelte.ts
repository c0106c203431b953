/**
 * The Consumers view's read-only queries, kept while the user visits other views: the text and
 * the answer per consumer of a result, which query runs, and Cancel. Queries run in their own
 * worker with a time limit (SqlClient); an answer is shown only for the query that asked it.
 */
import { SvelteMap } from 'svelte/reactivity';
import type { RunReader } from '../../lib/reader/runReader';
import { SqlClient, type SqlAnswer } from '../worker/sqlClient';
import { WorkerCancelled } from '../worker/workerHandle';

/** Queries by key (a result, a run and a consumer: names are the user's, so Maps). */
export class SqlQueries {
  private readonly client = new SqlClient();
  readonly texts = new SvelteMap<string, string>();
  readonly answers = new SvelteMap<string, SqlAnswer | string>();
  /** The key of the query in progress. */
  running = $state.raw<string | undefined>(undefined);
  private readonly results = new WeakMap<object, number>();
  private nextResult = 1;

  /** The key of consumer `consumer` of run `run` of `result` (a result object, compared by identity). */
  keyOf(result: object, run: number, consumer: string): string {
    let id = this.results.get(result);
    if (id === undefined) this.results.set(result, (id = this.nextResult++));
    return `${id}\u0000${run}\u0000${consumer}`;
  }

  /** Runs `sql` against consumer `consumer` of run `run`; its tables are read from `reader` when the query worker lacks them. */
  async run(key: string, reader: RunReader, run: number, consumer: string, sql: string): Promise<void> {
    // the previous answer goes: what is on screen is this query's, or nothing while it runs
    this.answers.delete(key);
    this.running = key;
    try {
      this.answers.set(key, await this.client.query(key, () => reader.outputTables(run, consumer), sql));
    } catch (e) {
      this.answers.set(key, e instanceof WorkerCancelled ? 'The query was cancelled.' : e instanceof Error ? e.message : String(e));
    } finally {
      if (this.running === key) this.running = undefined;
    }
  }

  /** Stops the query in progress. */
  cancel(): void {
    this.client.cancel();
  }
}
