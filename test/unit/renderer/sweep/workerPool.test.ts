import { describe, expect, it } from 'vitest';
import type { JobResult, SweepJob } from '../../../../renderer/lib/sweep/sweepCore';
import { poolSize, runOnPool, SweepCancelled, type JobRunner } from '../../../../renderer/lib/sweep/workerPool';

const jobs = (n: number): SweepJob[] => Array.from({ length: n }, (_, index) => ({ index, point: index, run: 'r', scenario: {} as never }));
const result = (n: number): JobResult => ({ metrics: { accepted: n } as never, rejections: {}, violations: n, oversold: 0 });

/** A fake runner whose jobs the test finishes by hand. */
class FakeRunner implements JobRunner {
  inbox: { job: SweepJob; resolve: (r: JobResult) => void; reject: (e: Error) => void }[] = [];
  terminated = false;
  run(job: SweepJob): Promise<JobResult> {
    return new Promise((resolve, reject) => this.inbox.push({ job, resolve, reject }));
  }
  terminate(): void {
    this.terminated = true;
  }
  /** Finishes the oldest job (or fails it with `error`); resolves once the pool has heard it. */
  async finish(error?: string): Promise<void> {
    const { job, resolve, reject } = this.inbox.shift()!;
    if (error) reject(new Error(error));
    else resolve(result(job.index * 10));
    await new Promise((r) => setTimeout(r, 0));
  }
}

describe('sweep worker pool', () => {
  it('sizes the pool by cores, at most 4, never more than the jobs', () => {
    expect([poolSize(2, 10), poolSize(16, 10), poolSize(undefined, 10), poolSize(8, 3), poolSize(8, 0)]).toEqual([2, 4, 1, 3, 1]);
  });

  it('keeps every worker busy and returns the results by job index', async () => {
    const workers: FakeRunner[] = [];
    const heard: number[] = [];
    const run = runOnPool(jobs(5), 2, () => (workers.push(new FakeRunner()), workers.at(-1)!), (i) => heard.push(i));
    expect(workers.map((w) => w.inbox.map((m) => m.job.index))).toEqual([[0], [1]]);
    await workers[1].finish();
    expect(workers[1].inbox.map((m) => m.job.index)).toEqual([2]);
    await workers[0].finish();
    await workers[1].finish();
    await workers[0].finish();
    await workers[1].finish();
    const results = await run.done;
    expect(results.map((r) => r.violations)).toEqual([0, 10, 20, 30, 40]);
    expect(heard).toEqual([1, 0, 2, 3, 4]);
    expect(workers.every((w) => w.terminated)).toBe(true);
  });

  it('cancel terminates every worker and rejects; a job error rejects with its message', async () => {
    const workers: FakeRunner[] = [];
    const run = runOnPool(jobs(3), 3, () => (workers.push(new FakeRunner()), workers.at(-1)!), () => undefined);
    run.cancel();
    await expect(run.done).rejects.toBeInstanceOf(SweepCancelled);
    expect(workers.every((w) => w.terminated)).toBe(true);

    const failing: FakeRunner[] = [];
    const bad = runOnPool(jobs(2), 1, () => (failing.push(new FakeRunner()), failing.at(-1)!), () => undefined);
    const failed = expect(bad.done).rejects.toThrow('boom');
    await failing[0].finish('boom');
    await failed;
  });
});
