/**
 * `single-writer`: any free worker, but at most one job in flight per partition key; a job
 * holds every key it names (a place holds its stock's key and its order's, a batch all its
 * items' keys), so no two decisions in flight touch one aggregate. Jobs of one key keep their
 * arrival order: a job is ready when it heads the waiting line of each of its keys and none of
 * them is in flight; ready jobs go to free workers in arrival order. Just before a job starts,
 * its keys are computed again against the state it is about to read: a key it did not hold
 * (the stock of an order placed while the job waited) is queued for in arrival order, and the
 * job starts only once it holds that key too. O(log n) per step, however long a line grows.
 */
import type { Job } from '../sim/job';
import type { SchedulerConfig } from '../types';
import { FreeWorkers } from './freeWorkers';
import { JobHeap } from './jobHeap';
import type { Scheduler, SchedulerHost } from './scheduler';

interface KeyLine {
  inFlight: boolean;
  /** The jobs waiting for the key, by arrival (a job that learns of the key late still takes its place). */
  readonly waiting: JobHeap;
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
    if (!line) lines.set(key, (line = { inFlight: false, waiting: new JobHeap() }));
    return line;
  };

  const isReady = (job: Job): boolean => {
    for (const key of host.keysOf(job)) {
      const line = lineOf(key);
      if (line.inFlight || line.waiting.peek() !== job) return false;
    }
    return true;
  };

  const offer = (job: Job | undefined): void => {
    if (job && job.flag !== QUEUED_READY && isReady(job)) {
      job.flag = QUEUED_READY;
      ready.push(job);
    }
  };

  const dispatch = (): void => {
    while (ready.size > 0 && free.anyFree) {
      const job = ready.pop()!;
      job.flag = 0;
      // a job that learnt of a key late may have taken the head of this one's line since
      if (!isReady(job)) continue;
      const added = host.rekey(job);
      if (added.length > 0) {
        for (const key of added) lineOf(key).waiting.push(job);
        if (!isReady(job)) continue; // offered again when the line of a new key moves
      }
      for (const key of host.keysOf(job)) {
        const line = lineOf(key);
        line.waiting.pop();
        line.inFlight = true;
      }
      host.start(job, free.take());
    }
  };

  return {
    initialWorkers: workers,
    arrive(job) {
      for (const key of host.keysOf(job)) lineOf(key).waiting.push(job);
      offer(job);
      dispatch();
    },
    finish(job) {
      free.release(job.worker);
      const keys = host.keysOf(job);
      for (const key of keys) lineOf(key).inFlight = false;
      for (const key of keys) {
        const line = lineOf(key);
        if (line.waiting.size > 0) offer(line.waiting.peek());
        else lines.delete(key); // an order's key is held once or twice: keep no line for millions of them
      }
      dispatch();
    },
    timer() {},
  };
}
