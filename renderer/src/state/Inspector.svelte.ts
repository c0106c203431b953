/**
 * The Logs view's state: importing any recorded log into the workspace (in the logs worker, or
 * in a domain module's worker when the log is read with a module — ./logDomains.ts — with
 * progress and Cancel), how it is read (domain, framing, profile, map — changing them inspects
 * the stored log again at once, without reopening the file), its inspection, and where the view
 * is (tab, the record in focus). A big log is on screen from its first stored batch (counts so
 * far, its first page) while the rest streams in. A log read with a module follows the module:
 * closed, the log is read without a domain; replaced by another version, it is read again.
 */
import type { InspectionCounts } from '../../../src/logs/logInspector';
import type { StoredReading } from '../../lib/inspector/importRecords';
import { logSourceOf } from '../../lib/inspector/logSource';
import type { Preview } from '../../lib/inspector/previewReading';
import { readingNotApplied } from '../../lib/inspector/readingChange';
import type { RecordDetail } from '../../lib/inspector/recordDetail';
import { SAMPLE_LOGS_FOLDER, sampleLogsFrom, shippedSamplePath } from '../../lib/inspector/sampleLogs';
import type { GraphSource } from '../../lib/reader/graphSource';
import type { TimelineSource } from '../../lib/reader/timelineSource';
import type { ImportInput, ImportOptions, InspectionSummary, LogSource, ReadingOptions } from '../../lib/workspace/logsProtocol';
import { ImportCancelled, type ImportProgress } from '../worker/logsClient';
import type { DomainModules, ModuleChange } from './DomainModules.svelte';
import { LogDomains } from './logDomains';
import type { Workspace } from './Workspace.svelte';

/** Where an import stands. */
export type ImportStatus = 'idle' | 'importing' | 'done' | 'cancelled' | 'error';

/** The Logs view's parts. */
export type LogTab = 'summary' | 'events' | 'streams' | 'graph' | 'timeline' | 'schemas';

/** Records followed from a record's details: one flow (its correlation id), or what one record caused (its id, their causation id). */
export type RecordsFollowed = { readonly correlation: string } | { readonly causation: string };

/** The bundled sample logs. */
export const sampleLogs = sampleLogsFrom(import.meta.glob('../../../samples/logs/*', { query: '?raw', import: 'default', eager: true }));

/** An imported log on screen: where it is stored, how it was read and its inspection (while it is imported: absent, or a live read's report so far). */
export interface OpenLog {
  readonly name: string;
  readonly source: LogSource;
  readonly report?: InspectionSummary;
  readonly reading?: StoredReading;
  readonly seconds?: number;
  /** The bundled sample it is, by its path from the checkout (`samples/logs/…`): opened from the samples menu, as the workspace keeps it. */
  readonly shipped?: string;
  /**
   * While importing: the counts so far, how many records are stored (readable) yet, how many
   * interim reports came (the graph and timeline read again at each), and the domain it is read
   * with as the Domain menu names it (a module by its file name; `reading` says it once read).
   */
  readonly live?: { readonly counts: InspectionCounts; readonly stored: number; readonly reports: number; readonly domain: string | null };
}

/** Import state, the log being inspected and the Logs view's place. */
export class Inspector {
  status = $state.raw<ImportStatus>('idle');
  progress = $state.raw<ImportProgress | undefined>(undefined);
  error = $state.raw<string | undefined>(undefined);
  /** When the error is that of a change of reading that was not applied: what was asked, in words ("Not read with Commerce"); the log on screen and the menus stay as they were. */
  refused = $state.raw<string | undefined>(undefined);
  /** Why the log was read again without being asked (its domain module was closed or changed). */
  notice = $state.raw<string | undefined>(undefined);
  current = $state.raw<OpenLog | undefined>(undefined);
  /** How the next log is read; changing it for an open log inspects it again. */
  reading = $state.raw<ReadingOptions>({ domain: null });
  tab = $state.raw<LogTab>('summary');
  /** The record the events table shows and selects (an anomaly's, a violation's, a graph node's). */
  focus = $state.raw<{ readonly seq: number } | undefined>(undefined);
  /** The stream the events table is filtered to (per-stream browsing). */
  stream = $state.raw<string | undefined>(undefined);
  /** The flow (a correlation id) or the effects (a cause's id) the events table is filtered to, from a record's details. */
  follow = $state.raw<RecordsFollowed | undefined>(undefined);
  /** Show times in the machine's zone instead of UTC. */
  localTime = $state.raw(false);
  /** False once the user picks another log while an import runs. */
  private following = false;
  /** How the user chose to read logs (reading bar, mapping): the next file opened is read so. A sample or a stored log shows its own reading without changing this. */
  private chosen: ReadingOptions = { domain: null };

