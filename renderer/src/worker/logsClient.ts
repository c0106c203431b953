/** The UI's handle on the logs worker: one promise per request, import progress, and cancelling an import. */
import type { ImportProgress, LogsReplies, LogsReply, LogsRequest, LogsRequestBody } from '../../lib/workspace/logsProtocol';
import LogsWorker from './logs.worker?worker';

/** Rejected when an import was cancelled. */
export class ImportCancelled extends Error {
  constructor() {
    super('import cancelled');
  }
}

/** Import progress (re-exported for the UI state). */
export type { ImportProgress };

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  onProgress?: (p: ImportProgress) => void;
}

/** One long-lived worker; requests are numbered and answered in any order. */
export class LogsClient {
  private worker: Worker | undefined;
  private nextId = 1;
  private pending = new Map<number, Pending>();

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new LogsWorker();
    worker.onmessage = (event: MessageEvent<LogsReply>) => {
      const message = event.data;
      const job = this.pending.get(message.id);
      if (!job) return;
      if (message.type === 'progress') return job.onProgress?.(message.progress);
      this.pending.delete(message.id);
      if (message.type === 'error') job.reject(message.cancelled ? new ImportCancelled() : new Error(message.message));
      else job.resolve(message.value);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      for (const job of this.pending.values()) job.reject(new Error(event.message || 'the logs worker failed'));
      this.pending.clear();
      this.worker?.terminate();
      this.worker = undefined;
    };
    this.worker = worker;
    return worker;
  }

  /** Sends a request; resolves with its typed reply. */
  request<R extends LogsRequestBody>(body: R, onProgress?: (p: ImportProgress) => void, transfer: Transferable[] = []): Promise<LogsReplies[R['type']]> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress });
      this.ensureWorker().postMessage({ ...body, id } as LogsRequest, transfer);
    });
  }
}
