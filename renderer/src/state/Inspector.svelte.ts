/**
 * The log inspector: importing a recorded log into the workspace (in the logs worker, with
 * progress and Cancel), its inspection report, and which log the event-log views show. A big
 * log is on screen from its first stored batch (counts so far, its first page) while the rest
 * streams in.
 */
import type { InspectionCounts } from '../../../src/logs/logInspector';
import type { LogFormat } from '../../../src/logs/types';
import { sampleLogsFrom } from '../../lib/inspector/sampleLogs';
import type { ImportInput, InspectionSummary, LogSource } from '../../lib/workspace/logsProtocol';
import { ImportCancelled, type ImportProgress } from '../worker/logsClient';
import type { Workspace } from './Workspace.svelte';

/** Where an import stands. */
export type ImportStatus = 'idle' | 'importing' | 'done' | 'cancelled' | 'error';

/** The bundled sample logs. */
export const sampleLogs = sampleLogsFrom(import.meta.glob('../../../samples/logs/*', { query: '?raw', import: 'default', eager: true }));

/** An imported log on screen: where it is stored and its inspection (absent for logs stored in an earlier session, and while it is imported). */
export interface OpenLog {
  readonly name: string;
  readonly source: LogSource;
  readonly report?: InspectionSummary;
  readonly seconds?: number;
  /** While importing: the counts so far and how many events are stored (readable) yet. */
  readonly live?: { readonly counts: InspectionCounts; readonly stored: number };
}

/** Import state and the log being inspected. */
export class Inspector {
  status = $state.raw<ImportStatus>('idle');
  progress = $state.raw<ImportProgress | undefined>(undefined);
  error = $state.raw<string | undefined>(undefined);
  current = $state.raw<OpenLog | undefined>(undefined);
  domain = $state.raw('commerce');
  format = $state.raw<LogFormat>('auto');
  /** Reports of this session's imports by log id (plain: not shown reactively). */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private reports = new Map<number, { report: InspectionSummary; seconds: number }>();
  /** False once the user picks another log while an import runs. */
  private following = false;

  constructor(private readonly workspace: Workspace) {}

  /** Imports a File (streamed) or a text under `name`. */
  async import(input: ImportInput, name: string, domain = this.domain): Promise<void> {
    this.status = 'importing';
    this.following = true;
    this.progress = undefined;
    this.error = undefined;
    try {
      const result = await this.workspace.client.importLog(input, { name, domain, format: this.format }, (p) => {
        this.progress = p;
        // the log is readable from its first stored batch: show it while the rest streams in
        if (!p.source || !p.counts || p.stored === undefined || !this.following) return;
        // the same source object throughout, so the views keep their place (a new one means another log)
        const source = this.current?.live && this.current.source.logId === p.source.logId ? this.current.source : p.source;
        this.current = { name, source, live: { counts: p.counts, stored: p.stored } };
      });
      this.reports.set(result.source.logId, { report: result.report, seconds: result.seconds });
      this.current = { name, source: result.source, report: result.report, seconds: result.seconds };
      this.status = 'done';
      await this.workspace.refresh();
    } catch (e) {
      if (this.current?.live) this.current = undefined; // the partial log is gone
      if (e instanceof ImportCancelled) this.status = 'cancelled';
      else {
        this.status = 'error';
        this.error = e instanceof Error ? e.message : String(e);
      }
    }
  }

  /** Opens a bundled sample log. */
  openSample(file: string): Promise<void> {
    const sample = sampleLogs.find((s) => s.file === file);
    if (!sample) return Promise.resolve();
    this.domain = sample.domain;
    return this.import({ kind: 'text', text: sample.text }, sample.file, sample.domain);
  }

  /** Stops the import in progress; nothing of it is kept. */
  cancel(): void {
    if (this.status === 'importing') void this.workspace.client.api.cancelImport();
  }

  /** Shows a log already in the workspace. */
  show(logId: number, name: string): void {
    const known = this.reports.get(logId);
    this.current = { name, source: { db: 'workspace', logId }, ...(known ?? {}) };
    if (this.status === 'importing') this.following = false;
    else this.status = 'done';
  }
}
