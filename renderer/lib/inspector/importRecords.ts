/**
 * Imports a recorded log — any framing, any profile (logs.md) — into a workspace while
 * inspecting it: text chunks in, every record stored in batches (read or not, with its text,
 * so the log can be inspected again with another domain, profile or map), the inspection
 * report out. The app never refuses a log: unreadable records are reported with their line.
 * The first batch is small and stored at once, so the log can be shown while the rest streams
 * in (`onStored`). Works in a worker or Node, wherever the domain runs — the logs worker for a
 * bundled domain, a domain module's own worker for a module — storing through a LogStore
 * (./logStore.ts); the caller supplies the chunks, progress and cancellation.
 */
import { placeWord } from '../../../src/logs/placeWord';
import type { AnyDomainModule } from '../../../domain/kernel';
import { LogFramer, type Framing } from '../../../src/logs/framing/logFramer';
import { unframedProblem } from '../../../src/logs/framing/lineSplitter';
import { LogInspector, MAX_PROBLEMS, type InspectionCounts } from '../../../src/logs/logInspector';
import type { LogMap, ProfileName } from '../../../src/logs/profiles';
import { withoutFinalState } from '../../../src/logs/lazyFinalState';
import { InspectCancelled, type InspectionReport } from '../../../src/logs/types';
import type { RecordText, StoredEventInput } from '../../../src/store/logs';
import { InterimReports } from './interimReports';
import type { LogStore } from './logStore';
import { storedRecord } from './storedEvents';
import { EarlierReplay } from '../../../src/sources/earlierReplay';
import { EARLIER_PAGE, withEarlier } from '../../../src/sources/inspectSource';
import type { EarlierEvents } from '../../../src/sources/types';

/** Where an import stands after a batch was stored. */
export interface StoredProgress {
  readonly logId: number;
  /** Records stored so far. */
  readonly stored: number;
  /** The inspection's counts so far. */
  readonly counts: InspectionCounts;
}

/** How a log is read: all optional (detected, or none). */
export interface LogReading {
  readonly framing?: Framing | 'auto';
  readonly profile?: ProfileName;
  readonly map?: LogMap;
  /** The domain to replay (none: the facts every log has). */
  readonly domain?: AnyDomainModule;
  /** The records begin after the log's start (a live read from its end or a position): InspectorOptions.partial. */
  readonly partial?: boolean;
}

/** What an import needs besides the chunks. */
export interface ImportRecordsOptions extends LogReading {
  readonly name: string;
  readonly source: string;
  /** How the stored reading and the workspace's list name the domain (a module by its file name); the domain's id by default. */
  readonly domainName?: string;
  /** Records stored per transaction (at the first chunk boundary past it). */
  readonly batch?: number;
  /** Records of the first transaction: small, so the first page is there early. */
  readonly firstBatch?: number;
  /** Drop the events' secondary indexes while inserting and build them at the end (for big logs). */
  readonly bulk?: boolean;
  readonly onProgress?: (records: number) => void;
  /** After each stored batch: the log is readable from the first one on. */
  readonly onStored?: (progress: StoredProgress) => void;
  readonly isCancelled?: () => boolean;
  readonly now?: number;
  /**
   * While a live source's batches are read: the report of the records so far (LogInspector.snapshot),
   * the first at once, then as InterimReports spaces them (`interimMs` apart at least, 1 s by default).
   */
  readonly onInterim?: (report: InspectionReport) => void;
  readonly interimMs?: number;
  /**
   * A live read's store queried by stream (README, "Streams that began before the read"): with a
   * domain, in a read that began after the store's start, the streams met past their start have
   * their earlier events loaded and replayed first — src/sources' EarlierReplay, as the command
   * line does; the report says what was loaded (`earlierEvents`, and its note).
   */
  readonly earlier?: EarlierEvents;
}

/** The reading stored with a log (plain JSON: the map as its file's object form). */
export interface StoredReading {
  readonly framing: string;
  readonly profile: string;
  /** The domain as the Domain menu names it: a bundled domain's id, a domain module's file name (`library.ts`), or null. */
  readonly domain: string | null;
  readonly map?: unknown;
  /** The records begin after the source's start (see LogReading.partial). */
  readonly partial?: boolean;
}

/** A stored record as the file had it (its text and line), and why it was not read when it was not. */
type StoredText = Pick<RecordText, 'raw' | 'line' | 'malformed'>;

/**
 * What is read: the file's text in chunks (framed here), the records of a log stored before, as
 * the file had them — all at hand, or a page at a time — with the framing they were found in
 * (to inspect them again), or records already parsed arriving in batches from a live source
 * (`framing` names how they came: `rows`, `messages`), each batch stored as it comes so a tail
 * shows at once.
 */
export type RecordsInput =
  | AsyncIterable<string>
  | Iterable<string>
  | { readonly records: Iterable<StoredText> | AsyncIterable<Iterable<StoredText>>; readonly framing: string }
  | { readonly batches: AsyncIterable<readonly unknown[]>; readonly framing: string };

