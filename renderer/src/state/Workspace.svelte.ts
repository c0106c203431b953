/**
 * The workspace file (scenarios, runs and imported logs in one SQLite file, held by the logs
 * worker): New, Open, Save, Save As, recent files, unsaved changes, and autosave on the web.
 */
import { transfer } from 'comlink';
import type { Report, Trace } from '../../../src/engine/types';
import type { RecentFile } from '../../../src/preload/api';
import { desktopApi, download } from '../../lib/desktop';
import { parseRecent, touchRecent, workspaceFileName } from '../../lib/workspace/recentFiles';
import type { WorkspaceContents } from '../../lib/workspace/logsProtocol';
import type { RunLink } from '../../../src/store/runs';
import { LogsClient } from '../worker/logsClient';

const RECENT_KEY = 'purestream.recentWorkspaces';
const EMPTY: WorkspaceContents = { scenarios: [], runs: [], logs: [] };

/**
 * The question asked before a workspace with unsaved changes is replaced: what replaces it (a
 * file's name; undefined: a new, empty workspace) and how the user answered (true: saved or
 * discarded, go on; false: Cancel). The UnsavedWorkspaceDialog shows it.
 */
export interface WorkspaceReplaceQuestion {
  readonly opening: string | undefined;
  readonly answer: (replace: boolean) => void;
}

/**
 * Where a scenario is kept in a workspace: the stored scenario's name, in the workspace opened
 * as `workspace` ({@link Workspace.generation}); one opened or created after it holds no such link.
 */
export interface ScenarioEntry {
  readonly workspace: number;
  readonly name: string;
}

/**
 * A message about the workspace said over every view (WorkspaceNotice): what a Save did beyond
 * the usual (a rename), why it did not, what opening found. `raw`: the open scenario's value it
 * speaks of (it goes once that scenario is edited or another is opened); `action`: a button.
 */
export interface WorkspaceNotice {
  readonly text: string;
  readonly tone?: 'error';
  readonly raw?: unknown;
  readonly action?: { readonly label: string; readonly run: () => unknown };
}

/** The open workspace and the worker that holds it. */
export class Workspace {
  readonly client = new LogsClient();
  name = $state.raw('Untitled workspace');
  /** The desktop app's token for the file (Save writes there without asking); never a path. */
  fileToken = $state.raw<string | undefined>(undefined);
  contents = $state.raw<WorkspaceContents>(EMPTY);
  dirty = $state.raw(false);
  ready = $state.raw(false);
  /** Set when the last session's autosave was restored on start. */
  restoredAt = $state.raw<number | undefined>(undefined);
  error = $state.raw<string | undefined>(undefined);
  recent = $state.raw<readonly string[]>([]);
  /** The desktop app's recent workspaces, as the main process lists them (tokens, not paths). */
  desktopRecent = $state.raw<readonly RecentFile[]>([]);
  /** Asked while replacing the workspace would drop unsaved changes (see {@link mayReplace}). */
  replaceQuestion = $state.raw<WorkspaceReplaceQuestion | undefined>(undefined);
  /** Counts the workspace files written (Save, Save As), so an opening knows whether one was written while it asked. */
  private writes = 0;
  /** Said over every view until dismissed, replaced, or the scenario it speaks of changes. */
  notice = $state.raw<WorkspaceNotice | undefined>(undefined);
  /** Counts the workspaces opened or created: a link into one ({@link ScenarioEntry}, a stored run) holds only while it is open. */
  generation = 0;
  /** Run reports this workspace holds (added, or opened from it), with the stored run's id: Save stores a run once, and leaving knows whether one would be lost. */
  private readonly stored = new WeakMap<Report, { readonly workspace: number; readonly runId: number }>();

  /** Settles once the first workspace (the autosave restored, or an empty one) is open. */
  readonly loaded: Promise<void> = Promise.resolve();

  constructor() {
    if (typeof window === 'undefined') return;
    this.recent = parseRecent(localStorage.getItem(RECENT_KEY));
    this.loaded = this.init();
    void this.refreshRecent();
  }

  private async init(): Promise<void> {
    try {
      const r = await this.client.api.init();
      this.contents = r.contents;
      if (r.restored) {
        this.name = r.name;
        this.restoredAt = r.savedAt;
      }
    } catch (e) {
      this.error = messageOf(e);
    } finally {
      this.ready = true;
    }
  }

  private touch(name: string): void {
    this.recent = touchRecent(this.recent, name);
    localStorage.setItem(RECENT_KEY, JSON.stringify(this.recent));
    void this.refreshRecent();
  }

  /**
   * Resolves true when replacing the workspace with `opening` (a file's name; undefined: a new
   * one) loses nothing, or once the user saved or discarded the changes in the dialog that asks
   * ({@link replaceQuestion}); false on Cancel. A second question cancels the first.
   */
  async mayReplace(opening?: string): Promise<boolean> {
    if (!this.dirty) return true;
    this.replaceQuestion?.answer(false);
    let asked: WorkspaceReplaceQuestion | undefined;
    const yes = await new Promise<boolean>((answer) => (this.replaceQuestion = asked = { opening, answer }));
    if (this.replaceQuestion === asked) this.replaceQuestion = undefined;
    return yes;
  }

  /** Starts an empty workspace (after the unsaved-changes prompt). */
  async create(): Promise<boolean> {
    if (!(await this.mayReplace())) return false;
    this.contents = (await this.client.api.create()).contents;
    this.generation++;
    this.name = 'Untitled workspace';
    this.fileToken = undefined;
    this.dirty = false;
    this.restoredAt = undefined;
    return true;
  }

