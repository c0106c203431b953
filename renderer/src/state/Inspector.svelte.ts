/**
 * The Logs view's state: importing any recorded log into the workspace (in the logs worker,
 * with progress and Cancel), how it is read (domain, framing, profile, map — changing them
 * inspects the stored log again at once, without reopening the file), its inspection, and
 * where the view is (tab, the record in focus). A big log is on screen from its first stored
 * batch (counts so far, its first page) while the rest streams in.
 */
import { bundledDomains } from '../../../src/engine/module/bundled';
import type { InspectionCounts } from '../../../src/logs/logInspector';
import type { StoredReading } from '../../lib/inspector/importRecords';
import { readingNotApplied } from '../../lib/inspector/readingChange';
import { sampleLogsFrom } from '../../lib/inspector/sampleLogs';
import type { ImportInput, ImportOptions, InspectionSummary, LogSource, ReadingOptions } from '../../lib/workspace/logsProtocol';
import { ImportCancelled, type ImportProgress } from '../worker/logsClient';
import type { Workspace } from './Workspace.svelte';

/** Where an import stands. */
export type ImportStatus = 'idle' | 'importing' | 'done' | 'cancelled' | 'error';

/** The Logs view's parts. */
export type LogTab = 'summary' | 'events' | 'streams' | 'graph' | 'timeline' | 'schemas';

/** The bundled sample logs. */
export const sampleLogs = sampleLogsFrom(import.meta.glob('../../../samples/logs/*', { query: '?raw', import: 'default', eager: true }));

/** An imported log on screen: where it is stored, how it was read and its inspection (while it is imported: absent, or a live read's report so far). */
export interface OpenLog {
  readonly name: string;
  readonly source: LogSource;
  readonly report?: InspectionSummary;
  readonly reading?: StoredReading;
  readonly seconds?: number;
  /** While importing: the counts so far, how many records are stored (readable) yet, and how many interim reports came (the graph and timeline read again at each). */
  readonly live?: { readonly counts: InspectionCounts; readonly stored: number; readonly reports: number };
}

/** Import state, the log being inspected and the Logs view's place. */
export class Inspector {
  status = $state.raw<ImportStatus>('idle');
  progress = $state.raw<ImportProgress | undefined>(undefined);
  error = $state.raw<string | undefined>(undefined);
  /** When the error is that of a change of reading that was not applied: what was asked, in words ("Not read with Commerce"); the log on screen and the menus stay as they were. */
  refused = $state.raw<string | undefined>(undefined);
  current = $state.raw<OpenLog | undefined>(undefined);
  /** How the next log is read; changing it for an open log inspects it again. */
  reading = $state.raw<ReadingOptions>({ domain: null });
  tab = $state.raw<LogTab>('summary');
  /** The record the events table shows and selects (an anomaly's, a violation's, a graph node's). */
  focus = $state.raw<{ readonly seq: number } | undefined>(undefined);
  /** The stream the events table is filtered to (per-stream browsing). */
  stream = $state.raw<string | undefined>(undefined);
  /** Show times in the machine's zone instead of UTC. */
  localTime = $state.raw(false);
  /** False once the user picks another log while an import runs. */
  private following = false;
  /** How the user chose to read logs (reading bar, mapping): the next file opened is read so. A sample or a stored log shows its own reading without changing this. */
  private chosen: ReadingOptions = { domain: null };

  constructor(private readonly workspace: Workspace) {}

  /** Imports a File (streamed) or a text under `name`, read as `reading` says. */
  async import(input: ImportInput, name: string, reading: ReadingOptions = this.chosen): Promise<void> {
    this.reading = reading;
    await this.run(name, (onProgress) => this.workspace.client.importLog(input, { ...reading, name }, onProgress));
  }

  /** Imports a log that `start` streams into the workspace (a live source's records), read as `reading` says, like any import. */
  async importFrom(name: string, reading: ReadingOptions, start: (onProgress: (p: ImportProgress) => void) => Promise<{ source: LogSource; report: InspectionSummary; seconds: number }>): Promise<void> {
    this.reading = reading;
    await this.run(name, start);
  }

