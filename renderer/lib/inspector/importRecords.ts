/**
 * Imports a recorded log (JSON Lines, a JSON array or CloudEvents in either) into a workspace
 * while inspecting it: text chunks in, events stored in batches, the inspection report out.
 * Anomalous records are reported with their line and left out (the app never refuses a log).
 * Works in a worker or Node; the caller supplies the chunks, progress and cancellation.
 */
import type { AnyDecider } from '../../../domain/kernel';
import { JsonArraySplitter } from '../../../src/logs/jsonArraySplitter';
import { LineSplitter } from '../../../src/logs/lineSplitter';
import { LogInspector } from '../../../src/logs/logInspector';
import { RecordReader } from '../../../src/logs/recordReader';
import { InspectCancelled, type InspectionReport, type LogFormat } from '../../../src/logs/types';
import { appendEvents, deleteLog, importLog, type StoredEventInput } from '../../../src/store/logs';
import type { Workspace } from '../../../src/store/workspace';
import { SeqAssigner, storedEvent } from './storedEvents';

/** What an import needs besides the chunks. */
export interface ImportRecordsOptions {
  readonly decider: AnyDecider;
  readonly name: string;
  readonly source: string;
  readonly format?: LogFormat;
  readonly typeMap?: Readonly<Record<string, string>>;
  /** Events stored per transaction. */
  readonly batch?: number;
  readonly onProgress?: (records: number) => void;
  readonly isCancelled?: () => boolean;
  readonly now?: number;
}

/** Imports and inspects; resolves to the new log's id and the report. A cancelled import leaves nothing behind. */
export async function importRecords(db: Workspace, chunks: AsyncIterable<string> | Iterable<string>, o: ImportRecordsOptions): Promise<{ logId: number; report: InspectionReport }> {
  const format = o.format ?? 'auto';
  const form = format === 'events' ? 'events' : format === 'cloudevents' ? 'cloudevents' : 'any';
  const inspector = new LogInspector(o.decider, { form, typeMap: o.typeMap, skipInvalid: true });
  const reader = new RecordReader(o.decider, form, o.typeMap ?? {});
  const logId = importLog(db, { name: o.name, source: o.source, domain: o.decider.id, imported: o.now ?? Date.now() }, []);
  const seqs = new SeqAssigner();
  const batchSize = o.batch ?? 20_000;
  let buffer: StoredEventInput[] = [];
  const flush = () => {
    if (buffer.length === 0) return;
    appendEvents(db, logId, buffer);
    buffer = [];
  };
  const record = (text: string, line: number): void => {
    inspector.record(text, line);
    if (text.charCodeAt(0) !== 123 && text.trim() === '') return;
    const r = reader.read(text);
    if (r.kind === 'event') buffer.push(storedEvent(o.decider, r, seqs));
  };
  let splitter: { push(chunk: string): void; end(): void } | undefined;
  let head = '';
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
            ? new JsonArraySplitter(record, inspector.structural)
            : new LineSplitter(record, (line, length) => inspector.structural(`line ${line} is ${length} characters long, more than a record may be`, line));
        splitter.push(head.charCodeAt(0) === 0xfeff ? head.slice(1) : head);
        head = '';
      }
      if (buffer.length >= batchSize) flush();
      o.onProgress?.(inspector.records);
    }
    splitter?.end();
    if (!splitter && format === 'json') inspector.structural('expected a JSON array, found nothing', 1);
    flush();
  } catch (error) {
    deleteLog(db, logId);
    throw error;
  }
  const result = inspector.finish(o.source);
  if (!result.ok) throw new Error(result.problems.map((p) => `${o.source}:${p.line}: ${p.message}`).join('\n'));
  return { logId, report: result.report };
}