  /** Where each domain runs: the logs worker, or a module's own worker. */
  readonly domains: LogDomains;

  /** `modules`: the open domain modules a log may be read with (none: bundled domains only). */
  constructor(
    private readonly workspace: Workspace,
    modules?: DomainModules,
  ) {
    this.domains = new LogDomains(workspace.client, () => modules?.modules ?? []);
    modules?.listen((change) => this.moduleChanged(change));
  }

  /** Imports a File (streamed) or a text under `name`, read as `reading` says; `shipped`: the bundled sample's path from the checkout, when it is one. */
  async import(input: ImportInput, name: string, reading: ReadingOptions = this.chosen, shipped?: string): Promise<void> {
    const before = this.reading;
    this.reading = reading;
    this.notice = undefined;
    const shown = this.current;
    const options: ImportOptions = { ...reading, name, ...(shipped ? { source: shipped } : {}) };
    const imported = await this.run(name, reading, (onProgress) => this.domains.importLog(input, options, onProgress), shipped);
    // the log on screen before stays, and the menus show how it is read
    if (!imported && shown && this.current === shown) this.reading = before;
  }

  /** Imports a log that `start` streams into the workspace (a live source's records), read as `reading` says, like any import (failed, the log on screen before stays, and so do the menus). */
  async importFrom(name: string, reading: ReadingOptions, start: (onProgress: (p: ImportProgress) => void) => Promise<{ source: LogSource; report: InspectionSummary; seconds: number }>): Promise<void> {
    const before = this.reading;
    this.reading = reading;
    this.notice = undefined;
    const shown = this.current;
    const imported = await this.run(name, reading, start);
    if (!imported && shown && this.current === shown) this.reading = before;
  }

  /**
   * Inspects the open log again, read another way (domain, framing, profile, map). When that
   * fails (a map that does not fit the domain, say) or is cancelled, the log stays read as it
   * was and so do the menus: they show what is applied, and `refused` says what was not.
   * `notice` says why, when the app asks it (a module closed).
   */
  async readAs(reading: ReadingOptions, notice?: string): Promise<void> {
    const open = this.current;
    const before = { chosen: this.chosen, shown: this.reading };
    this.chosen = reading;
    this.reading = reading;
    this.notice = notice;
    if (!open || this.status === 'importing') return;
    const options: ImportOptions = { ...reading, name: open.name };
    const applied = await this.run(open.name, reading, (onProgress) => this.domains.inspectAgain(open.source.logId, options, onProgress), open.shipped);
    if (applied) return;
    this.chosen = before.chosen;
    this.reading = before.shown;
    if (this.status === 'error') this.refused = readingNotApplied(before.shown, reading, (d) => this.domains.name(d));
  }

  /** A module closed or replaced: the next log is not read with a closed one, and the log on screen read with it is read again — without a domain, or with the new version. */
  private moduleChanged({ kind, name }: ModuleChange): void {
    if (kind === 'closed' && this.chosen.domain === name) this.chosen = { ...this.chosen, domain: null };
    if (this.reading.domain !== name) return;
    const readWith = this.current?.reading?.domain === name && this.status !== 'importing';
    if (kind === 'closed') {
      const next = { ...this.reading, domain: null };
      if (readWith) void this.readAs(next, `${name} was closed: the log is read without a domain now.`);
      else this.reading = next;
    } else if (readWith) void this.readAs(this.reading, `${name} changed: the log was read again with its new version.`);
  }

