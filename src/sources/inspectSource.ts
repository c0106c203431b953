/**
 * Inspects a live source: the reader's batches fed, record by record, into the inspection of
 * logs.md (`LogInspector.value`), numbered in read order. A connection lost mid-read ends the
 * read with what was read and the position reached, so a later read can resume after it.
 * Works in Node and the browser (the reader brings its own client).
 */
import { LogInspector, type InspectionFound, type InspectorOptions } from '../logs/logInspector';
import { placeText, placeWord, positionName } from '../logs/placeWord';
import { profileByName } from '../logs/profiles';
import type { Anomaly, InspectResult, LogViolation, SkippedPositions } from '../logs/types';
import { SourceError, type SourceReader } from './types';
import { EarlierReplay, earlierNote } from './earlierReplay';
import { withCheckpoint, type CheckpointRead } from './checkpointRead';
import type { StreamOrder } from '../logs/carriedState';

/** Rows per query when a stream's earlier events are loaded (./earlierReplay). */
export const EARLIER_PAGE = 1000;

/** Runs of skipped positions a report lists (the rest counted in `skippedPositionCount`). */
export const MAX_SKIPPED_LISTED = 1000;

/** What one batch moved: records read so far, the position, whether the read has caught up, what the inspection found so far, what it waits for, the positions it passed. */
export interface SourceProgress {
  readonly records: number;
  readonly position: string | undefined;
  readonly caughtUp: boolean;
  readonly found: InspectionFound;
  /** What the read waits for (SourceBatch's `waiting`); absent when nothing. */
  readonly waiting?: string;
  /** The positions this batch passed without a record (SourceBatch's `skipped`): to say as they come. */
  readonly skipped?: readonly SkippedPositions[];
}

/**
 * An anomaly or an invariant violation found while a source is read (a tail prints them as they
 * come), with its place worded as the report's text words it: the record's position in the store
 * or broker where it has one (`seq_id 1169`, `sequence 83`), else its number in the read.
 */
export type LiveFinding =
  | { readonly kind: 'anomaly'; readonly anomaly: Anomaly; readonly place: string }
  | { readonly kind: 'violation'; readonly violation: LogViolation; readonly place: string }
  /** Said once, when the first stream that began before the read is met whose earlier events the read lacks (the report's note then counts them all). */
  | { readonly kind: 'note'; readonly note: string };

/** Options of a source's inspection: the inspection's own, and where to tell progress and findings. */
export interface SourceInspectOptions extends InspectorOptions {
  /** The report's `source`: the URL with its password hidden. */
  readonly source: string;
  readonly onProgress?: (progress: SourceProgress) => void;
  /** Hears each anomaly and violation as it is found, with its place. */
  readonly onFinding?: (finding: LiveFinding) => void;
  /** A read that keeps a checkpoint (./checkpointRead): with a domain, resumed with the states it carries; said in the report. */
  readonly checkpoint?: CheckpointRead;
}

/** What reading a source gave. */
export interface SourceInspection {
  readonly result: InspectResult;
  /** Records read. */
  readonly records: number;
  /** The position of the last record read (resume `--from` it); before any record, where the read started (undefined from the start). */
  readonly position: string | undefined;
  /** The source's last position when the read began, where the reader knows it. */
  readonly lastAtStart?: string;
  /** What the read could not find (SourceReader's `absent`): why it may read nothing. */
  readonly absent?: string;
  /** Why the read ended before its end (a lost connection); the result covers what was read. */
  readonly lost?: SourceError;
  /** A read keeping a checkpoint: the domain's streams whose state is unknown at its end, those carried included (the next checkpoint's). */
  readonly unknownStreams?: readonly string[];
  /** A read keeping a checkpoint: each stream's order at its end, those carried included (the next checkpoint's `order`). */
  readonly streamOrder?: readonly (readonly [string, StreamOrder])[];
}

/** The profile a source is read with: the one asked for, a map's, else the reader's own. */
export const sourceProfile = (options: InspectorOptions, reader: SourceReader) => options.profile ?? options.map?.profile ?? reader.profile;

