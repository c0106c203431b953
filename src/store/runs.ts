/**
 * The workspace's runs: one row per `runScenario` result (its report as JSON), and its traces
 * as JSON text, one per run of the report, so a list view never reads the (large) traces. Each
 * row names the stored scenario it belongs to and keeps what it computed from (`inputs`, see
 * ./schema's migration 3 → 4), so the same run is stored once.
 * What is read back is checked (./storedJson): a damaged document is an error naming the run
 * and the place, never a half-formed object for the views.
 */
import type { Report, Trace } from '../engine/types';
import { reportProblem, traceProblem } from './storedJson';
import type { Workspace } from './workspace';

/** A run as listed: id, the stored scenario it belongs to, when, which runs the report holds, and what it computed from (absent: not known, stored by an older Purestream). */
export interface RunSummary {
  readonly runId: number;
  readonly scenario: string;
  readonly created: number;
  readonly runs: readonly string[];
  readonly inputs?: string;
}

/** What a stored run belongs to: its stored scenario's name (by default its report's `scenario`) and what it computed from, when known. */
export interface RunLink {
  readonly scenario?: string;
  readonly inputs?: string;
}

/** Stores a report and its traces (one per report run, in order); returns the new run id. */
export function saveRun(db: Workspace, run: { readonly report: Report; readonly traces: readonly Trace[]; readonly created: number } & RunLink): number {
  db.run('BEGIN');
  try {
    db.run('INSERT INTO runs (scenario, created, report, inputs) VALUES (?, ?, ?, ?)', [run.scenario ?? run.report.scenario, run.created, documentText(run.report, 'report'), run.inputs ?? null]);
    const runId = Number(db.exec('SELECT last_insert_rowid()')[0].values[0][0]);
    const insert = db.prepare('INSERT INTO traces (run_id, idx, run_name, trace) VALUES (?, ?, ?, ?)');
    try {
      run.traces.forEach((trace, idx) => insert.run([runId, idx, trace.run, documentText(trace, `trace of run "${trace.run}"`)]));
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

/**
 * The stored run that is this run again — of the same stored scenario, computed from the same
 * known inputs, with the same report but for its title (runs are seeded: the same inputs and rules
 * give the same report; a run made again after a rename is titled anew) — made the latest
 * (`created`); its id, or undefined when none is. A run whose inputs are not known is never the
 * same as another.
 */
export function sameStoredRun(db: Workspace, run: { readonly report: Report; readonly created: number } & RunLink): number | undefined {
  if (run.inputs === undefined) return undefined;
  const sql = "SELECT run_id FROM runs WHERE scenario = ? AND inputs = ? AND json_remove(report, '$.scenario') = json_remove(?, '$.scenario') ORDER BY run_id LIMIT 1";
  const row = db.exec(sql, [run.scenario ?? run.report.scenario, run.inputs, documentText(run.report, 'report')])[0]?.values[0];
  if (!row) return undefined;
  const runId = Number(row[0]);
  db.run('UPDATE runs SET created = ? WHERE run_id = ?', [run.created, runId]);
  return runId;
}

/** Every stored run, newest first. */
export function listRuns(db: Workspace): RunSummary[] {
  // The run names come out of the report JSON inside SQLite, so listing never parses whole reports.
  // (a report that is not valid JSON lists no names instead of failing the whole list)
  const names = "CASE WHEN json_valid(report) THEN (SELECT json_group_array(json_extract(r.value, '$.name')) FROM json_each(report, '$.runs') AS r) ELSE '[]' END";
  const rows = db.exec(`SELECT run_id, scenario, created, ${names}, inputs FROM runs ORDER BY created DESC, run_id DESC`)[0]?.values ?? [];
  return rows.map(([runId, scenario, created, runs, inputs]) => ({
    runId: Number(runId),
    scenario: String(scenario),
    created: Number(created),
    runs: (JSON.parse(String(runs)) as unknown[]).map(String),
    ...(inputs === null ? {} : { inputs: String(inputs) }),
  }));
}

/** A stored run's report, or undefined; throws a message naming the run and the place when it is damaged. */
export function loadReport(db: Workspace, runId: number): Report | undefined {
  const row = db.exec('SELECT report FROM runs WHERE run_id = ?', [runId])[0]?.values[0];
  return row ? (checked(String(row[0]), reportProblem, `the report of stored run ${runId}`) as Report) : undefined;
}

/** One trace of a stored run (by its position in the report), or undefined; throws a message naming it and the place when it is damaged. */
export function loadTrace(db: Workspace, runId: number, index: number): Trace | undefined {
  const row = db.exec('SELECT trace FROM traces WHERE run_id = ? AND idx = ?', [runId, index])[0]?.values[0];
  return row ? (checked(String(row[0]), traceProblem, `trace ${index} of stored run ${runId}`) as Trace) : undefined;
}

/** A stored document read back: parsed and checked, or an Error saying what is damaged where. */
function checked(text: string, problemOf: (value: unknown) => string | undefined, what: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${what} is damaged: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const problem = problemOf(value);
  if (problem) throw new Error(`${what} is damaged: ${problem}`);
  return value;
}

/** A document as stored JSON text, or an Error that says it is too large to store (past the longest string V8 makes). */
function documentText(value: unknown, what: string): string {
  try {
    return JSON.stringify(value);
  } catch (error) {
    if (error instanceof RangeError) throw new Error(`the ${what} is too large to store in the workspace (${error.message})`);
    throw error;
  }
}

/** Deletes a run and its traces; true when there was one. */
export function deleteRun(db: Workspace, runId: number): boolean {
  db.run('DELETE FROM traces WHERE run_id = ?', [runId]);
  db.run('DELETE FROM runs WHERE run_id = ?', [runId]);
  return db.getRowsModified() > 0;
}