  /** Runs an import or inspection read as `asked` (of the bundled sample at `shipped`, when it is one); true when it ended with the log inspected. */
  private async run(name: string, asked: ReadingOptions, start: (onProgress: (p: ImportProgress) => void) => Promise<{ source: LogSource; report: InspectionSummary; seconds: number }>, shipped?: string): Promise<boolean> {
    const sample = shipped ? { shipped } : {};
    /** The log on screen before, shown again when this one fails or is cancelled after showing its first records. */
    const before = this.current?.live ? undefined : this.current;
    this.status = 'importing';
    this.following = true;
    this.progress = undefined;
    this.error = undefined;
    this.refused = undefined;
    this.focus = undefined;
    this.stream = undefined;
    this.follow = undefined;
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
        this.current = { name, source: same?.source ?? p.source, ...sample, live: { counts: p.counts, stored: p.stored, reports, domain: asked.domain }, ...(report ? { report } : {}) };
      });
      // the domain as the menu names it (a module by its file name)
      const domain = result.report.domain === null ? null : (asked.domain ?? result.report.domain);
      const reading: StoredReading = { framing: result.report.framing, profile: result.report.profile, domain, ...(asked.map !== undefined ? { map: asked.map } : {}) };
      const source = this.current?.source.db === result.source.db && this.current.source.logId === result.source.logId ? this.current.source : result.source;
      this.current = { name, source, ...sample, report: result.report, reading, seconds: result.seconds };
      this.status = 'done';
      await this.workspace.refresh();
      return true;
    } catch (e) {
      // the partial log is gone: the one on screen before is shown again (it stays in the workspace)
      if (this.current?.live) this.current = before;
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
    return this.import({ kind: 'text', text: sample.text }, sample.file, { domain: sample.domain }, `${SAMPLE_LOGS_FOLDER}${sample.file}`);
  }

  /** Stops the import in progress; nothing of it is kept. */
  cancel(): void {
    if (this.status === 'importing') this.domains.cancel();
  }

  /** One record of the log on screen in full, with its stream before and after it when it was read with a domain (a module's replayed in its worker). */
  recordDetail(logId: number, seq: number): Promise<RecordDetail | undefined> {
    const reading = this.current?.source.logId === logId ? this.current.reading : undefined;
    return this.domains.recordDetail(logId, seq, reading);
  }

  /** The causation graph and timeline of stored log `logId`; a node's details are its record's. */
  viewsOf(logId: number): GraphSource & TimelineSource {
    return logSourceOf(this.workspace.client.api, logId, (seq) => this.recordDetail(logId, seq));
  }

  /** The first `count` records of the open log read with `options` (the Mapping dialog's preview). */
  preview(logId: number, options: ImportOptions, count: number): Promise<Preview> {
    return this.domains.preview(logId, options, count);
  }

  /** Shows a log already in the workspace, with the inspection stored with it. */
  async show(logId: number, name: string): Promise<void> {
    this.notice = undefined;
    const sample = shippedSamplePath(this.workspace.contents.logs.find((l) => l.logId === logId)?.source, sampleLogs);
    const shipped = sample ? { shipped: sample } : {};
    this.current = { name, source: { db: 'workspace', logId }, ...shipped };
    this.focus = undefined;
    this.stream = undefined;
    this.follow = undefined;
    if (this.status === 'importing') this.following = false;
    else this.status = 'done';
    const { report, reading } = await this.workspace.client.api.inspection(logId);
    if (this.current?.source.logId !== logId) return;
    this.current = { name, source: { db: 'workspace', logId }, ...shipped, ...(report ? { report } : {}), ...(reading ? { reading } : {}) };
    if (reading) this.reading = { domain: reading.domain, ...(reading.map !== undefined ? { map: reading.map } : {}) };
  }

  /** Shows record `seq` in the events table. */
  goToRecord(seq: number): void {
    this.stream = undefined;
    this.follow = undefined;
    this.focus = { seq };
    this.tab = 'events';
  }

  /** Browses one stream's records. */
  browseStream(stream: string): void {
    this.focus = undefined;
    this.follow = undefined;
    this.stream = stream;
    this.tab = 'events';
  }

  /** Shows the records of one flow (a correlation id), or those one record caused (its id as their causation id). */
  followRecords(followed: RecordsFollowed): void {
    this.focus = undefined;
    this.stream = undefined;
    this.follow = followed;
    this.tab = 'events';
  }
}
