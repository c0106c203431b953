/**
 * `autoscale`: a pool that grows and shrinks within `min..max`. Whenever more than
 * `scaleUpDepth` jobs wait and no worker is already starting, it adds one, ready after
 * `startupMs` (one start at a time, so a burst grows the pool step by step). A worker idle for
 * `idleMs` is removed while more than `min` are alive. A starting worker counts as alive.
 */
import { Fifo } from '../sim/fifo';
import type { Job } from '../sim/job';
import type { SchedulerConfig } from '../types';
import { FreeWorkers } from './freeWorkers';
import type { Scheduler, SchedulerHost } from './scheduler';

/** Timer `b` for a worker that finished starting (idle timers carry a positive token). */
const READY = -1;

/** A pool whose size follows the waiting queue. */
export function autoscaleScheduler(config: SchedulerConfig, host: SchedulerHost): Scheduler {
  const min = Math.max(1, config.min);
  const max = Math.max(min, config.max);
  const queue = new Fifo<Job>();
  const free = new FreeWorkers(max, min);
  /** Per worker: bumped whenever it takes a job, so stale idle timers are ignored. */
  const idleToken = new Float64Array(max);
  let starting = 0;

  const goIdle = (w: number): void => {
    const token = ++idleToken[w];
    host.setTimer(host.now() + config.idleMs, w, token);
  };

  const startOn = (job: Job, w: number): void => {
    idleToken[w]++;
    host.start(job, w);
  };

  const scaleUp = (): void => {
    if (queue.length <= config.scaleUpDepth || starting > 0 || free.aliveCount >= max) return;
    const w = free.add();
    starting++;
    host.workersChanged(free.aliveCount);
    host.setTimer(host.now() + config.startupMs, w, READY);
  };

  return {
    initialWorkers: min,
    arrive(job) {
      const w = free.take();
      if (w >= 0) startOn(job, w);
      else queue.push(job);
      scaleUp();
    },
    finish(job) {
      const next = queue.shift();
      if (next) startOn(next, job.worker);
      else {
        free.release(job.worker);
        goIdle(job.worker);
      }
    },
    timer(w, token) {
      if (token === READY) {
        starting--;
        const next = queue.shift();
        if (next) startOn(next, w);
        else {
          free.release(w);
          goIdle(w);
        }
        scaleUp();
        return;
      }
      if (token !== idleToken[w] || !free.isFree(w) || free.aliveCount <= min) return;
      free.remove(w);
      host.workersChanged(free.aliveCount);
    },
  };
}
