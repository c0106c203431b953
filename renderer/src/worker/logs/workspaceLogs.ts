/**
 * The workspace's imported logs as an import stores and reads them (renderer/lib/inspector/
 * logStore.ts), with what the logs worker keeps beside the database: a log being imported holds
 * the autosave back, its seqs feed the event table's index as it grows, and a log removed or
 * discarded is forgotten by the pages and inspections. The logs worker's own imports call it in
 * place; a domain module's worker calls the same methods over a port (`link`).
 */
import { expose } from 'comlink';
import type { LogInfo, RecordText, StoredEventInput } from '../../../../src/store/logs';
import { SeqList } from '../../../lib/eventlog/seqList';
import type { StoredReading } from '../../../lib/inspector/importRecords';
import { DatabaseLogs, type LogWorkspace, type StoredLogInfo } from '../../../lib/inspector/logStore';
import type { StreamRecords } from '../../../lib/inspector/recordDetail';
import type { LogPages } from './logPages';
import type { WorkspaceFile } from './workspaceFile';

/** The workspace's logs, for imports here and in a module's worker. */
export class WorkspaceLogs implements LogWorkspace {
  /** Logs being imported: where each is stored (the database of the moment it began) and its seqs. */
  private readonly open = new Map<number, { readonly logs: DatabaseLogs; readonly seqs: SeqList }>();
  /** Hears that what was kept of a log is out of date: it was removed or discarded, or changed while imported live. */
  onOutdated: (logId: number) => void = () => {};

  constructor(
    private readonly file: WorkspaceFile,
    private readonly pages: LogPages,
  ) {}

  private async here(): Promise<DatabaseLogs> {
    return new DatabaseLogs(await this.file.db());
  }

  private opened(logId: number) {
    const open = this.open.get(logId);
    if (!open) throw new Error(`log ${logId} is not being imported`);
    return open;
  }

  async create(info: LogInfo, bulk: boolean): Promise<number> {
    const logs = await this.here();
    this.file.importing = true;
    const logId = logs.create(info, bulk);
    const seqs = new SeqList();
    this.open.set(logId, { logs, seqs });
    // the unfiltered index of the event table grows with the import
    this.pages.importedSeqs.set(logId, seqs);
    return logId;
  }

  append(logId: number, rows: readonly StoredEventInput[]): number {
    const { logs, seqs } = this.opened(logId);
    const stored = logs.append(logId, rows);
    for (const e of rows) seqs.push(e.seq);
    this.pages.forgetFiltered(logId);
    return stored;
  }

  finish(logId: number, inspection: unknown, reading: StoredReading): void {
    this.opened(logId).logs.finish(logId, inspection, reading);
    this.open.delete(logId);
    this.ended();
    this.file.changed();
  }

  discard(logId: number): void {
    const open = this.open.get(logId);
    if (!open) return;
    open.logs.discard(logId);
    this.open.delete(logId);
    this.pages.forget(logId);
    this.onOutdated(logId);
    this.ended();
  }

  changed(logId: number): void {
    this.onOutdated(logId);
  }

  /** Discards every log whose import did not end (a module's worker stopped in the middle of one). */
  abandon(): void {
    for (const logId of [...this.open.keys()]) this.discard(logId);
  }

  private ended(): void {
    if (this.open.size > 0) return;
    this.file.importing = false;
    this.file.armAutosave();
  }

  async remove(logId: number): Promise<void> {
    (await this.here()).remove(logId);
    this.pages.forget(logId);
    this.onOutdated(logId);
    this.file.changed();
  }

  async stored(logId: number): Promise<StoredLogInfo> {
    return (await this.here()).stored(logId);
  }

  async records(logId: number, afterSeq: number, count: number): Promise<RecordText[]> {
    return (await this.here()).records(logId, afterSeq, count);
  }

  async streamUpTo(logId: number, seq: number): Promise<StreamRecords | undefined> {
    return (await this.here()).streamUpTo(logId, seq);
  }

  /**
   * Serves these logs on `port` to a domain module's worker, which inspects with its module and
   * stores here (what LogWorkspace says, nothing else of the worker). `readOnly`: for the
   * watchdog's replay of a task (../moduleClient.ts), which reads the same records but must
   * store and remove nothing — its writes are taken and dropped.
   */
  link(port: MessagePort, readOnly = false): void {
    const reads = {
      stored: (logId: number) => this.stored(logId),
      records: (logId: number, afterSeq: number, count: number) => this.records(logId, afterSeq, count),
      streamUpTo: (logId: number, seq: number) => this.streamUpTo(logId, seq),
    };
    const served: LogWorkspace = readOnly
      ? { ...reads, create: () => 0, append: (_, rows) => rows.length, finish: () => {}, discard: () => {}, remove: () => {}, changed: () => {} }
      : {
          ...reads,
          create: (info, bulk) => this.create(info, bulk),
          append: (logId, rows) => this.append(logId, rows),
          finish: (logId, inspection, reading) => this.finish(logId, inspection, reading),
          discard: (logId) => this.discard(logId),
          remove: (logId) => this.remove(logId),
          changed: (logId) => this.changed(logId),
        };
    expose(served, port);
  }
}
