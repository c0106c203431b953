/**
 * Runs sweep jobs on a few Web Workers at once: each worker takes the next job when it is
 * done with one; results arrive by job index. Cancel terminates every worker (a run in a
 * worker cannot read messages while it works). Workers are injected as JobRunners, so this is
 * plain TypeScript that tests drive with fake runners.
 */
import type { JobResult, SweepJob } from './sweepCore';

/** A worker as the pool uses it: runs one job at a time (in the app, an engine worker's `sweepJob`: ../../src/views/sweep/SweepSession.svelte.ts). */
export interface JobRunner {
  run(job: SweepJob): Promise<JobResult>;
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

/** Runs `jobs` on `size` runners made by `makeRunner`; `onResult` hears each result as it arrives. */
export function runOnPool(jobs: readonly SweepJob[], size: number, makeRunner: () => JobRunner, onResult: (index: number, result: JobResult) => void): PoolRun {
  const results: JobResult[] = new Array(jobs.length);
  const runners: JobRunner[] = [];
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
    for (const r of runners) r.terminate();
  };
  const fail = (error: Error): void => {
    if (settled) return;
    stop();
    reject(error);
  };
  const feed = (runner: JobRunner): void => {
    if (settled || next >= jobs.length) return;
    const job = jobs[next++];
    runner.run(job).then(
      (result) => {
        if (settled) return;
        results[job.index] = result;
        finished++;
        onResult(job.index, result);
        if (finished === jobs.length) {
          stop();
          resolve(results);
        } else feed(runner);
      },
      (error: unknown) => fail(error instanceof Error ? error : new Error(String(error))),
    );
  };
  if (jobs.length === 0) resolve([]);
  for (let i = 0; i < Math.min(size, jobs.length); i++) {
    const runner = makeRunner();
    runners.push(runner);
    feed(runner);
  }
  return { done, cancel: () => fail(new SweepCancelled()) };
}
