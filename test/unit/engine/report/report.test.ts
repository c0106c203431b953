import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../../src/engine/report/canonicalJson';
import { compareRuns, diffLeaves } from '../../../../src/engine/report/compareRuns';
import { stateAt, aggregateBefore } from '../../../../src/engine/report/stateAt';
import { StateCursor } from '../../../../src/engine/report/stateCursor';
import { stateHash } from '../../../../src/engine/report/stateHash';
import type { RunReport } from '../../../../src/engine/types';
import { flashSale, run } from '../sim/scenarios';

describe('canonical JSON and stateHash', () => {
  it('sorts keys at every depth, without whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: null }], c: 'x' } })).toBe('{"a":{"c":"x","d":[1,{"y":null,"z":1}]},"b":1}');
  });

  it('hashes with SHA-256 hex, independent of key order', () => {
    expect(stateHash({})).toBe('44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a');
    expect(stateHash({ a: 1, b: 2 })).toBe(stateHash({ b: 2, a: 1 }));
    expect(stateHash({ a: 1 })).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('compareRuns', () => {
  const report = (name: string, finalState: Record<string, unknown>) => ({ name, finalState }) as unknown as RunReport;

  it('lists changed leaves with stream-first paths, absent as null', () => {
    const a = report('a', { 'stock:tee@main': { sku: 'tee', stock: 0 }, 'order:o1': { status: 'placed' } });
    const b = report('b', { 'stock:tee@main': { sku: 'tee', stock: -4 }, 'order:o2': { status: 'placed' } });
    expect(compareRuns([a, b, a])).toEqual([
      {
        a: 'a',
        b: 'b',
        sameFinalState: false,
        differences: [
          { path: ['order:o1', 'status'], a: 'placed', b: null },
          { path: ['order:o2', 'status'], a: null, b: 'placed' },
          { path: ['stock:tee@main', 'stock'], a: 0, b: -4 },
        ],
      },
      { a: 'a', b: 'a', sameFinalState: true, differences: [] },
    ]);
  });

  it('diffs arrays by index', () => {
    expect(diffLeaves({ g: ['x', 'y'] }, { g: ['x'] })).toEqual([{ path: ['g', '1'], a: 'y', b: null }]);
  });

  it('compares the flash sale runs: pool oversold', () => {
    const result = run(flashSale([{ name: 'serial', serviceMs: 10 }, { name: 'pool', scheduler: { kind: 'pool', workers: 8 }, serviceMs: 10 }]), false);
    const [comparison] = compareRuns(result.report.runs);
    expect(comparison.sameFinalState).toBe(false);
    expect(comparison.differences).toContainEqual({ path: ['stock:tee@main', 'stock'], a: 0, b: -4 });
  });
});

describe('trace history', () => {
  const result = run(flashSale([{ name: 'pool', scheduler: { kind: 'pool', workers: 8 }, serviceMs: 10 }]));
  const trace = result.traces[0];
  const report = result.report.runs[0];

  it('has one step per state-store enactment, setup included, linking each stream\'s previous step', () => {
    expect(trace.history).toHaveLength(report.metrics.events + 1);
    expect(trace.history[0]).toMatchObject({ step: 0, eventSeq: 1, t: 0, stream: 'stock:tee@main', prevStep: -1, after: { stock: 100 } });
    const second = trace.history.find((h) => h.step > 0 && h.stream === 'stock:tee@main')!;
    expect(second.prevStep).toBe(0);
    expect(aggregateBefore(trace, second.step)).toEqual(trace.history[0].after);
  });

  it('stateAt rebuilds the final state at the last step and the setup state at step 0', () => {
    expect(stateAt(trace, trace.history.length - 1)).toEqual(report.finalState);
    expect(stateAt(trace, 0)).toEqual({ 'stock:tee@main': { sku: 'tee', warehouse: 'main', stock: 100 } });
    expect(stateAt(trace, -1)).toEqual({});
  });

  it('marks the step where an invariant broke', () => {
    const broken = trace.history.filter((h) => h.violations);
    expect(broken).toHaveLength(1);
    expect(broken[0]).toMatchObject({ eventSeq: report.violations[0].eventSeq, t: report.violations[0].atMs, violations: ['stock-non-negative'] });
  });

  it('keeps the log with seq, ids, stream, causation and correlation', () => {
    expect(trace.log[1]).toMatchObject({ seq: 2, id: 'c1.1', type: 'OrderPlaced', stream: 'order:o-1', causationId: 'c1', correlationId: 'c1', at: 0, appendedAt: 10 });
  });
});

describe('StateCursor', () => {
  it('agrees with stateAt at every step, moving forward and backward in any order', () => {
    const trace = run(flashSale([{ name: 'pool', scheduler: { kind: 'pool', workers: 8 }, serviceMs: 10 }])).traces[0];
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1, max: trace.history.length + 2 }), { maxLength: 12 }), (steps) => {
        const cursor = new StateCursor(trace);
        for (const step of steps) expect(cursor.moveTo(step).snapshot()).toEqual(stateAt(trace, step));
      }),
      { seed: 42, numRuns: 50 },
    );
  });
});