  /**
   * Inspects the open log again, read another way (domain, framing, profile, map). When that
   * fails (a map that does not fit the domain, say) or is cancelled, the log stays read as it
   * was and so do the menus: they show what is applied, and `refused` says what was not.
   */
  async readAs(reading: ReadingOptions): Promise<void> {
    const open = this.current;
    const before = { chosen: this.chosen, shown: this.reading };
    this.chosen = reading;
    this.reading = reading;
    if (!open || this.status === 'importing') return;
    const options: ImportOptions = { ...reading, name: open.name };
    const applied = await this.run(open.name, (onProgress) => this.workspace.client.inspectAgain(open.source.logId, options, onProgress));
    if (applied) return;
    this.chosen = before.chosen;
    this.reading = before.shown;
    if (this.status === 'error') this.refused = readingNotApplied(before.shown, reading, this.domainName);
  }

  /** How the menus name a domain (a bundled domain by its title). */
  readonly domainName = (domain: string): string => bundledDomains.find((d) => d.id === domain)?.title ?? domain;

  /** Runs an import or inspection; true when it ended with the log inspected. */
  private async run(name: string, start: (onProgress: (p: ImportProgress) => void) => Promise<{ source: LogSource; report: InspectionSummary; seconds: number }>): Promise<boolean> {
    this.status = 'importing';
    this.following = true;
    this.progress = undefined;
    this.error = undefined;
    this.refused = undefined;
    this.focus = undefined;
    this.stream = undefined;
    try {
      const result = await start((p) => {
        this.progress = p;
        // the log is readable from its first stored batch: show it while the rest streams in
        if (!p.source || !p.counts || p.stored === undefined || !this.following) return;
        // the same source object throughout, so the views keep their place (a new one means another log)
        const same = this.current?.live && this.current.source.logId === p.source.logId ? this.current : undefined;
        // a live read's report so far, kept until the next one comes
        const report = p.report ?? same?.report;
        const reports = (same?.live?.reports ?? 0) + (p.report ? 1 : 0);
        this.current = { name, source: same?.source ?? p.source, live: { counts: p.counts, stored: p.stored, reports }, ...(report ? { report } : {}) };
      });
      const reading: StoredReading = { framing: result.report.framing, profile: result.report.profile, domain: result.report.domain, ...(this.reading.map !== undefined ? { map: this.reading.map } : {}) };
      const source = this.current?.source.db === result.source.db && this.current.source.logId === result.source.logId ? this.current.source : result.source;
      this.current = { name, source, report: result.report, reading, seconds: result.seconds };
      this.status = 'done';
      await this.workspace.refresh();
      return true;
    } catch (e) {
      if (this.current?.live) this.current = undefined; // the partial log is gone
      if (e instanceof ImportCancelled) this.status = 'cancelled';
      else {
        this.status = 'error';
        this.error = e instanceof Error ? e.message : String(e);
      }
      return false;
    }
  }

  /** The user's choice of reading: the open log is inspected again so, and the next file opened is read so. */
  choose(reading: ReadingOptions): Promise<void> {
    if (this.current) return this.readAs(reading);
    this.chosen = reading;
    this.reading = reading;
    return Promise.resolve();
  }

  /** Opens a bundled sample log, with the domain it names (for it alone: the next file opened is read as the user chose). */
  openSample(file: string): Promise<void> {
    const sample = sampleLogs.find((s) => s.file === file);
    if (!sample) return Promise.resolve();
    return this.import({ kind: 'text', text: sample.text }, sample.file, { domain: sample.domain });
  }

  /** Stops the import in progress; nothing of it is kept. */
  cancel(): void {
    if (this.status === 'importing') void this.workspace.client.api.cancelImport();
  }

  /** Shows a log already in the workspace, with the inspection stored with it. */
  async show(logId: number, name: string): Promise<void> {
    this.current = { name, source: { db: 'workspace', logId } };
    this.focus = undefined;
    this.stream = undefined;
    if (this.status === 'importing') this.following = false;
    else this.status = 'done';
    const { report, reading } = await this.workspace.client.api.inspection(logId);
    if (this.current?.source.logId !== logId) return;
    this.current = { name, source: { db: 'workspace', logId }, ...(report ? { report } : {}), ...(reading ? { reading } : {}) };
    if (reading) this.reading = { domain: reading.domain, ...(reading.map !== undefined ? { map: reading.map } : {}) };
  }

  /** Shows record `seq` in the events table. */
  goToRecord(seq: number): void {
    this.stream = undefined;
    this.focus = { seq };
    this.tab = 'events';
  }

  /** Browses one stream's records. */
  browseStream(stream: string): void {
    this.focus = undefined;
    this.stream = stream;
    this.tab = 'events';
  }
}