/** Reads the source to its end (or until stopped) and inspects what was read; closes the reader. */
export async function inspectSource(reader: SourceReader, options: SourceInspectOptions): Promise<SourceInspection> {
  const profile = sourceProfile(options, reader);
  // named as the report's text will name it: the pointer the global position is read through
  // (the debezium profile reads a Kafka message's change event, placed by its offset as the kafka profile places it)
  const placedBy = profile === 'debezium' && reader.profile === 'kafka' ? 'kafka' : profile;
  const name = positionName(options.map?.fields.globalPosition !== undefined ? options.map.fields.globalPosition : profileByName(placedBy).fields.globalPosition?.[0]);
  const place = (e: { line: number; globalPosition?: string; source?: string }) => placeText(reader.framing, name, e);
  const found = options.onFinding;
  const carried = options.domain ? options.checkpoint?.resumed?.carried : undefined;
  const inspector = new LogInspector({
    ...options,
    ...(carried ? { carried } : {}),
    profile,
    // a profile the read was not asked for may give way to one that reads its records more closely (a Debezium topic)
    ...(options.profile === undefined && options.map?.profile === undefined ? { profileOfReader: true } : {}),
    placeWord: placeWord(reader.framing),
    ...(name !== undefined ? { positionName: name } : {}),
    ...(found ? { onAnomaly: (anomaly: Anomaly) => found({ kind: 'anomaly', anomaly, place: place(anomaly) }), onViolation: (violation: LogViolation) => found({ kind: 'violation', violation, place: place(violation) }) } : {}),
  });
  let records = 0;
  let position: string | undefined;
  let lost: SourceError | undefined;
  const skipped: SkippedPositions[] = [];
  let skippedRuns = 0;
  // a store queried by stream gives the streams met past their start their earlier events first (./earlierReplay)
  // (not in a chain of reads from the start that a checkpoint carries: every stream's earlier events are in its state already)
  const earlier = options.domain && options.partial && !carried?.fromStart && reader.earlier ? new EarlierReplay(reader.earlier, inspector, EARLIER_PAGE, options.source) : undefined;
  let noted = found === undefined;
  // a tail (the one reader of findings as they come) of a stream not yet in the store waits for it: said before it does
  if (found && reader.absent !== undefined) found({ kind: 'note', note: `${reader.absent}: the read waits for it` });
  try {
    for await (const batch of reader.batches()) {
      for (const record of batch.records) {
        const loading = earlier?.before(record);
        if (loading) await loading;
        inspector.value(record, ++records);
      }
      if (!noted) {
        const note = inspector.startsNote();
        if (note !== undefined) {
          noted = true;
          found!({ kind: 'note', note: `${note}; the report counts them all` });
        }
      }
      if (batch.position !== undefined) position = batch.position;
      for (const s of batch.skipped ?? []) if (skippedRuns++ < MAX_SKIPPED_LISTED) skipped.push(s);
      options.onProgress?.({ records, position, caughtUp: batch.caughtUp, found: inspector.found(), ...(batch.waiting !== undefined ? { waiting: batch.waiting } : {}), ...(batch.skipped?.length ? { skipped: batch.skipped } : {}) });
    }
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    lost = error;
  } finally {
    await reader.close();
  }
  const result = withCheckpoint(withEarlier(withSkipped(inspector.finish(options.source, reader.framing), skipped, skippedRuns), earlier), options.checkpoint);
  return {
    result,
    records,
    position,
    ...(reader.lastAtStart !== undefined ? { lastAtStart: reader.lastAtStart } : {}),
    ...(reader.absent !== undefined ? { absent: reader.absent } : {}),
    ...(lost ? { lost } : {}),
    ...(options.checkpoint ? { unknownStreams: inspector.unknownStreams(), streamOrder: inspector.streamOrder() } : {}),
  };
}

/** The report with what the read loaded of its streams' earlier events (`earlierEvents`, and its note), added to the report itself as `withSkipped` adds. */
export function withEarlier(result: InspectResult, earlier: EarlierReplay | undefined): InspectResult {
  const loaded = earlier?.loaded;
  if (loaded === undefined) return result;
  const note = earlierNote(loaded);
  if (result.ok) Object.assign(result.report, { earlierEvents: loaded, notes: [...(result.report.notes ?? []), note] });
  else Object.assign(result, { notes: [...(result.notes ?? []), note] });
  return result;
}

/**
 * The report with the positions the read passed (`skippedPositions`, and `skippedPositionCount`
 * when some were left out), added to the report itself: a copy would build its lazy final state.
 */
function withSkipped(result: InspectResult, skipped: readonly SkippedPositions[], runs: number): InspectResult {
  if (result.ok && runs > 0) Object.assign(result.report, { skippedPositions: skipped, ...(runs > skipped.length ? { skippedPositionCount: runs } : {}) });
  return result;
}
