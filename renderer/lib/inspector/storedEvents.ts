/**
 * Imported log records as rows of the workspace's events table: the stream (the record's, or the
 * domain's `streamOf`), and a seq unique within the log (a record that repeats a seq, or has none,
 * gets the next free one, as the store asks). Pure.
 */
import type { AnyDecider } from '../../../domain/kernel';
import type { EventRecord } from '../../../src/logs/types';
import type { StoredEventInput } from '../../../src/store/logs';

/** Hands out unique seqs: a record's own when free, else one past the highest so far. */
export class SeqAssigner {
  private readonly used = new Set<number>();
  private max = 0;

  /** The seq to store for a record with `seq` (or without one). */
  assign(seq: number | undefined): number {
    const s = seq !== undefined && !this.used.has(seq) ? seq : this.max + 1;
    this.used.add(s);
    if (s > this.max) this.max = s;
    return s;
  }
}

/** The stream of an event record: its own, or the domain's for its type and data ('' when the domain cannot tell). */
export function streamOfRecord(decider: AnyDecider, e: EventRecord): string {
  if (e.stream !== undefined) return e.stream;
  try {
    return String(decider.streamOf({ type: e.type, data: e.data } as never));
  } catch {
    return '';
  }
}

/** The row to store for an event record. */
export function storedEvent(decider: AnyDecider, e: EventRecord, seqs: SeqAssigner): StoredEventInput {
  return {
    seq: seqs.assign(e.seqGiven ? e.seq : undefined),
    id: e.id,
    type: e.type,
    stream: streamOfRecord(decider, e),
    at: Number.isNaN(e.at) ? 0 : e.at,
    ...(e.causationId !== undefined ? { causationId: e.causationId } : {}),
    ...(e.correlationId !== undefined ? { correlationId: e.correlationId } : {}),
    data: e.data,
  };
}
