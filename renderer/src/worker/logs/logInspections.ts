/**
 * What the Logs view asks of a stored log besides its rows: its inspection (kept with it), a
 * preview of its first records under other reading options, one record in full (with its
 * stream's aggregate before and after it), and its causation graph and timeline.
 */
import { loadInspection } from '../../../../src/store/logs';
import type { StoredReading } from '../../../lib/inspector/importRecords';
import type { StoredLogs } from '../../../lib/inspector/logStore';
import { LogViews } from '../../../lib/inspector/logViews';
import type { Preview } from '../../../lib/inspector/previewReading';
import { recordDetail, type RecordDetail, type RecordReading } from '../../../lib/inspector/recordDetail';
import { recordLinks, type RecordLinks } from '../../../lib/inspector/recordLinks';
import { apartRecords, mayLackApartCounts, withApartCounts, type ApartRecords } from '../../../lib/inspector/apartRecords';
import type { ImportOptions, InspectionSummary } from '../../../lib/workspace/logsProtocol';
import { previewStored, recordReading } from './logImport';
import type { WorkspaceFile } from './workspaceFile';

/** The inspections of the workspace's stored logs. */
export class LogInspections {
  private readonly viewsOf = new Map<number, LogViews>();
  private readonly readings = new Map<number, RecordReading | undefined>();

  constructor(
    private readonly file: WorkspaceFile,
    private readonly logs: StoredLogs,
  ) {}

  /** Forgets what was kept of one log (all without `logId`). */
  forget(logId?: number): void {
    if (logId === undefined) {
      this.viewsOf.clear();
      this.readings.clear();
    } else {
      this.viewsOf.delete(logId);
      this.readings.delete(logId);
    }
  }

  /**
   * The log's stored inspection and how it was read (undefined for a log stored before
   * inspections were kept); one stored before archived records were counted apart counts them
   * from the log's records (withApartCounts).
   */
  async inspection(logId: number): Promise<{ report?: InspectionSummary; reading?: StoredReading }> {
    const db = await this.file.db();
    const { inspection, reading } = loadInspection(db, logId);
    let report = isObject(inspection) ? (inspection as InspectionSummary) : undefined;
    if (report && mayLackApartCounts(report)) report = withApartCounts(report, apartRecords(db, logId));
    return { ...(report ? { report } : {}), ...(isObject(reading) ? { reading: reading as StoredReading } : {}) };
  }

  /** The first `count` records of the log read with `options`. */
  preview(logId: number, options: ImportOptions, count: number): Promise<Preview> {
    return previewStored(this.logs, logId, options, count);
  }

  /** The graph and timeline of one log (its inspection's violations marked in the graph). */
  async views(logId: number): Promise<LogViews> {
    let views = this.viewsOf.get(logId);
    if (!views) {
      const db = await this.file.db();
      const { report } = await this.inspection(logId);
      this.viewsOf.set(logId, (views = new LogViews(db, logId, report?.violations ?? [])));
    }
    return views;
  }

  /** One record in full (with a bundled domain, its stream before and after it; a module's worker adds that for a module). */
  async recordDetail(logId: number, seq: number): Promise<RecordDetail | undefined> {
    return recordDetail(await this.file.db(), logId, seq, await this.reading(logId));
  }

  /** Where one record leads: its cause and what it caused (a Message DB log's records are named by their addresses too). */
  async recordLinks(logId: number, seq: number): Promise<RecordLinks | undefined> {
    const { reading } = await this.inspection(logId);
    return recordLinks(await this.file.db(), logId, seq, reading?.profile === 'message-db');
  }

  /** The records the log keeps beside its events (archived, other), in all and per stream. */
  async apartRecords(logId: number): Promise<ApartRecords> {
    return apartRecords(await this.file.db(), logId);
  }

  /** How the log was read, compiled, to read its records again (a domain module's log without its module: that runs in its own worker; its profile and map read the records here). */
  private async reading(logId: number): Promise<RecordReading | undefined> {
    if (this.readings.has(logId)) return this.readings.get(logId);
    const stored = (await this.inspection(logId)).reading;
    const compiled = recordReading(stored) ?? (stored ? recordReading({ ...stored, domain: null }) : undefined);
    this.readings.set(logId, compiled);
    return compiled;
  }
}

const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null && !Array.isArray(v);
