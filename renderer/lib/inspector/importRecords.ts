/**
 * Imports a recorded log (JSON Lines, a JSON array or CloudEvents in either) into a workspace
 * while inspecting it: text chunks in, events stored in batches, the inspection report out.
 * Anomalous records are reported with their line and left out (the app never refuses a log).
 * Each record is parsed once (the inspector hands its reading over). The first batch is small
 * and stored at once, so the log can be shown while the rest streams in (`onStored`).
 * Works in a worker or Node; the caller supplies the chunks, progress and cancellation.
 */
import type { AnyDecider } from '../../../domain/kernel';
import { JsonArraySplitter } from '../../../src/logs/jsonArraySplitter';
import { LineSplitter } from '../../../src/logs/lineSplitter';
import { LogInspector, type InspectionCounts } from '../../../src/logs/logInspector';
import { InspectCancelled, type InspectionReport, type LogFormat } from '../../../src/logs/types';
import { appendEvents, deleteLog, dropEventIndexes, ensureEventIndexes, importLog, type StoredEventInput } from '../../../src/store/logs';
import type { Workspace } from '../../../src/store/workspace';
import type { SeqList } from '../eventlog/seqList';
import { SeqAssigner, storedEvent } from './storedEvents';

/** Where an import stands after a batch was stored. */
export interface StoredProgress {
  readonly logId: number;
  /** Events stored so far. */
  readonly stored: number;
  /** The inspection's counts so far. */
  readonly counts: InspectionCounts;
}

/** What an import needs besides the chunks. */
export interface ImportRecordsOptions {
  readonly decider: AnyDecider;
  readonly name: string;
  readonly source: string;
  readonly format?: LogFormat;
  readonly typeMap?: Readonly<Record<string, string>>;
  /** Events stored per transaction (at the first chunk boundary past it). */
  readonly batch?: number;
  /** Events of the first transaction: small, so the first page is there early. */
  readonly firstBatch?: number;
  /** Drop the events' secondary indexes while inserting and build them at the end (for big logs). */
  readonly bulk?: boolean;
  /** Filled with the stored seqs, in storage order. */
  readonly seqs?: SeqList;
  readonly onProgress?: (records: number) => void;
  /** After each stored batch: the log is readable from the first one on. */
  readonly onStored?: (progress: StoredProgress) => void;
  readonly isCancelled?: () => boolean;
  readonly now?: number;
}

/** Imports and inspects; resolves to the new log's id, the report and how many events were stored. A cancelled import leaves nothing behind. */
export async function importRecords(db: Workspace, chunks: AsyncIterable<string> | Iterable<string>, o: ImportRecordsOptions): Promise<{ logId: number; report: InspectionReport; stored: number }> {
  const format = o.format ?? 'auto';
  const form = format === 'events' ? 'events' : format === 'cloudevents' ? 'cloudevents' : 'any';
  const assigner = new SeqAssigner();
  let buffer: StoredEventInput[] = [];
  // each record is parsed once: the inspector hands over what it read, and the events are stored as recorded
  const inspector = new LogInspector(o.decider, {
    form,
    typeMap: o.typeMap,
    skipInvalid: true,
    onRead: (r) => {
      if (r.kind === 'event') buffer.push(storedEvent(o.decider, r, assigner));
    },
  });
  const logId = importLog(db, { name: o.name, source: o.source, domain: o.decider.id, imported: o.now ?? Date.now() }, []);
  const batchSize = o.batch ?? 8192;
  let threshold = o.firstBatch ?? 1000;
  let stored = 0;
  const flush = () => {
    if (buffer.length === 0) return;
    const batch = buffer;
    buffer = [];
    stored += appendEvents(db, logId, batch);
    if (o.seqs) for (const e of batch) o.seqs.push(e.seq);
    threshold = batchSize;
    o.onStored?.({ logId, stored, counts: inspector.counts() });
  };
  let splitter: { push(chunk: string): void; end(): void } | undefined;
  let head = '';
  if (o.bulk) dropEventIndexes(db);
  try {
    for await (const chunk of chunks) {
      if (o.isCancelled?.()) throw new InspectCancelled();
      if (splitter) splitter.push(chunk);
      else {
        head += chunk;
        const first = head.search(/\S/);
        if (first < 0) continue;
        const isArray = head[first] === '[';
        splitter =
          format === 'json' || (isArray && format !== 'events')
            ? new JsonArraySplitter(inspector.record, inspector.structural)
            : new LineSplitter(inspector.record, (line, length) => inspector.structural(`line ${line} is ${length} characters long, more than a record may be`, line));
        splitter.push(head.charCodeAt(0) === 0xfeff ? head.slice(1) : head);
        head = '';
      }
      o.onProgress?.(inspector.records);
      if (buffer.length >= threshold) flush();
    }
    splitter?.end();
    if (!splitter && format === 'json') inspector.structural('expected a JSON array, found nothing', 1);
    flush();
  } catch (error) {
    deleteLog(db, logId);
    throw error;
  } finally {
    if (o.bulk) ensureEventIndexes(db);
  }
  const result = inspector.finish(o.source);
  if (!result.ok) throw new Error(result.problems.map((p) => `${o.source}:${p.line}: ${p.message}`).join('\n'));
  return { logId, report: result.report, stored };
}
