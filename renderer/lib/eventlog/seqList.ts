/**
 * A log's seqs in memory, in the order they are stored (a growing Float64Array, 8 bytes per
 * event), so the event log finds the row at an index and the index of a seq by binary search
 * without asking the database. Logs almost always arrive in seq order; when one does not, the
 * sorted view is built once per change. Pure.
 */

/** Every seq of one log, appended as events are stored. */
export class SeqList {
  private seqs = new Float64Array(1024);
  private length = 0;
  private ascending = true;
  private sortedCache: Float64Array | undefined;

  /** How many seqs it holds. */
  get size(): number {
    return this.length;
  }

  /** Appends one stored event's seq. */
  push(seq: number): void {
    if (this.length === this.seqs.length) {
      const bigger = new Float64Array(this.seqs.length * 2);
      bigger.set(this.seqs);
      this.seqs = bigger;
    }
    if (this.length > 0 && seq <= this.seqs[this.length - 1]) this.ascending = false;
    this.seqs[this.length++] = seq;
    this.sortedCache = undefined;
  }

  /** The seqs in ascending order (a view, valid until the next push). */
  sorted(): Float64Array {
    if (this.ascending) return this.seqs.subarray(0, this.length);
    return (this.sortedCache ??= this.seqs.slice(0, this.length).sort());
  }
}
