/**
 * The workspace's runs: one row per `runScenario` result (its report as JSON), and its traces
 * as JSON text, one per run of the report, so a list view never reads the (large) traces.
 */
import type { Report, Trace } from '../engine/types';
import type { Workspace } from './workspace';

/** A run as listed: id, scenario name, when and which runs the report holds. */
export interface RunSummary {
  readonly runId: number;
  readonly scenario: string;
  readonly created: number;
  readonly runs: readonly string[];
}

/** Stores a report and its traces (one per report run, in order); returns the new run id. */
export function saveRun(db: Workspace, run: { readonly report: Report; readonly traces: readonly Trace[]; readonly created: number }): number {
  db.run('BEGIN');
  try {
    db.run('INSERT INTO runs (scenario, created, report) VALUES (?, ?, ?)', [run.report.scenario, run.created, JSON.stringify(run.report)]);
    const runId = Number(db.exec('SELECT last_insert_rowid()')[0].values[0][0]);
    const insert = db.prepare('INSERT INTO traces (run_id, idx, run_name, trace) VALUES (?, ?, ?, ?)');
    try {
      run.traces.forEach((trace, idx) => insert.run([runId, idx, trace.run, JSON.stringify(trace)]));
    } finally {
      insert.free();
    }
    db.run('COMMIT');
    return runId;
  } catch (error) {
    db.run('ROLLBACK');
    throw error;
  }
}

/** Every stored run, newest first. */
export function listRuns(db: Workspace): RunSummary[] {
  // The run names come out of the report JSON inside SQLite, so listing never parses whole reports.
  const names = "(SELECT json_group_array(json_extract(r.value, '$.name')) FROM json_each(report, '$.runs') AS r)";
  const rows = db.exec(`SELECT run_id, scenario, created, ${names} FROM runs ORDER BY created DESC, run_id DESC`)[0]?.values ?? [];
  return rows.map(([runId, scenario, created, runs]) => ({
    runId: Number(runId),
    scenario: String(scenario),
    created: Number(created),
    runs: JSON.parse(String(runs)) as string[],
  }));
}

/** A stored run's report, or undefined. */
export function loadReport(db: Workspace, runId: number): Report | undefined {
  const row = db.exec('SELECT report FROM runs WHERE run_id = ?', [runId])[0]?.values[0];
  return row ? (JSON.parse(String(row[0])) as Report) : undefined;
}

/** One trace of a stored run (by its position in the report), or undefined. */
export function loadTrace(db: Workspace, runId: number, index: number): Trace | undefined {
  const row = db.exec('SELECT trace FROM traces WHERE run_id = ? AND idx = ?', [runId, index])[0]?.values[0];
  return row ? (JSON.parse(String(row[0])) as Trace) : undefined;
}

/** Deletes a run and its traces; true when there was one. */
export function deleteRun(db: Workspace, runId: number): boolean {
  db.run('DELETE FROM traces WHERE run_id = ?', [runId]);
  db.run('DELETE FROM runs WHERE run_id = ?', [runId]);
  return db.getRowsModified() > 0;
}
