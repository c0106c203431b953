/** `pool` (N workers) and `serial` (one worker): arrival order, no coordination. */
import { Fifo } from '../sim/fifo';
import type { Job } from '../sim/job';
import type { SchedulerConfig } from '../types';
import { FreeWorkers } from './freeWorkers';
import type { Scheduler, SchedulerHost } from './scheduler';

/** N workers take jobs in arrival order; concurrent decisions may read stale state. */
export function poolScheduler(config: SchedulerConfig, host: SchedulerHost, workers = Math.max(1, config.workers)): Scheduler {
  const queue = new Fifo<Job>();
  const free = new FreeWorkers(workers, workers);
  return {
    initialWorkers: workers,
    arrive(job) {
      const w = free.take();
      if (w < 0) queue.push(job);
      else host.start(job, w);
    },
    finish(job) {
      const next = queue.shift();
      if (next) host.start(next, job.worker);
      else free.release(job.worker);
    },
    timer() {},
  };
}

/** One worker, arrival order: every decision reads the state its predecessor left. */
export const serialScheduler = (config: SchedulerConfig, host: SchedulerHost): Scheduler => poolScheduler(config, host, 1);
