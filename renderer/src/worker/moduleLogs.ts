/**
 * The page's side of reading a log with a domain module: the import (of a file, or of a live
 * source's records as they come), the inspection again, the Mapping dialog's preview and a
 * record's stream before and after run in the module's own worker (./moduleClient.ts, under its
 * watchdog), which stores and reads the workspace's logs over a port to the logs worker — one
 * MessageChannel per task, its ends handed to the two workers. A
 * module's fault comes back as its readable message; when the module's worker is stopped in the
 * middle of an import (the watchdog), the logs worker discards what it left unfinished, and the
 * watchdog's replay naming the call reads through a port that stores nothing.
 */
import { proxy, releaseProxy, transfer, wrap, type Remote } from 'comlink';
import type { StoredReading } from '../../lib/inspector/importRecords';
import type { Preview } from '../../lib/inspector/previewReading';
import type { RecordDetail } from '../../lib/inspector/recordDetail';
import type { ImportInput, ImportOptions, ImportProgress, ImportResult, ReadingOptions } from '../../lib/workspace/logsProtocol';
import type { LiveBatches } from './logs/linkedLogs';
import type { RemoteEarlier } from '../../../src/sources/remoteEarlier';
import { ImportCancelled, type LogsClient } from './logsClient';
import type { ModuleWorkerApi } from './module.worker';
import type { ModuleClient } from './moduleClient';

/** Logs read with domain modules, each in its module's worker. */
export class ModuleLogs {
  constructor(private readonly logs: LogsClient) {}

  /** Runs `task` in the module's worker with a port to the logs worker's logs, a new one each time the job is made. */
  private linked<R>(module: ModuleClient, task: (api: Remote<ModuleWorkerApi>, port: MessagePort) => Promise<R>): Promise<R> {
    let made = 0;
    return module.call(async (api) => {
      // the watchdog makes a job again, in a fresh worker up to the call that ran too long, to name
      // that call's event: the replay reads the same records and stores nothing
      const replay = made++ > 0;
      const { port1, port2 } = new MessageChannel();
      await this.logs.api.link(transfer(port1, [port1]), replay);
      return task(api, transfer(port2, [port2]));
    });
  }

  /** An import in the module's worker, with progress (dropped once it ended); a cancelled one rejects with ImportCancelled. */
  private async importing(module: ModuleClient, onProgress: (p: ImportProgress) => void, call: (api: Remote<ModuleWorkerApi>, port: MessagePort, progress: (p: ImportProgress) => void) => Promise<ImportResult>): Promise<ImportResult> {
    let settled = false;
    try {
      return await this.linked(module, (api, port) => call(api, port, proxy((p: ImportProgress) => settled || onProgress(p))));
    } catch (e) {
      // a worker stopped mid-import wrote part of a log: nothing of it is kept
      await this.logs.api.abandonImports().catch(() => undefined);
      // Cancel, or the worker stopped because its module was closed
      throw e instanceof Error && (e.name === 'ImportCancelled' || e.name === 'WorkerCancelled') ? new ImportCancelled() : e;
    } finally {
      settled = true;
    }
  }

  /** Imports and inspects a log with the module. */
  importLog(module: ModuleClient, input: ImportInput, options: ImportOptions, onProgress: (p: ImportProgress) => void): Promise<ImportResult> {
    return this.importing(module, onProgress, (api, port, progress) => api.importLog(port, input, options, progress));
  }

  /**
   * Imports a live source's records with the module: `batches` hands them to the module's worker
   * over a port of their own (each resolves once the import took it; `end` finishes it). A live
   * read cannot be made again, so the watchdog's replay does not reach the call and its message
   * names the function only.
   */
  importLive(module: ModuleClient, options: ImportOptions, framing: string, onProgress: (p: ImportProgress) => void, earlier?: RemoteEarlier): { result: Promise<ImportResult>; batches: LiveBatches } {
    const { port1, port2 } = new MessageChannel();
    const remote = wrap<LiveBatches>(port1);
    let handed = false;
    const result = this.importing(module, onProgress, (api, port, progress) => {
      if (handed) return Promise.reject(new Error('a live read is not read again'));
      handed = true;
      return earlier ? api.importLive(port, transfer(port2, [port2]), options, framing, progress, earlier.naming, proxy(earlier.load)) : api.importLive(port, transfer(port2, [port2]), options, framing, progress);
    });
    // once the import ended (finished, failed, cancelled, its worker stopped) a batch is dropped at once
    let ended = false;
    const settled = result.then(
      () => undefined,
      () => undefined,
    );
    void settled.then(() => {
      ended = true;
      remote[releaseProxy]();
    });
    return {
      result,
      batches: {
        batch: (records) => (ended ? Promise.resolve() : Promise.race([remote.batch(records), settled])),
        end: () => {
          if (!ended) void remote.end().catch(() => undefined);
        },
      },
    };
  }

  /** Inspects a stored log again with the module; the new log replaces it. */
  inspectAgain(module: ModuleClient, logId: number, options: ImportOptions, onProgress: (p: ImportProgress) => void): Promise<ImportResult> {
    return this.importing(module, onProgress, (api, port, progress) => api.inspectAgain(port, logId, options, progress));
  }

  /** Stops the module's import in progress (it rejects with ImportCancelled). */
  cancel(module: ModuleClient): Promise<void> {
    return module.call((api) => api.cancelImport());
  }

  /** The first `count` records of a stored log read with `options` and the module. */
  preview(module: ModuleClient, logId: number, options: ReadingOptions, count: number): Promise<Preview> {
    return this.linked(module, (api, port) => api.previewLog(port, logId, options, count));
  }

  /** Record `seq`'s stream before and after it, replayed with the module. */
  recordChange(module: ModuleClient, logId: number, seq: number, reading: StoredReading): Promise<RecordDetail['change']> {
    return this.linked(module, (api, port) => api.recordChange(port, logId, seq, reading));
  }
}
