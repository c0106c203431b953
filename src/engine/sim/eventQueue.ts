/**
 * The simulation's future: a binary min-heap of timed event records, ordered by time, then by
 * a sequence number so events scheduled for the same instant run in the order they were
 * scheduled. Records are small and recycled through a free list, so a long run allocates
 * almost nothing per simulated event.
 */

/** One scheduled event: a numeric kind and a few numeric/object slots its handler reads. */
export interface SimEvent {
  t: number;
  seq: number;
  kind: number;
  a: number;
  b: number;
  c: number;
  d: number;
  ref: unknown;
}

/** A binary min-heap of {@link SimEvent} records by (t, seq). */
export class EventQueue {
  private heap: SimEvent[] = [];
  private free: SimEvent[] = [];
  private nextSeq = 0;

  /** Number of events waiting. */
  get size(): number {
    return this.heap.length;
  }

  /** Time of the earliest event (Infinity when empty). */
  peekTime(): number {
    return this.heap.length === 0 ? Infinity : this.heap[0].t;
  }

  /** Schedules an event at `t`; a time that is not finite is a bug (validation bounds every time), never a silent drop. */
  push(t: number, kind: number, a: number, b: number, c: number, ref: unknown, d = 0): void {
    if (!(t < Infinity)) throw new Error(`virtual time ${t} is not finite (event kind ${kind})`);
    const e = this.free.pop() ?? { t: 0, seq: 0, kind: 0, a: 0, b: 0, c: 0, d: 0, ref: null };
    e.t = t;
    e.seq = this.nextSeq++;
    e.kind = kind;
    e.a = a;
    e.b = b;
    e.c = c;
    e.d = d;
    e.ref = ref;
    const heap = this.heap;
    let i = heap.length;
    heap.push(e);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent];
      if (p.t < t || (p.t === t && p.seq < e.seq)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = e;
  }

  /** Removes and returns the earliest event; hand it back with {@link recycle} once read. */
  pop(): SimEvent | undefined {
    const heap = this.heap;
    const n = heap.length;
    if (n === 0) return undefined;
    const top = heap[0];
    const last = heap.pop()!;
    if (n > 1) {
      const size = n - 1;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= size) break;
        const r = l + 1;
        let m = l;
        if (r < size && before(heap[r], heap[l])) m = r;
        if (!before(heap[m], last)) break;
        heap[i] = heap[m];
        i = m;
      }
      heap[i] = last;
    }
    return top;
  }

  /** Returns a popped record to the free list (its `ref` is cleared). */
  recycle(e: SimEvent): void {
    e.ref = null;
    this.free.push(e);
  }
}

const before = (x: SimEvent, y: SimEvent): boolean => x.t < y.t || (x.t === y.t && x.seq < y.seq);
