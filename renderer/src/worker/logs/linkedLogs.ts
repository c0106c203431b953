/**
 * What a domain module's worker (../module.worker.ts) does with the workspace's logs: import a
 * log (a file, or a live source's records as they come), inspect a stored log again, preview a reading and replay a record's stream, all with the
 * loaded module and through the same code as the logs worker's (./logImport.ts, src/logs). The
 * workspace stays in the logs worker: each task gets a port to it (the logs worker's
 * WorkspaceLogs, ./workspaceLogs.ts) and stores and reads through it, a batch or page per
 * message. A module's fault stops the task with its message; the log it was writing is discarded.
 */
import { expose, releaseProxy, wrap, type Remote } from 'comlink';
import type { StoredReading } from '../../../lib/inspector/importRecords';
import type { LogWorkspace } from '../../../lib/inspector/logStore';
import type { Preview } from '../../../lib/inspector/previewReading';
import type { RecordDetail } from '../../../lib/inspector/recordDetail';
import type { ImportInput, ImportOptions, ImportProgress, ImportResult, ReadingOptions } from '../../../lib/workspace/logsProtocol';
import { LogImport, previewStored, storedChange, type DomainOf } from './logImport';
import type { EarlierPageLoad } from '../../../../src/sources/remoteEarlier';
import type { StreamNaming } from '../../../../src/sources/streamNaming';

/** Where a live import takes its batches (the page's side of a live read: ../../views/inspector/liveRead.svelte.ts). */
export interface LiveBatches {
  /** Hands over a batch; resolves once the import took it. */
  batch(records: readonly unknown[]): Promise<void>;
  /** No more batches: the import finishes with what was read. */
  end(): void;
}

/** Runs `task` over the workspace's logs served on `port`; the port is let go after. */
async function overPort<R>(port: MessagePort, task: (logs: LogWorkspace) => Promise<R>): Promise<R> {
  const remote: Remote<LogWorkspace> = wrap<LogWorkspace>(port);
  try {
    // a Remote answers every call with a promise: what LogWorkspace allows
    return await task(remote as unknown as LogWorkspace);
  } finally {
    remote[releaseProxy]();
  }
}

/** The logs API of a module's worker; `domainOf` names its module (by the file name the Domain menu shows). */
export function linkedLogsApi(domainOf: DomainOf) {
  let running: LogImport | undefined;

  function importing<R>(port: MessagePort, task: (imports: LogImport) => Promise<R>): Promise<R> {
    return overPort(port, async (logs) => {
      const imports = (running = new LogImport(logs, domainOf));
      try {
        return await task(imports);
      } finally {
        if (running === imports) running = undefined;
      }
    });
  }

  return {
    /** Imports and inspects a log with the module, storing it in the workspace over `port`. */
    importLog(port: MessagePort, input: ImportInput, options: ImportOptions, onProgress: (p: ImportProgress) => void): Promise<ImportResult> {
      return importing(port, (imports) => imports.run(input, options, onProgress));
    },

    /**
     * Imports a live source's records with the module as the page hands them over on `feed`
     * (a LiveBatches served there: each batch resolves once taken, `end` finishes with what was
     * read), storing them in the workspace over `port`.
     */
    importLive(port: MessagePort, feed: MessagePort, options: ImportOptions, framing: string, onProgress: (p: ImportProgress) => void, naming?: StreamNaming, load?: EarlierPageLoad): Promise<ImportResult> {
      return importing(port, (imports) => {
        const batches: LiveBatches = { batch: (records) => imports.liveBatch(records), end: () => imports.liveEnd() };
        expose(batches, feed);
        return imports.live(options, framing, onProgress, naming && load ? { naming, load } : undefined).finally(() => feed.close());
      });
    },

    /** Inspects a stored log again with the module; the new log replaces it. */
    inspectAgain(port: MessagePort, logId: number, options: ImportOptions, onProgress: (p: ImportProgress) => void): Promise<ImportResult> {
      return importing(port, (imports) => imports.again(logId, options, onProgress));
    },

    /** Stops the import in progress; nothing of it is kept. */
    cancelImport(): void {
      running?.cancel();
    },

    /** The first `count` records of a stored log read with `options` (the Mapping dialog's preview). */
    previewLog(port: MessagePort, logId: number, options: ReadingOptions, count: number): Promise<Preview> {
      return overPort(port, (logs) => previewStored(logs, logId, options, count, domainOf));
    },

    /** Record `seq`'s stream before and after it, replayed with the module as the log was read (`reading`, as stored with it). */
    recordChange(port: MessagePort, logId: number, seq: number, reading: StoredReading): Promise<RecordDetail['change']> {
      return overPort(port, (logs) => storedChange(logs, logId, seq, reading, domainOf));
    },
  };
}
