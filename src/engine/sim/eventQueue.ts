/**
 * The simulation's future: a binary min-heap of timed event records, ordered by time, then by
 * a sequence number so events scheduled for the same instant run in the order they were
 * scheduled (the engine's one MinHeap, ./minHeap). Records are small and recycled through a free list, so a long run allocates
 * almost nothing per simulated event.
 */

import { MinHeap } from './minHeap';

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

/** The simulation's future: {@link SimEvent} records in a MinHeap by (t, seq). */
export class EventQueue {
  private readonly heap = new MinHeap<SimEvent>(before);
  private free: SimEvent[] = [];
  private nextSeq = 0;

  /** Number of events waiting. */
  get size(): number {
    return this.heap.size;
  }

  /** Time of the earliest event (Infinity when empty). */
  peekTime(): number {
    return this.heap.peek()?.t ?? Infinity;
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
    this.heap.push(e);
  }

  /** Removes and returns the earliest event; hand it back with {@link recycle} once read. */
  pop(): SimEvent | undefined {
    return this.heap.pop();
  }

  /** Returns a popped record to the free list (its `ref` is cleared). */
  recycle(e: SimEvent): void {
    e.ref = null;
    this.free.push(e);
  }
}

const before = (x: SimEvent, y: SimEvent): boolean => x.t < y.t || (x.t === y.t && x.seq < y.seq);
