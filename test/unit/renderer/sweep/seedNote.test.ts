/** A sweep over seeds says so when its run draws nothing from the seed (the flash sale's fixed arrivals), and says nothing when some point does. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planSweepJobs } from '../../../../renderer/lib/sweep/sweepCore';
import { seedNote } from '../../../../renderer/lib/sweep/seedNote';

const file = JSON.parse(readFileSync(new URL('../../../../samples/scenarios/flash-sale.json', import.meta.url), 'utf8'));
const plan = (f: unknown, path: string, values: number[], seeds?: number[]) => {
  const p = planSweepJobs(f, '8 workers', [{ path, values }], seeds);
  if (!p.ok) throw new Error(JSON.stringify(p.errors));
  return p.sweep;
};

describe("what a sweep says of its seeds", () => {
  it('averaged over seeds of a run that draws nothing from them: every seed gives the same numbers, and why', () => {
    expect(seedNote(plan(file, 'scheduler.workers', [1, 2], [1, 2, 3]))).toBe(
      'Each of the 3 seeds gives the same numbers: nothing in “8 workers” draws on the seed — arrival times are fixed (no repeat jitter), the service time is constant and no consumer\'s latency, failures or duplicates are random.',
    );
    expect(seedNote(plan(file, 'seed', [1, 2, 3]))).toMatch(/^The seed changes nothing here: nothing in “8 workers” draws on the seed/);
  });

  it('nothing when one seed is used, or when some point draws on the seed (a failure rate swept past 0)', () => {
    expect(seedNote(plan(file, 'scheduler.workers', [1, 2]))).toBeUndefined();
    const notifier = structuredClone(file);
    notifier.runs[1].consumers = [{ name: 'state', interpreter: 'state-store' }, { name: 'notifier', interpreter: 'notifier' }];
    expect(seedNote(plan(notifier, 'consumers[1].failureRate', [0, 0.5], [1, 2]))).toBeUndefined();
    expect(seedNote(plan(notifier, 'consumers[1].failureRate', [0, 1], [1, 2]))).toBeDefined();
    const jitter = structuredClone(file);
    jitter.commands[0].jitterMs = 2;
    expect(seedNote(plan(jitter, 'scheduler.workers', [1, 2], [1, 2]))).toBeUndefined();
  });
});
