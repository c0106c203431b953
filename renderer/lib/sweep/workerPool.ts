/**
 * Runs sweep jobs on a few Web Workers at once: each worker takes the next job when it is
 * done with one; results arrive by job index. Cancel terminates every worker (a run in a
 * worker cannot read messages while it works). Worker creation is injected, so this is plain
 * TypeScript that tests drive with fake workers.
 */
import type { JobResult, SweepJob } from './sweepCore';

/** What the pool posts to a worker. */
export interface SweepJobMessage {
  readonly job: SweepJob;
}

/** What a worker posts back for a job. */
export type SweepJobReply = { readonly index: number; readonly result: JobResult } | { readonly index: number; readonly error: string };

/** The part of a Web Worker the pool uses. */
export interface WorkerLike {
  onmessage: ((event: MessageEvent<SweepJobReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: SweepJobMessage): void;
  terminate(): void;
}

/** How many workers to use: one per core, at most `cap` (4), at least 1, never more than the jobs. */
export const poolSize = (cores: number | undefined, jobs: number, cap = 4): number => Math.max(1, Math.min(cap, cores && cores > 0 ? cores : 1, jobs));

/** Thrown (rejected) when the sweep was cancelled. */
export class SweepCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

/** A running sweep: its promise (all results, by job index) and Cancel. */
export interface PoolRun {
  readonly done: Promise<JobResult[]>;
  cancel(): void;
}

/** Runs `jobs` on `size` workers made by `makeWorker`; `onResult` hears each result as it arrives. */
export function runOnPool(jobs: readonly SweepJob[], size: number, makeWorker: () => WorkerLike, onResult: (index: number, result: JobResult) => void): PoolRun {
  const results: JobResult[] = new Array(jobs.length);
  const workers: WorkerLike[] = [];
  let next = 0;
  let finished = 0;
  let settled = false;
  let resolve!: (r: JobResult[]) => void;
  let reject!: (e: Error) => void;
  const done = new Promise<JobResult[]>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  const stop = (): void => {
    settled = true;
    for (const w of workers) w.terminate();
  };
  const fail = (error: Error): void => {
    if (settled) return;
    stop();
    reject(error);
  };
  const feed = (worker: WorkerLike): void => {
    if (next < jobs.length) worker.postMessage({ job: jobs[next++] });
  };
  if (jobs.length === 0) resolve([]);
  for (let i = 0; i < Math.min(size, jobs.length); i++) {
    const worker = makeWorker();
    workers.push(worker);
    worker.onmessage = (event) => {
      if (settled) return;
      const reply = event.data;
      if ('error' in reply) return fail(new Error(reply.error));
      results[reply.index] = reply.result;
      finished++;
      onResult(reply.index, reply.result);
      if (finished === jobs.length) {
        stop();
        resolve(results);
      } else feed(worker);
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      fail(new Error(event.message || 'a sweep worker failed'));
    };
    feed(worker);
  }
  return { done, cancel: () => fail(new SweepCancelled()) };
}
