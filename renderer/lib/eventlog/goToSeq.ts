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
