/** The UI's handle on the logs worker (workspace file, log imports, row windows): its typed API, and import cancellation. */
import { proxy, type Remote } from 'comlink';
import type { ImportInput, ImportOptions, ImportProgress, ImportResult } from '../../lib/workspace/logsProtocol';
import type { LogsApi } from './logs.worker';
import type { RemoteEarlier } from '../../../src/sources/remoteEarlier';
import LogsWorker from './logs.worker?worker';
import { WorkerHandle } from './workerHandle';

/** Rejected when an import was cancelled. */
export class ImportCancelled extends Error {
  constructor() {
    super('import cancelled');
  }
}

/** Import progress (re-exported for the UI state). */
export type { ImportProgress };

/** One long-lived worker; calls are answered in any order. */
export class LogsClient {
  private readonly handle = new WorkerHandle<LogsApi>(() => new LogsWorker(), 'logs');

  /** The worker's API: `client.api.rows(...)` and so on. */
  readonly api: Remote<LogsApi> = new Proxy({} as Remote<LogsApi>, {
    get: (_, method: string) => (...args: unknown[]) => this.handle.call((api) => (api as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[method](...args)),
  });

  /** Imports a log with progress; rejects with ImportCancelled when cancelled. */
  importLog(input: ImportInput, options: ImportOptions, onProgress: (p: ImportProgress) => void): Promise<ImportResult> {
    return this.withProgress(onProgress, (api, progress) => api.importLog(input, options, progress));
  }

  /** Imports the records of a live source as `api.liveBatch` hands them over, until `api.liveEnd`; rejects with ImportCancelled when cancelled. */
  importLive(options: ImportOptions, framing: string, onProgress: (p: ImportProgress) => void, earlier?: RemoteEarlier): Promise<ImportResult> {
    // the loader crosses as a function of its own (a proxy: the preload API is the page's)
    return this.withProgress(onProgress, (api, progress) => (earlier ? api.importLive(options, framing, progress, earlier.naming, proxy(earlier.load)) : api.importLive(options, framing, progress)));
  }

  /** Inspects a stored log again, read another way; the new log replaces it. Rejects with ImportCancelled when cancelled. */
  inspectAgain(logId: number, options: ImportOptions, onProgress: (p: ImportProgress) => void): Promise<ImportResult> {
    return this.withProgress(onProgress, (api, progress) => api.inspectAgain(logId, options, progress));
  }

  private async withProgress(onProgress: (p: ImportProgress) => void, call: (api: Remote<LogsApi>, progress: (p: ImportProgress) => void) => Promise<ImportResult>): Promise<ImportResult> {
    // progress comes over a port of its own: a report that arrives after the result is dropped
    let settled = false;
    try {
      return await this.handle.call((api) => call(api, proxy((p: ImportProgress) => settled || onProgress(p))));
    } catch (e) {
      throw e instanceof Error && e.name === 'ImportCancelled' ? new ImportCancelled() : e;
    } finally {
      settled = true;
    }
  }
}
