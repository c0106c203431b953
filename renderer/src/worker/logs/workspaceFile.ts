/**
 * The logs worker's databases: the workspace file (scenarios, runs, imported logs; sql.js)
 * with New, Open, Save and its autosave to IndexedDB when the worker is idle, and the scratch
 * database that holds the current run's logs.
 */
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import type { Report, Trace } from '../../../../src/engine/types';
import { ensureEventIndexes, deleteLog, listLogs, logTallies } from '../../../../src/store/logs';
import { deleteRun, listRuns, loadReport, loadTrace, sameStoredRun, saveRun, type RunLink } from '../../../../src/store/runs';
import { deleteScenario, listScenarios, loadScenario, renameScenario, saveScenario } from '../../../../src/store/scenarios';
import { createWorkspace, openWorkspace, saveWorkspace, type Workspace } from '../../../../src/store/workspace';
import { readAutosave, writeAutosave, type Autosaved } from '../../../lib/workspace/idbAutosave';
import type { LogSource, WorkspaceContents } from '../../../lib/workspace/logsProtocol';

let sqlJsPromise: Promise<SqlJsStatic> | undefined;
/** sql.js, loaded once. */
export const sqlJs = (): Promise<SqlJsStatic> => (sqlJsPromise ??= initSqlJs({ locateFile: () => wasmUrl }));

/** The workspace and scratch databases of the worker, and the workspace's autosave. */
export class WorkspaceFile {
  private workspace: Workspace | undefined;
  /**
   * The workspace's first opening, which every caller meanwhile awaits: two callers that each
   * created their own (an import asked for the database while `init` still loaded sql.js) left
   * the import's log in a database the worker then dropped — the table's rows never came.
   */
  private opening: Promise<Workspace> | undefined;
  /** The autosave the first opening restored. */
  private restored: Autosaved | undefined;
  private name = 'Untitled workspace';
  private scratchDb: Workspace | undefined;
  private autosaveTimer: ReturnType<typeof setTimeout> | undefined;
  private autosaveDue = false;
  /** Set while an import runs: its log is not complete, so the autosave waits. */
  importing = false;
  /** Called when the workspace was replaced (its logs' indexes are stale). */
  onReplaced: () => void = () => {};

  /** The workspace database (created empty on first use, unless `init` came first and restored the autosave). */
  async db(): Promise<Workspace> {
    return this.workspace ?? (this.opening ??= this.openFirst(false));
  }

  /** Opens the first workspace: the autosave when `restore` and there is a readable one, else an empty one (a workspace opened meanwhile stays). */
  private async openFirst(restore: boolean): Promise<Workspace> {
    const SQL = await sqlJs();
    const saved = restore ? await readAutosave() : undefined;
    if (saved && !this.workspace) {
      try {
        this.workspace = openWorkspace(SQL, saved.bytes, saved.name);
        this.name = saved.name;
        this.restored = saved;
      } catch {
        // a damaged autosave is dropped; a fresh workspace follows
      }
    }
    return (this.workspace ??= createWorkspace(SQL));
  }

  /** The scratch database of the current run's logs. */
  async scratch(): Promise<Workspace> {
    return (this.scratchDb ??= createWorkspace(await sqlJs()));
  }

  /** The database a log lives in. */
  dbOf(source: LogSource): Workspace {
    const db = source.db === 'workspace' ? this.workspace : this.scratchDb;
    if (!db) throw new Error(`no ${source.db} database yet`);
    return db;
  }

  /** What the workspace holds. */
  async contents(): Promise<WorkspaceContents> {
    const db = await this.db();
    const tallies = logTallies(db);
    return { scenarios: listScenarios(db), runs: listRuns(db), logs: listLogs(db).map((l) => (tallies.has(l.logId) ? { ...l, tally: tallies.get(l.logId)! } : l)) };
  }

  /**
   * Restores the last autosave, else starts an empty workspace. Calls that come in meanwhile
   * (an import begun at once) wait for it and use the same database; a workspace already opened
   * before it stays, and nothing is restored.
   */
  async init(): Promise<{ restored: boolean; name: string; savedAt?: number; contents: WorkspaceContents }> {
    if (!this.workspace) await (this.opening ??= this.openFirst(true));
    const saved = this.restored;
    const contents = await this.contents();
    return saved ? { restored: true, name: saved.name, savedAt: saved.savedAt, contents } : { restored: false, name: this.name, contents };
  }

