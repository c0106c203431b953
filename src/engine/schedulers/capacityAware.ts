/**
 * `capacity-aware`: the domain's scheduling hook (`capacity`). A command is admitted for
 * decision only while the demand in flight for its key fits the capacity left in the state
 * store (commerce: orders up to the remaining stock of their sku). When the head of a key's
 * line does not fit and nothing is in flight for the key, the capacity is exhausted: its
 * waiting commands are released together for decision (and so rejected together) instead of
 * waiting forever. Commands without demand (a restock) are admitted at once and, while in
 * flight, hold back the orders that do not fit yet (they may add capacity). Batches and
 * domains without the hook go straight through, like `pool`. Admitted and released jobs reach free workers in arrival order.
 */
import { isBatch } from '../../../domain/kernel';
import { Fifo } from '../sim/fifo';
import type { Job } from '../sim/job';
import type { SchedulerConfig } from '../types';
import { FreeWorkers } from './freeWorkers';
import { JobHeap } from './jobHeap';
import type { Scheduler, SchedulerHost } from './scheduler';

interface KeyLine {
  /** Admitted jobs of this key not yet finished. */
  inFlight: number;
  /** Their total demand. */
  demand: number;
  readonly waiting: Fifo<Job>;
}

const ADMITTED = 1;
const RELEASED = 2;

/** Admits commands up to the capacity left for their key. */
export function capacityAwareScheduler(config: SchedulerConfig, host: SchedulerHost): Scheduler {
  const workers = Math.max(1, config.workers);
  const free = new FreeWorkers(workers, workers);
  const runnable = new JobHeap();
  const lines = new Map<string, KeyLine>();
  const capacity = host.capacity;

  const keyOf = (job: Job): string => host.keysOf(job)[0] ?? '';

  const lineOf = (key: string): KeyLine => {
    let line = lines.get(key);
    if (!line) lines.set(key, (line = { inFlight: 0, demand: 0, waiting: new Fifo<Job>() }));
    return line;
  };

  /** Moves the heads of a key's line to `runnable` while they fit (or while the key is exhausted). */
  const admit = (key: string): void => {
    const line = lineOf(key);
    for (let head = line.waiting.peek(); head; head = line.waiting.peek()) {
      const demand = capacity!.demand(head);
      if (demand === 0 || line.demand + demand <= capacity!.left(key)) {
        head.flag = ADMITTED;
        line.inFlight++;
        line.demand += demand;
      } else if (line.inFlight === 0) head.flag = RELEASED;
      else return;
      line.waiting.shift();
      runnable.push(head);
    }
  };

  const dispatch = (): void => {
    while (runnable.size > 0 && free.anyFree) host.start(runnable.pop()!, free.take());
  };

  return {
    initialWorkers: workers,
    arrive(job) {
      if (!capacity || isBatch(job.input)) runnable.push(job);
      else if (capacity.demand(job) === 0) {
        // Restocks, cancellations...: no demand, so no wait; in flight, they hold back orders that do not fit yet.
        job.flag = ADMITTED;
        lineOf(keyOf(job)).inFlight++;
        runnable.push(job);
      } else {
        const key = keyOf(job);
        lineOf(key).waiting.push(job);
        admit(key);
      }
      dispatch();
    },
    finish(job) {
      free.release(job.worker);
      if (job.flag === ADMITTED) {
        const key = keyOf(job);
        const line = lineOf(key);
        line.inFlight--;
        line.demand -= capacity!.demand(job);
        admit(key);
      }
      dispatch();
    },
    timer() {},
  };
}
