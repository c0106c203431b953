/**
 * What `inspect URL` prints, made where the source is read: in this thread (a bundled domain, or
 * none), or in a domain module's worker, which reads the source itself with the same readers
 * (../modules/moduleWorker). Plain data, so it crosses threads: the read's counts and position, a
 * refused or lost connection as `{ display, message }`, and the inspection's outcome.
 */
import { checkpointKept, type CheckpointKept } from '../sources/checkpointRead';
import { inspectSource, type SourceInspectOptions } from '../sources/inspectSource';
import { openSourceReader } from '../sources/node/openSourceReader';
import type { SourceUrl } from '../sources/sourceUrl';
import { SourceError, type ReadOptions } from '../sources/types';
import { inspectOutcome, type InspectOutcome } from './inspectOutcome';

/** Where a source failed (the URL, password hidden) and why: a SourceError as data. */
export interface SourceFailure {
  readonly display: string;
  readonly message: string;
}

/** A source read and inspected (see `SourceInspection`), or the connection refused. */
export type SourceOutcome =
  | { readonly ok: false; readonly refused: SourceFailure }
  | {
      readonly ok: true;
      readonly records: number;
      readonly position: string | undefined;
      readonly lastAtStart?: string;
      /** What the read could not find (the stream `stream=` names), said when it read nothing. */
      readonly absent?: string;
      /** Why the read ended before its end; the outcome covers what was read. */
      readonly lost?: SourceFailure;
      readonly outcome: InspectOutcome;
      /** A read keeping a checkpoint that was inspected and not cut short: what the next checkpoint holds. */
      readonly checkpoint?: CheckpointKept;
    };

/** Connects to `source`, reads it as `read` says and inspects what was read; `json`: the report as JSON pieces, else its text. */
export async function readSourceOutcome(source: SourceUrl, read: ReadOptions, options: SourceInspectOptions, json: boolean): Promise<SourceOutcome> {
  let reader;
  try {
    reader = await openSourceReader(source, read);
  } catch (e) {
    if (e instanceof SourceError) return { ok: false, refused: failure(e) };
    throw e;
  }
  const { result, lost, unknownStreams, streamOrder, ...inspection } = await inspectSource(reader, { ...options, partial: read.from.kind !== 'start' });
  // the states as text here, where they are (a module's worker): plain strings cross to the command line's thread
  const checkpoint = options.checkpoint && result.ok && !lost ? checkpointKept(result.report, unknownStreams ?? [], streamOrder ?? []) : undefined;
  return { ok: true, ...inspection, ...(lost ? { lost: failure(lost) } : {}), outcome: inspectOutcome(result, json), ...(checkpoint ? { checkpoint } : {}) };
}

const failure = (e: SourceError): SourceFailure => ({ display: e.display, message: e.message });
