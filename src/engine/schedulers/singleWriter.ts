/**
 * `single-writer`: any free worker, but at most one job in flight per partition key (a batch
 * holds all its commands' keys). Jobs of one key keep their arrival order: a job is ready when
 * it heads the waiting line of each of its keys and none of them is in flight; ready jobs go
 * to free workers in arrival order. O(log n) per step, however long one key's line grows.
 */
import { Fifo } from '../sim/fifo';
import type { Job } from '../sim/job';
import type { SchedulerConfig } from '../types';
import { FreeWorkers } from './freeWorkers';
import { JobHeap } from './jobHeap';
import type { Scheduler, SchedulerHost } from './scheduler';

interface KeyLine {
  inFlight: boolean;
  readonly waiting: Fifo<Job>;
}

const QUEUED_READY = 1;

/** At most one decision in flight per key, so every decision of a key reads its predecessor's result. */
export function singleWriterScheduler(config: SchedulerConfig, host: SchedulerHost): Scheduler {
  const workers = Math.max(1, config.workers);
  const free = new FreeWorkers(workers, workers);
  const lines = new Map<string, KeyLine>();
  const ready = new JobHeap();

  const lineOf = (key: string): KeyLine => {
    let line = lines.get(key);
    if (!line) lines.set(key, (line = { inFlight: false, waiting: new Fifo<Job>() }));
    return line;
  };

  const isReady = (job: Job): boolean => {
    for (const key of host.keysOf(job)) {
      const line = lineOf(key);
      if (line.inFlight || line.waiting.peek() !== job) return false;
    }
    return true;
  };

  const offerHead = (line: KeyLine): void => {
    const head = line.waiting.peek();
    if (head && head.flag !== QUEUED_READY && isReady(head)) {
      head.flag = QUEUED_READY;
      ready.push(head);
    }
  };

  const dispatch = (): void => {
    while (ready.size > 0 && free.anyFree) {
      const job = ready.pop()!;
      for (const key of host.keysOf(job)) {
        const line = lineOf(key);
        line.waiting.shift();
        line.inFlight = true;
      }
      host.start(job, free.take());
    }
  };

  return {
    initialWorkers: workers,
    arrive(job) {
      for (const key of host.keysOf(job)) lineOf(key).waiting.push(job);
      if (isReady(job)) {
        job.flag = QUEUED_READY;
        ready.push(job);
      }
      dispatch();
    },
    finish(job) {
      free.release(job.worker);
      const keys = host.keysOf(job);
      for (const key of keys) lineOf(key).inFlight = false;
      for (const key of keys) offerHead(lineOf(key));
      dispatch();
    },
    timer() {},
  };
}
