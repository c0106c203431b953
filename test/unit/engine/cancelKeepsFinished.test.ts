import { describe, expect, it } from 'vitest';
import { RunCancelled, type RunProgress } from '../../../src/engine/api';
import { runScenario } from '../../../src/engine/run';
import { orders, restock, scenario } from './sim/scenarios';

/** Two runs of 20,060 arrivals each (the engine checks Cancel every 4,096 steps). */
const batch = scenario({
  seed: 3,
  setup: restock(40),
  commands: [{ ...orders(60, 3), jitterMs: 5 }, { repeat: 20_000, every: 1, template: { type: 'RestockItem', data: { sku: 'tee', qty: 1 } } }],
  runs: [
    { name: 'one queue', scheduler: { kind: 'serial' }, serviceMs: { dist: 'exponential', mean: 2 } },
    { name: 'pool of 4', scheduler: { kind: 'pool', workers: 4 }, serviceMs: 1 },
  ],
});

/** Runs `batch`, cancelling once `when` is true of the progress; answers what was thrown. */
function cancelled(when: (p: RunProgress) => boolean): RunCancelled {
  let stop = false;
  try {
    runScenario(batch, { onProgress: (p) => (stop ||= when(p)), isCancelled: () => stop });
  } catch (e) {
    if (e instanceof RunCancelled) return e;
    throw e;
  }
  throw new Error('the run was not cancelled');
}

describe('cancelling a batch of runs', () => {
  it('keeps the runs that finished, exactly as a run of only those runs gives them', () => {
    const e = cancelled((p) => p.run === 'pool of 4');
    expect(e.during).toBe('pool of 4');
    const alone = runScenario(batch, { runs: ['one queue'] });
    expect(JSON.stringify(e.finished?.report)).toBe(JSON.stringify(alone.report));
    expect(e.finished?.traces).toEqual(alone.traces);
  });

  it('keeps nothing when the first run is stopped', () => {
    const e = cancelled(() => true);
    expect(e.during).toBe('one queue');
    expect(e.finished?.report.runs).toEqual([]);
    expect(e.finished?.traces).toEqual([]);
  });

  it('stops before the next run starts when Cancel came as a run was building its report', () => {
    const e = cancelled((p) => p.run === 'one queue' && p.phase === 'report');
    expect(e.during).toBe('pool of 4');
    expect(e.finished?.report.runs.map((r) => r.name)).toEqual(['one queue']);
  });

  it('a batch nobody cancels is the same with or without the check', () => {
    const checked = runScenario(batch, { trace: false, isCancelled: () => false });
    expect(JSON.stringify(checked.report)).toBe(JSON.stringify(runScenario(batch, { trace: false }).report));
  });
});
