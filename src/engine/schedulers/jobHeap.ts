/** A binary min-heap of jobs by arrival index (ready jobs leave in arrival order). */
import type { Job } from '../sim/job';

/** Jobs ordered by `index`. */
export class JobHeap {
  private heap: Job[] = [];

  /** Number of jobs held. */
  get size(): number {
    return this.heap.length;
  }

  /** The job that arrived first, left in place. */
  peek(): Job | undefined {
    return this.heap[0];
  }

  /** Adds a job. */
  push(job: Job): void {
    const heap = this.heap;
    let i = heap.length;
    heap.push(job);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heap[parent].index <= job.index) break;
      heap[i] = heap[parent];
      i = parent;
    }
    heap[i] = job;
  }

  /** Removes the job that arrived first. */
  pop(): Job | undefined {
    const heap = this.heap;
    if (heap.length === 0) return undefined;
    const top = heap[0];
    const last = heap.pop()!;
    const size = heap.length;
    if (size > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= size) break;
        const m = l + 1 < size && heap[l + 1].index < heap[l].index ? l + 1 : l;
        if (heap[m].index >= last.index) break;
        heap[i] = heap[m];
        i = m;
      }
      heap[i] = last;
    }
    return top;
  }
}
