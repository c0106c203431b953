/** Ready jobs in arrival order: the engine's one MinHeap (../sim/minHeap) by arrival index. */
import { MinHeap } from '../sim/minHeap';
import type { Job } from '../sim/job';

/** Jobs ordered by `index` (ready jobs leave in arrival order). */
export class JobHeap extends MinHeap<Job> {
  constructor() {
    super(byIndex);
  }
}

const byIndex = (x: Job, y: Job): boolean => x.index < y.index;
