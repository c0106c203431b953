/** `partitioned`: each job goes to worker `fnv1a(partition key) mod workers`; order is kept per worker. */
import { Fifo } from '../sim/fifo';
import { fnv1a } from '../sim/fnv1a';
import type { Job } from '../sim/job';
import type { SchedulerConfig } from '../types';
import type { Scheduler, SchedulerHost } from './scheduler';

/** The worker a partition key belongs to. */
export const workerOf = (key: string, workers: number): number => fnv1a(key) % workers;

/** One queue per worker; a batch goes by its first command's key. */
export function partitionedScheduler(config: SchedulerConfig, host: SchedulerHost): Scheduler {
  const workers = Math.max(1, config.workers);
  const queues = Array.from({ length: workers }, () => new Fifo<Job>());
  const busy = new Uint8Array(workers);
  return {
    initialWorkers: workers,
    arrive(job) {
      const w = workerOf(host.keysOf(job)[0] ?? '', workers);
      if (busy[w] === 1) queues[w].push(job);
      else {
        busy[w] = 1;
        host.start(job, w);
      }
    },
    finish(job) {
      const next = queues[job.worker].shift();
      if (next) host.start(next, job.worker);
      else busy[job.worker] = 0;
    },
    timer() {},
  };
}
