/**
 * A live read that keeps a checkpoint (the command line's `--checkpoint FILE`, README): the read
 * resumes after the checkpoint's position with the domain's states it carries (../logs/carriedState),
 * and its report says so — a note, and `checkpoint` (an extension of the report). What the next
 * checkpoint holds is taken from the report and the inspection at the end (`checkpointKept`). Pure.
 */
import type { CarriedState, StreamOrder } from '../logs/carriedState';
import { finalStateEntries } from '../logs/lazyFinalState';
import type { CheckpointReport, InspectionReport, InspectResult } from '../logs/types';
import { stateText, UnkeptState } from './checkpointStates';

/** What a read keeping a checkpoint is given. */
export interface CheckpointRead {
  /** The file as named on the command line (for the report). */
  readonly file: string;
  /** The chain of reads began at the source's start: this read's start, or the checkpoint's. */
  readonly fromStart: boolean;
  /** The checkpoint, when the file exists: the position the read goes on after, and what it carries. */
  readonly resumed?: { readonly position: string; readonly carried: CarriedState };
}


/** What the next checkpoint holds, taken at the end of a read: the domain's states as JSON text and the unknown streams. Plain data (it crosses from a module's worker). */
export interface CheckpointKept {
  /** The states as JSON object members (`\n    "stream": state`, the first without a leading comma), in pieces of about a megabyte. */
  readonly states: readonly string[];
  readonly streams: number;
  readonly unknown: readonly string[];
  /** Each stream's order (../logs/carriedState's StreamOrder) as JSON object members, in pieces as `states`. */
  readonly order: readonly string[];
  /** Why the checkpoint cannot be written: a state holds a value it cannot keep (./checkpointStates), named by stream and JSON path. */
  readonly unkept?: string;
}

/** The report with its `checkpoint` and the note saying what was resumed, added to the report itself (a copy would build its lazy final state). */
export function withCheckpoint(result: InspectResult, checkpoint: CheckpointRead | undefined): InspectResult {
  if (checkpoint === undefined) return result;
  const note = checkpointNote(checkpoint);
  if (!result.ok) {
    // a log refused is bad input: no checkpoint is written (a first read's note would say one is)
    if (checkpoint.resumed) Object.assign(result, { notes: [...(result.notes ?? []), note] });
    return result;
  }
  const resumed = checkpoint.resumed;
  const report: CheckpointReport = {
    file: checkpoint.file,
    ...(resumed ? { resumedFrom: resumed.position } : {}),
    streamsCarried: resumed?.carried.states.length ?? 0,
    unknownCarried: resumed?.carried.unknown.length ?? 0,
    chainFromStart: checkpoint.fromStart,
  };
  Object.assign(result.report, { checkpoint: report, notes: [note, ...(result.report.notes ?? [])] });
  return result;
}

/** `resumed from checkpoint FILE at position P (N streams' states carried)`, or what a first read does. */
export function checkpointNote(checkpoint: CheckpointRead): string {
  const resumed = checkpoint.resumed;
  if (!resumed) return `checkpoint ${checkpoint.file} to be written when this read ends with something read (exit 0 or 3): the next read with it resumes there${checkpoint.fromStart ? '' : ' (this chain of reads began after the source\'s start: streams that began before it stay unchecked)'}`;
  const n = resumed.carried.states.length;
  const unknown = resumed.carried.unknown.length;
  return (
    `resumed from checkpoint ${checkpoint.file} at position ${resumed.position} (${n === 1 ? "1 stream's state" : `${n} streams' states`} carried${unknown > 0 ? `, ${unknown} of them unknown` : ''})` +
    (checkpoint.fromStart ? '' : "; the chain of reads began after the source's start, so a stream first met now is judged as in a read --from a position")
  );
}

/**
 * What the next checkpoint holds, from the report at the end of the read and the inspection's
 * unknown streams and streams' order; each state as ./checkpointStates keeps it (or why one
 * cannot be kept).
 */
export function checkpointKept(report: InspectionReport, unknown: readonly string[], order: Iterable<readonly [string, StreamOrder]> = []): CheckpointKept {
  let kept: { pieces: string[]; count: number };
  try {
    kept = members(finalStateEntries(report as { finalState: Readonly<Record<string, unknown>> }), stateText);
  } catch (e) {
    if (e instanceof UnkeptState) return { states: [], streams: 0, unknown, order: [], unkept: e.message };
    throw e;
  }
  return { states: kept.pieces, streams: kept.count, unknown, order: members(orderEntries(order), (_, value) => JSON.stringify(value)).pieces };
}

/** A stream's order as the checkpoint writes it: its time as `{ ms, fraction }` (and `leap` when so), exact as read. */
function* orderEntries(order: Iterable<readonly [string, StreamOrder]>): Generator<readonly [string, unknown]> {
  for (const [stream, o] of order) {
    const t = o.time;
    yield [stream, { ...o, ...(t ? { time: { ms: t.ms, fraction: t.fraction, ...(t.leap ? { leap: true } : {}) } } : {}) }];
  }
}

/** Entries as JSON object members (`\n    "key": value`, the first without a leading comma, each value as `text` writes it) in pieces of about a megabyte, and how many. */
function members(entries: Iterable<readonly [string, unknown]>, text: (key: string, value: unknown) => string): { pieces: string[]; count: number } {
  const pieces: string[] = [];
  let piece = '';
  let count = 0;
  for (const [key, value] of entries) {
    if (value === undefined) continue;
    piece += `${count++ === 0 ? '' : ','}\n    ${JSON.stringify(key)}: ${text(key, value)}`;
    if (piece.length >= 1 << 20) {
      pieces.push(piece);
      piece = '';
    }
  }
  if (piece) pieces.push(piece);
  return { pieces, count };
}