  /** Starts an empty workspace. */
  async create(): Promise<{ contents: WorkspaceContents }> {
    const db = createWorkspace(await sqlJs());
    this.replace(db, 'Untitled workspace');
    return { contents: await this.contents() };
  }

  /** Opens workspace file bytes (an error names the file; the current workspace stays). */
  async open(bytes: Uint8Array, name: string): Promise<{ contents: WorkspaceContents }> {
    const db = openWorkspace(await sqlJs(), bytes, name);
    this.replace(db, name);
    return { contents: await this.contents() };
  }

  private replace(db: Workspace, name: string): void {
    this.onReplaced();
    this.workspace?.close();
    this.workspace = db;
    this.name = name;
    this.changed();
  }

  /** The workspace file's bytes (also written to the autosave). */
  async save(): Promise<{ bytes: Uint8Array }> {
    const db = await this.db();
    ensureEventIndexes(db); // saved as the schema says, also in the middle of a big import
    const bytes = saveWorkspace(db);
    clearTimeout(this.autosaveTimer);
    this.autosaveDue = false;
    await writeAutosave({ bytes, name: this.name, savedAt: Date.now() }).catch(() => undefined);
    return { bytes };
  }

  /** Stores a scenario (JSON text) under its name. */
  async saveScenario(name: string, json: string): Promise<{ contents: WorkspaceContents }> {
    saveScenario(await this.db(), { name, json, updated: Date.now() });
    this.changed();
    return { contents: await this.contents() };
  }

  /** A stored scenario's JSON text. */
  async loadScenario(name: string): Promise<{ json: string | undefined }> {
    return { json: loadScenario(await this.db(), name)?.json };
  }

  /** Renames a stored scenario with its runs; rejects with why when another has the name. */
  async renameScenario(from: string, to: string): Promise<{ contents: WorkspaceContents }> {
    renameScenario(await this.db(), from, to);
    this.changed();
    return { contents: await this.contents() };
  }

  /** Stores a run result of the stored scenario `link.scenario`, ran from `link.inputs`. */
  async saveRun(report: Report, traces: readonly Trace[], link: RunLink = {}): Promise<{ runId: number; contents: WorkspaceContents }> {
    const runId = saveRun(await this.db(), { report, traces, created: Date.now(), ...link });
    this.changed();
    return { runId, contents: await this.contents() };
  }

  /** The stored run that is this run made again, now the latest; undefined when none is (src/store/runs.ts, sameStoredRun). */
  async sameRun(report: Report, link: RunLink): Promise<{ runId: number; contents: WorkspaceContents } | undefined> {
    const runId = sameStoredRun(await this.db(), { report, created: Date.now(), ...link });
    if (runId === undefined) return undefined;
    this.changed();
    return { runId, contents: await this.contents() };
  }

  /** A stored run result. */
  async loadRun(runId: number): Promise<{ report: Report; traces: Trace[] } | { report: undefined; traces: [] }> {
    const db = await this.db();
    const report = loadReport(db, runId);
    if (!report) return { report: undefined, traces: [] };
    return { report, traces: report.runs.map((_, i) => loadTrace(db, runId, i)!).filter(Boolean) };
  }

  /** Deletes a scenario, run or log. */
  async remove(what: 'scenario' | 'run' | 'log', key: string | number): Promise<{ contents: WorkspaceContents }> {
    const db = await this.db();
    if (what === 'scenario') deleteScenario(db, String(key));
    else if (what === 'run') deleteRun(db, Number(key));
    else deleteLog(db, Number(key));
    this.changed();
    return { contents: await this.contents() };
  }

  /** The workspace changed: autosave once the worker has been idle a moment. */
  changed(): void {
    this.autosaveDue = true;
    this.armAutosave();
  }

  /** (Re)arms a due autosave: a request coming in postpones it until the worker is idle (longer for a big workspace, whose export takes a while). */
  armAutosave(): void {
    clearTimeout(this.autosaveTimer);
    const db = this.workspace;
    if (!this.autosaveDue || !db) return;
    const pages = Number(db.exec('PRAGMA page_count')[0].values[0][0]);
    this.autosaveTimer = setTimeout(() => this.autosave(), pages > 8192 ? 2000 : 200);
  }

  private autosave(): void {
    // an import in progress saves when it ends (its log is not complete, and may lack its indexes)
    if (!this.workspace || this.importing) return;
    this.autosaveDue = false;
    void writeAutosave({ bytes: saveWorkspace(this.workspace), name: this.name, savedAt: Date.now() }).catch(() => undefined);
  }
}
