import { describe, expect, it } from 'vitest';
import type { JobResult, SweepJob } from '../../../../renderer/lib/sweep/sweepCore';
import { poolSize, runOnPool, SweepCancelled, type SweepJobMessage, type SweepJobReply, type WorkerLike } from '../../../../renderer/lib/sweep/workerPool';

const jobs = (n: number): SweepJob[] => Array.from({ length: n }, (_, index) => ({ index, point: index, run: 'r', scenario: {} as never }));
const result = (n: number): JobResult => ({ metrics: { accepted: n } as never, rejections: {}, violations: n });

/** A fake worker whose jobs the test finishes by hand. */
class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<SweepJobReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  inbox: SweepJobMessage[] = [];
  terminated = false;
  postMessage(message: SweepJobMessage): void {
    this.inbox.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  finish(reply?: SweepJobReply): void {
    const job = this.inbox.shift()!.job;
    this.onmessage!({ data: reply ?? { index: job.index, result: result(job.index * 10) } } as MessageEvent<SweepJobReply>);
  }
}

describe('sweep worker pool', () => {
  it('sizes the pool by cores, at most 4, never more than the jobs', () => {
    expect([poolSize(2, 10), poolSize(16, 10), poolSize(undefined, 10), poolSize(8, 3), poolSize(8, 0)]).toEqual([2, 4, 1, 3, 1]);
  });

  it('keeps every worker busy and returns the results by job index', async () => {
    const workers: FakeWorker[] = [];
    const heard: number[] = [];
    const run = runOnPool(jobs(5), 2, () => (workers.push(new FakeWorker()), workers.at(-1)!), (i) => heard.push(i));
    expect(workers.map((w) => w.inbox.map((m) => m.job.index))).toEqual([[0], [1]]);
    workers[1].finish();
    expect(workers[1].inbox.map((m) => m.job.index)).toEqual([2]);
    workers[0].finish();
    workers[1].finish();
    workers[0].finish();
    workers[1].finish();
    const results = await run.done;
    expect(results.map((r) => r.violations)).toEqual([0, 10, 20, 30, 40]);
    expect(heard).toEqual([1, 0, 2, 3, 4]);
    expect(workers.every((w) => w.terminated)).toBe(true);
  });

  it('cancel terminates every worker and rejects; a job error rejects with its message', async () => {
    const workers: FakeWorker[] = [];
    const run = runOnPool(jobs(3), 3, () => (workers.push(new FakeWorker()), workers.at(-1)!), () => undefined);
    run.cancel();
    await expect(run.done).rejects.toBeInstanceOf(SweepCancelled);
    expect(workers.every((w) => w.terminated)).toBe(true);

    const failing: FakeWorker[] = [];
    const bad = runOnPool(jobs(2), 1, () => (failing.push(new FakeWorker()), failing.at(-1)!), () => undefined);
    failing[0].finish({ index: 0, error: 'boom' });
    await expect(bad.done).rejects.toThrow('boom');
  });
});