/** Imports and inspects into `store`; resolves to the new log's id, the report and how many records were stored. A cancelled or failed import leaves nothing behind. */
export async function importRecords(
  store: LogStore,
  input: RecordsInput,
  o: ImportRecordsOptions & { readonly mapJson?: unknown },
): Promise<{ logId: number; report: InspectionReport; stored: number }> {
  let buffer: StoredEventInput[] = [];
  let lastAt = 0;
  const inspector = new LogInspector({
    domain: o.domain,
    profile: o.profile,
    map: o.map,
    skipInvalid: true,
    ...(o.partial ? { partial: true } : {}),
    // records of a store or a broker are named by rows or messages, a file's by lines
    ...(typeof input === 'object' && 'framing' in input ? { placeWord: placeWord(input.framing) } : {}),
    onRecord: (r) => {
      const row = storedRecord(r, lastAt);
      lastAt = row.at;
      buffer.push(row);
    },
  });
  const domainName = o.domain ? (o.domainName ?? o.domain.id) : undefined;
  const logId = await store.create({ name: o.name, source: o.source, ...(domainName !== undefined ? { domain: domainName } : {}), imported: o.now ?? Date.now() }, o.bulk === true);
  const batchSize = o.batch ?? 8192;
  let threshold = o.firstBatch ?? 1000;
  let stored = 0;
  const flush = async () => {
    if (buffer.length === 0) return;
    const batch = buffer;
    buffer = [];
    stored += await store.append(logId, batch);
    threshold = batchSize;
    o.onStored?.({ logId, stored, counts: inspector.counts() });
  };
  const framer = new LogFramer(o.framing ?? 'auto', inspector.record, inspector.structural);
  // as src/sources' inspectSource: only a read that began after the store's start, with a domain; a load failing midway fails the import
  const earlier = o.earlier && o.domain && o.partial && typeof input === 'object' && 'batches' in input ? new EarlierReplay(o.earlier, inspector, EARLIER_PAGE, o.source) : undefined;
  try {
    let framing: string;
    if ('batches' in input) {
      const { onInterim } = o;
      // a snapshot is taken between batches (here, or from the timer while the next batch is awaited): never mid-record
      const interim = onInterim
        ? new InterimReports(() => {
            const so = inspector.snapshot(o.source, input.framing);
            if (so?.ok) onInterim((withEarlier(so, earlier) as typeof so).report);
          }, o.interimMs)
        : undefined;
      let n = 0;
      try {
        for await (const batch of input.batches) {
          if (o.isCancelled?.()) throw new InspectCancelled();
          for (const value of batch) {
            const loading = earlier?.before(value as object);
            if (loading) await loading;
            inspector.value(value, ++n);
          }
          o.onProgress?.(inspector.records);
          await flush();
          interim?.changed();
        }
      } finally {
        interim?.stop();
      }
      framing = input.framing;
    } else if ('records' in input) {
      let n = 0;
      const pages = Symbol.asyncIterator in input.records ? input.records : [input.records];
      for await (const page of pages) {
        for (const r of page) {
          // a record the framer could not hand on (too long: its start is kept) is that record again, not its start
          if (r.malformed !== undefined && unframedProblem(r.malformed)) inspector.structural(r.malformed, r.line, r.raw);
          else inspector.record(r.raw, r.line);
          if ((++n & 1023) === 0) {
            if (o.isCancelled?.()) throw new InspectCancelled();
            o.onProgress?.(inspector.records);
          }
          if (buffer.length >= threshold) await flush();
        }
      }
      framing = input.framing;
    } else {
      for await (const chunk of input) {
        if (o.isCancelled?.()) throw new InspectCancelled();
        framer.push(chunk);
        o.onProgress?.(inspector.records);
        if (buffer.length >= threshold) await flush();
      }
      framer.end();
      framing = framer.label ?? 'lines';
    }
    // cancelled while the input ended (a live read's Cancel ends its feed): nothing is kept
    if (o.isCancelled?.()) throw new InspectCancelled();
    const result = withEarlier(inspector.finish(o.source, framing), earlier);
    await flush();
    if (!result.ok) throw new Error(`${o.source} was not inspected:\n${result.problems.slice(0, MAX_PROBLEMS).map((p) => `${o.source}:${p.line}: ${p.message}`).join('\n')}`);
    const reading: StoredReading = { framing: result.report.framing, profile: result.report.profile, domain: domainName ?? null, ...(o.mapJson !== undefined ? { map: o.mapJson } : {}), ...(o.partial ? { partial: true } : {}) };
    await store.finish(logId, withoutFinalState(result.report), reading);
    return { logId, report: result.report, stored };
  } catch (error) {
    // the import's own error is the one to tell, even if the store is gone too (a module's worker stopped)
    await Promise.resolve()
      .then(() => store.discard(logId))
      .catch(() => undefined);
    throw error;
  }
}
