import { describe, expect, it } from 'vitest';
import { RunCancelled } from '../../../../src/engine/api';
import { runScenario } from '../../../../src/engine/run';
import { orders, restock, scenario } from '../sim/scenarios';

const noisy = (seed: number) =>
  scenario({
    seed,
    setup: restock(40),
    commands: [{ ...orders(60, 3), jitterMs: 5 }],
    runs: [
      { name: 'random service', scheduler: { kind: 'pool', workers: 4 }, serviceMs: { dist: 'exponential', mean: 8 }, consumers: [{ name: 'state', interpreter: 'state-store', latencyMs: { dist: 'uniform', min: 0, max: 6 } }, { name: 'audit', interpreter: 'audit-log', failureRate: 0.3, retry: { max: 2, backoffMs: 3 } }] },
      { name: 'fixed', scheduler: { kind: 'serial' }, serviceMs: 2 },
    ],
  });

describe('determinism', () => {
  it('the same scenario gives a byte-identical report twice', () => {
    const a = JSON.stringify(runScenario(noisy(7), { trace: false }).report);
    const b = JSON.stringify(runScenario(noisy(7), { trace: true }).report);
    expect(a).toBe(b);
  });

  it('another seed changes only what randomness drives', () => {
    const a = runScenario(noisy(7), { trace: false }).report;
    const b = runScenario(noisy(8), { trace: false }).report;
    expect(a.runs[0].metrics.makespanMs).not.toBe(b.runs[0].metrics.makespanMs);
    // Without jitter or random durations, a run does not depend on the seed at all.
    const plain = (seed: number) => scenario({ seed, setup: restock(40), commands: [orders(60, 3)], runs: [{ name: 'p', scheduler: { kind: 'pool', workers: 4 }, serviceMs: 7 }] });
    expect(JSON.stringify(runScenario(plain(1)).report.runs)).toBe(JSON.stringify(runScenario(plain(99)).report.runs));
  });

  it('runs only the named runs, in that order; an unknown name is an error', () => {
    const result = runScenario(noisy(7), { runs: ['fixed'] });
    expect(result.report.runs.map((r) => r.name)).toEqual(['fixed']);
    expect(result.traces).toHaveLength(1);
    expect(() => runScenario(noisy(7), { runs: ['nope'] })).toThrow(/no run named "nope"/);
  });

  it('reports progress and can be cancelled', () => {
    const big = scenario({ commands: [{ repeat: 20000, every: 1, template: { type: 'RestockItem', data: { sku: 'tee', qty: 1 } } }] });
    const seen: number[] = [];
    runScenario(big, { trace: false, onProgress: (p) => seen.push(p.done) });
    expect(seen.length).toBeGreaterThan(2);
    expect(seen[seen.length - 1]).toBe(20000);
    let polls = 0;
    expect(() => runScenario(big, { trace: false, isCancelled: () => ++polls > 2 })).toThrow(RunCancelled);
  });

  it('trace off records nothing per event', () => {
    const { traces } = runScenario(noisy(7), { trace: false });
    expect(traces[0]).toMatchObject({ decisions: [], log: [], attempts: [], history: [], queueDepth: [], workers: [] });
  });
});