  /**
   * Opens workspace file bytes; an error names the file and keeps the current workspace. The
   * desktop app's file (`fileToken`) is read again when Save in the unsaved-changes question
   * wrote this very file: the bytes read before it would be the file as it was.
   */
  async openBytes(bytes: Uint8Array, name: string, fileToken?: string): Promise<boolean> {
    const writes = this.writes;
    if (!(await this.mayReplace(name))) return false;
    if (fileToken !== undefined && fileToken === this.fileToken && writes !== this.writes) {
      const again = await desktopApi()?.openRecent(fileToken);
      if (!again?.ok || !again.value?.bytes) {
        this.error = again && !again.ok ? again.error : `${name} could not be read again after it was saved`;
        return false;
      }
      bytes = again.value.bytes;
    }
    try {
      this.contents = (await this.client.api.open(transfer(bytes, [bytes.buffer]), name)).contents;
    } catch (e) {
      this.error = messageOf(e);
      return false;
    }
    this.generation++;
    this.name = name;
    this.fileToken = fileToken;
    this.dirty = false;
    this.error = undefined;
    this.restoredAt = undefined;
    this.touch(name);
    return true;
  }

  /** Opens a workspace: the native dialog in the desktop app (undefined `file`), else the given File. */
  async open(file?: File): Promise<boolean> {
    if (file) return this.openBytes(new Uint8Array(await file.arrayBuffer()), file.name);
    const api = desktopApi();
    if (!api) return false;
    const result = await api.openFile('workspace');
    if (!result.ok) {
      this.error = result.error;
      return false;
    }
    if (!result.value?.bytes) return false;
    return this.openBytes(result.value.bytes, result.value.name, result.value.token);
  }

  /** Re-reads the desktop app's recent workspaces. */
  async refreshRecent(): Promise<void> {
    const api = desktopApi();
    if (api) this.desktopRecent = (await api.recentFiles()).filter((r) => r.kind === 'workspace');
  }

  /** Opens a workspace from the desktop app's recent-files list. */
  async openRecent(token: string): Promise<boolean> {
    const api = desktopApi();
    if (!api) return false;
    const result = await api.openRecent(token);
    if (!result.ok) {
      this.error = result.error;
      return false;
    }
    return result.value?.bytes ? this.openBytes(result.value.bytes, result.value.name, result.value.token) : false;
  }

  /** Saves to the file it was opened from or saved to (desktop) or downloads it (web); Save As always asks/downloads. */
  async save(as = false): Promise<boolean> {
    const { bytes } = await this.client.api.save();
    const api = desktopApi();
    const fileName = workspaceFileName(this.name);
    if (api) {
      const result = await api.saveFile('workspace', bytes, as ? undefined : this.fileToken, fileName);
      if (!result.ok) {
        this.error = result.error;
        return false;
      }
      if (result.value === null) return false;
      this.fileToken = result.value.token;
      this.name = result.value.name;
      this.writes++;
    } else {
      download(fileName, bytes, 'application/vnd.sqlite3');
      this.name = fileName;
    }
    this.dirty = false;
    this.touch(this.name);
    return true;
  }

  /** Stores a scenario (JSON text) under its name; resolves to its link. */
  async addScenario(name: string, json: string): Promise<ScenarioEntry> {
    this.contents = (await this.client.api.saveScenario(name, json)).contents;
    this.dirty = true;
    return { workspace: this.generation, name };
  }

  /** The stored scenario's name `entry` links to, while this workspace holds it; else undefined. */
  entryOf(entry: ScenarioEntry | undefined): string | undefined {
    return entry && entry.workspace === this.generation && this.contents.scenarios.some((s) => s.name === entry.name) ? entry.name : undefined;
  }

  /** Renames a stored scenario and its runs with it (src/store/scenarios.ts); rejects, saying why, when another scenario has the name. */
  async renameScenario(from: string, to: string): Promise<void> {
    this.contents = (await this.client.api.renameScenario(from, to)).contents;
    this.dirty = true;
  }

  /**
   * Stores a run result once: a run this workspace holds already (the same report, or the same
   * run made again: same scenario, inputs and report) is not stored again, only made the latest.
   * `traces` are asked for only when it is stored. Resolves to its stored run's id.
   */
  async addRun(report: Report, traces: () => Promise<readonly Trace[]>, link: RunLink): Promise<number> {
    const held = this.storedRunId(report);
    if (held !== undefined) return held;
    const same = await this.client.api.sameRun(report, link);
    const r = same ?? (await this.client.api.saveRun(report, await traces(), link));
    this.contents = r.contents;
    this.dirty = true;
    this.markStored(report, r.runId);
    return r.runId;
  }

  /** Notes that a run report is stored run `runId` of this workspace (opened from its list, or stored). */
  markStored(report: Report, runId: number): void {
    this.stored.set(report, { workspace: this.generation, runId });
  }

  /** The id of the stored run this report is, while this workspace holds it; else undefined. */
  storedRunId(report: Report): number | undefined {
    const held = this.stored.get(report);
    return held && held.workspace === this.generation && this.contents.runs.some((r) => r.runId === held.runId) ? held.runId : undefined;
  }

  /** True when the workspace holds this run report. */
  holds(report: Report): boolean {
    return this.storedRunId(report) !== undefined;
  }

  /** Deletes a scenario, run or log. */
  async remove(what: 'scenario' | 'run' | 'log', key: string | number): Promise<void> {
    this.contents = (await this.client.api.remove(what, key)).contents;
    this.dirty = true;
  }

  /** Re-reads the lists (after an import). */
  async refresh(changed = true): Promise<void> {
    this.contents = (await this.client.api.contents()).contents;
    if (changed) this.dirty = true;
  }
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));
