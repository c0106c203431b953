/**
 * Inspects a live source: the reader's batches fed, record by record, into the inspection of
 * logs.md (`LogInspector.value`), numbered in read order. A connection lost mid-read ends the
 * read with what was read and the position reached, so a later read can resume after it.
 * Works in Node and the browser (the reader brings its own client).
 */
import { LogInspector, type InspectionFound, type InspectorOptions } from '../logs/logInspector';
import { placeWord } from '../logs/placeWord';
import type { InspectResult } from '../logs/types';
import { SourceError, type SourceReader } from './types';

/** What one batch moved: records read so far, the position, whether the read has caught up, and what the inspection found so far. */
export interface SourceProgress {
  readonly records: number;
  readonly position: string | undefined;
  readonly caughtUp: boolean;
  readonly found: InspectionFound;
}

/** Options of a source's inspection: the inspection's own, and where to tell progress. */
export interface SourceInspectOptions extends InspectorOptions {
  /** The report's `source`: the URL with its password hidden. */
  readonly source: string;
  readonly onProgress?: (progress: SourceProgress) => void;
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
  /** Why the read ended before its end (a lost connection); the result covers what was read. */
  readonly lost?: SourceError;
}

/** The profile a source is read with: the one asked for, a map's, else the reader's own. */
export const sourceProfile = (options: InspectorOptions, reader: SourceReader) => options.profile ?? options.map?.profile ?? reader.profile;

/** Reads the source to its end (or until stopped) and inspects what was read; closes the reader. */
export async function inspectSource(reader: SourceReader, options: SourceInspectOptions): Promise<SourceInspection> {
  const inspector = new LogInspector({ ...options, profile: sourceProfile(options, reader), placeWord: placeWord(reader.framing) });
  let records = 0;
  let position: string | undefined;
  let lost: SourceError | undefined;
  try {
    for await (const batch of reader.batches()) {
      for (const record of batch.records) inspector.value(record, ++records);
      if (batch.position !== undefined) position = batch.position;
      options.onProgress?.({ records, position, caughtUp: batch.caughtUp, found: inspector.found() });
    }
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    lost = error;
  } finally {
    await reader.close();
  }
  return { result: inspector.finish(options.source, reader.framing), records, position, ...(reader.lastAtStart !== undefined ? { lastAtStart: reader.lastAtStart } : {}), ...(lost ? { lost } : {}) };
}
