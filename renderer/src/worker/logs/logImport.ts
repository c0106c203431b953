/**
 * Importing a recorded log into the workspace (moved here as it was; the log model's rewrite
 * replaces its insides): the file or text streamed in chunks, inspected and stored in batches,
 * readable from its first batch on, with progress and Cancel.
 */
import { domainById } from '../../../../domain';
import { streamCountOf } from '../../../../src/logs/lazyFinalState';
import { InspectCancelled, type InspectionReport } from '../../../../src/logs/types';
import { SeqList } from '../../../lib/eventlog/seqList';
import { importRecords } from '../../../lib/inspector/importRecords';
import type { ImportInput, ImportOptions, ImportProgress, ImportResult, InspectionSummary } from '../../../lib/workspace/logsProtocol';
import type { LogPages } from './logPages';
import type { WorkspaceFile } from './workspaceFile';

/** Input this big (bytes) is imported without the secondary indexes, built once at the end. */
const BULK_BYTES = 16 << 20;

/** Lets queued messages (a page request, Cancel) in: a MessageChannel round trip, not clamped like nested timers. */
const yieldChannel = new MessageChannel();
const yielded: (() => void)[] = [];
yieldChannel.port1.onmessage = () => yielded.shift()?.();
const yieldToMessages = (): Promise<void> =>
  new Promise((resolve) => {
    yielded.push(resolve);
    yieldChannel.port2.postMessage(0);
  });

async function* chunksOf(input: ImportInput, onBytes: (n: number) => void): AsyncGenerator<string> {
  if (input.kind === 'text') {
    for (let i = 0; i < input.text.length; i += 1 << 20) {
      onBytes(Math.min(input.text.length, i + (1 << 20)));
      yield input.text.slice(i, i + (1 << 20));
    }
    return;
  }
  const reader = input.file.stream().getReader();
  const decoder = new TextDecoder();
  let bytes = 0;
  let last = performance.now();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    onBytes(bytes);
    const text = decoder.decode(value, { stream: true });
    // in pieces of 64K characters, letting page requests and Cancel in every few milliseconds
    for (let i = 0; i < text.length; i += 1 << 16) {
      yield text.length <= 1 << 16 ? text : text.slice(i, i + (1 << 16));
      if (performance.now() - last > 12) {
        await yieldToMessages();
        last = performance.now();
      }
    }
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** The report without its final state (never built here: it is a lazy property), plus the stream count. */
function summaryOf(report: InspectionReport): InspectionSummary {
  const summary: Record<string, unknown> = { finalStreams: streamCountOf(report) };
  for (const key of Object.keys(report)) if (key !== 'finalState') summary[key] = report[key as keyof InspectionReport];
  return summary as InspectionSummary;
}

/** Imports of recorded logs into a WorkspaceFile, one at a time. */
export class LogImport {
  private cancelled = false;

  constructor(
    private readonly file: WorkspaceFile,
    private readonly pages: LogPages,
  ) {}

  /** Stops the import in progress; nothing of it is kept. */
  cancel(): void {
    this.cancelled = true;
  }

  /** Imports and inspects `input`; `onProgress` hears how far it got. A cancelled import rejects with an error named "ImportCancelled". */
  async run(input: ImportInput, options: ImportOptions, onProgress: (p: ImportProgress) => void): Promise<ImportResult> {
    const decider = domainById(options.domain);
    if (!decider) throw new Error(`unknown domain "${options.domain}"`);
    const db = await this.file.db();
    const { pages } = this;
    this.cancelled = false;
    this.file.importing = true;
    const started = performance.now();
    const total = input.kind === 'file' ? input.file.size : input.text.length;
    const seqs = new SeqList();
    let progress: ImportProgress = { bytes: 0, records: 0, total };
    let lastSent = 0;
    const send = (force: boolean) => {
      const now = performance.now();
      if (!force && now - lastSent < 100) return;
      lastSent = now;
      void onProgress(progress);
    };
    let logId: number | undefined;
    try {
      const result = await importRecords(db, chunksOf(input, (bytes) => (progress = { ...progress, bytes })), {
        decider,
        name: options.name,
        source: options.name,
        format: options.format,
        typeMap: options.typeMap,
        bulk: total >= BULK_BYTES,
        batch: 4096,
        seqs,
        isCancelled: () => this.cancelled,
        onProgress: (records) => {
          progress = { ...progress, records };
          send(false);
        },
        onStored: (p) => {
          const first = logId === undefined;
          logId = p.logId;
          if (first) pages.importedSeqs.set(p.logId, seqs);
          pages.forgetFiltered(p.logId);
          progress = { ...progress, source: { db: 'workspace', logId: p.logId }, stored: p.stored, counts: p.counts };
          send(first);
        },
      });
      logId = result.logId;
      pages.forgetFiltered(result.logId);
      pages.importedSeqs.set(result.logId, seqs);
      this.file.importing = false;
      this.file.changed();
      return { source: { db: 'workspace', logId: result.logId }, report: summaryOf(result.report), seconds: (performance.now() - started) / 1000 };
    } catch (error) {
      if (logId !== undefined) pages.forget(logId);
      if (error instanceof InspectCancelled) {
        const cancelled = new Error('import cancelled');
        cancelled.name = 'ImportCancelled';
        throw cancelled;
      }
      throw error;
    } finally {
      this.file.importing = false;
      this.file.armAutosave();
    }
  }
}
