/** What the event table's "Go to seq" (or "Go to record") box makes of its text, before it moves anywhere. Pure. */

/** The seqs a log holds: its first and last. */
export interface SeqRange {
  readonly first: number;
  readonly last: number;
}

/** Where to go, or what to say instead (and stay). */
export type GoTo = { readonly seq: number } | { readonly problem: string };

/**
 * Reads `text` against the log's seqs (`range` undefined: the log is empty). A seq outside the
 * range is named with the range, never taken for the nearest end; `record` words it for an
 * imported log's records.
 */
export function goToSeq(text: string, range: SeqRange | undefined, record = false): GoTo {
  const trimmed = text.trim();
  const seq = trimmed === '' ? Number.NaN : Number(trimmed);
  if (!Number.isSafeInteger(seq)) return { problem: 'enter a whole number' };
  if (!range) return { problem: record ? 'the log has no records' : 'the log has no events' };
  if (seq < range.first || seq > range.last) {
    const span = range.first === range.last ? `${range.first}` : `${range.first}–${range.last}`;
    return { problem: record ? `no record ${seq} (the log has ${range.first === range.last ? 'record' : 'records'} ${span})` : `no event with seq ${seq} (the log has seq ${span})` };
  }
  return { seq };
}

/** One row window of a whole log, as the logs worker gives it (filters aside). */
export type LogRows = (first: number, count: number) => Promise<{ readonly total: number; readonly events: readonly { readonly seq: number }[] }>;

/** The first and last seq of the whole log `rows` reads, undefined when it is empty: its first row and its last. */
export async function seqRangeOf(rows: LogRows): Promise<SeqRange | undefined> {
  const head = await rows(0, 1);
  if (head.total === 0 || head.events.length === 0) return undefined;
  const tail = head.total === 1 ? head : await rows(head.total - 1, 1);
  return { first: head.events[0].seq, last: (tail.events[0] ?? head.events[0]).seq };
}

/**
 * A log's seq range, asked once per log: kept until `get` is called for another log (another
 * source object) or another revision of a growing one. A failed question is asked again next time.
 */
export class SeqRangeCache {
  private log: object | undefined;
  private revision: number | undefined;
  private range: Promise<SeqRange | undefined> | undefined;

  /** The range of `log` at `revision`, from the cache or from `ask` (asked at most once while the log stays the same). */
  get(log: object, revision: number | undefined, ask: () => Promise<SeqRange | undefined>): Promise<SeqRange | undefined> {
    if (this.range && this.log === log && this.revision === revision) return this.range;
    this.log = log;
    this.revision = revision;
    const range = ask();
    this.range = range;
    range.catch(() => {
      if (this.range === range) this.range = undefined;
    });
    return range;
  }
}
