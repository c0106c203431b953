/** `partitioned`: each job goes to worker `fnv1a(partition key) mod workers`; order is kept per worker. */
import { Fifo } from '../sim/fifo';
import { fnv1a } from '../sim/fnv1a';
import type { Job } from '../sim/job';
import type { SchedulerConfig } from '../types';
import type { Scheduler, SchedulerHost } from './scheduler';

/** The worker a partition key belongs to. */
export const workerOf = (key: string, workers: number): number => fnv1a(key) % workers;

/** One queue per worker (made when a job first waits for it, so a million workers cost nothing up front); a job goes by its first key. */
export function partitionedScheduler(config: SchedulerConfig, host: SchedulerHost): Scheduler {
  const workers = Math.max(1, config.workers);
  const queues = new Map<number, Fifo<Job>>();
  const busy = new Uint8Array(workers);
  return {
    initialWorkers: workers,
    arrive(job) {
      const w = workerOf(host.keysOf(job)[0] ?? '', workers);
      if (busy[w] === 0) {
        busy[w] = 1;
        host.start(job, w);
        return;
      }
      let queue = queues.get(w);
      if (!queue) queues.set(w, (queue = new Fifo<Job>()));
      queue.push(job);
    },
    finish(job) {
      const queue = queues.get(job.worker);
      const next = queue?.shift();
      if (next) host.start(next, job.worker);
      else busy[job.worker] = 0;
      if (queue && queue.length === 0) queues.delete(job.worker);
    },
    timer() {},
  };
}
