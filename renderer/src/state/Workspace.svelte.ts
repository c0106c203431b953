/**
 * The workspace file (scenarios, runs and imported logs in one SQLite file, held by the logs
 * worker): New, Open, Save, Save As, recent files, unsaved changes, and autosave on the web.
 */
import { transfer } from 'comlink';
import type { Report, Trace } from '../../../src/engine/types';
import { desktopApi, download } from '../../lib/desktop';
import { parseRecent, touchRecent, workspaceFileName } from '../../lib/workspace/recentFiles';
import type { WorkspaceContents } from '../../lib/workspace/logsProtocol';
import { LogsClient } from '../worker/logsClient';

const RECENT_KEY = 'purestream.recentWorkspaces';
const EMPTY: WorkspaceContents = { scenarios: [], runs: [], logs: [] };

/** The open workspace and the worker that holds it. */
export class Workspace {
  readonly client = new LogsClient();
  name = $state.raw('Untitled workspace');
  /** The file path in the desktop app (Save writes there without asking). */
  path = $state.raw<string | undefined>(undefined);
  contents = $state.raw<WorkspaceContents>(EMPTY);
  dirty = $state.raw(false);
  ready = $state.raw(false);
  /** Set when the last session's autosave was restored on start. */
  restoredAt = $state.raw<number | undefined>(undefined);
  error = $state.raw<string | undefined>(undefined);
  recent = $state.raw<readonly string[]>([]);

  constructor() {
    if (typeof window === 'undefined') return;
    this.recent = parseRecent(localStorage.getItem(RECENT_KEY));
    // The web autosaves; the desktop app asks before closing over unsaved changes.
    if (desktopApi())
      window.addEventListener('beforeunload', (event) => {
        if (this.dirty) event.preventDefault();
      });
    void this.init();
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
  }

  /** True when replacing the workspace loses nothing, or the user agreed. */
  mayReplace(ask: (message: string) => boolean = (m) => window.confirm(m)): boolean {
    return !this.dirty || ask(`"${this.name}" has unsaved changes. Discard them?`);
  }

  /** Starts an empty workspace (after the unsaved-changes prompt). */
  async create(): Promise<boolean> {
    if (!this.mayReplace()) return false;
    this.contents = (await this.client.api.create()).contents;
    this.name = 'Untitled workspace';
    this.path = undefined;
    this.dirty = false;
    this.restoredAt = undefined;
    return true;
  }

  /** Opens workspace file bytes; an error names the file and keeps the current workspace. */
  async openBytes(bytes: Uint8Array, name: string, path?: string): Promise<boolean> {
    if (!this.mayReplace()) return false;
    try {
      this.contents = (await this.client.api.open(transfer(bytes, [bytes.buffer]), name)).contents;
    } catch (e) {
      this.error = messageOf(e);
      return false;
    }
    this.name = name;
    this.path = path;
    this.dirty = false;
    this.error = undefined;
    this.restoredAt = undefined;
    this.touch(path ?? name);
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
    return this.openBytes(result.value.bytes, result.value.name, result.value.path);
  }

  /** Saves to the current path (desktop) or downloads the file (web); Save As always asks/downloads. */
  async save(as = false): Promise<boolean> {
    const { bytes } = await this.client.api.save();
    const api = desktopApi();
    const fileName = workspaceFileName(this.name);
    if (api) {
      const result = await api.saveFile('workspace', bytes, as ? undefined : this.path, fileName);
      if (!result.ok) {
        this.error = result.error;
        return false;
      }
      if (result.value === null) return false;
      this.path = result.value;
      this.name = result.value.slice(Math.max(result.value.lastIndexOf('/'), result.value.lastIndexOf('\\')) + 1);
    } else {
      download(fileName, bytes, 'application/vnd.sqlite3');
      this.name = fileName;
    }
    this.dirty = false;
    this.touch(this.path ?? this.name);
    return true;
  }

  /** Stores a scenario (JSON text) under its name. */
  async addScenario(name: string, json: string): Promise<void> {
    this.contents = (await this.client.api.saveScenario(name, json)).contents;
    this.dirty = true;
  }

  /** Stores a run result; returns its id. */
  async addRun(report: Report, traces: readonly Trace[]): Promise<number> {
    const r = await this.client.api.saveRun(report, traces);
    this.contents = r.contents;
    this.dirty = true;
    return r.runId;
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
