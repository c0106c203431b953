import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../../src/engine/random';
import { SampleSeries } from '../../../../src/engine/sim/samples';
import { orders, restock, runOne } from './scenarios';

const recorded = (steps: readonly (readonly [number, number])[]) => {
  const series = new SampleSeries();
  for (const [t, value] of steps) series.record(t, value);
  return series.samples;
};

describe('SampleSeries', () => {
  it('keeps one sample per change, none for a value that did not change', () => {
    expect(recorded([[0, 1], [5, 1], [7, 2], [9, 0]])).toEqual([{ t: 0, value: 1 }, { t: 7, value: 2 }, { t: 9, value: 0 }]);
  });

  it('keeps the value an instant settled on', () => {
    expect(recorded([[0, 0], [4, 1], [4, 0], [4, 1]])).toEqual([{ t: 0, value: 0 }, { t: 4, value: 1 }]);
    expect(recorded([[0, 3], [4, 2], [4, 1]])).toEqual([{ t: 0, value: 3 }, { t: 4, value: 1 }]);
  });

  it('keeps a peak that rose and fell within one instant, before the settled value', () => {
    expect(recorded([[0, 0], [4, 1], [4, 2], [4, 3], [4, 2], [4, 1], [4, 0]])).toEqual([{ t: 0, value: 0 }, { t: 4, value: 3 }, { t: 4, value: 0 }]);
    expect(recorded([[0, 1], [0, 2], [0, 1]])).toEqual([{ t: 0, value: 2 }, { t: 0, value: 1 }]);
    expect(recorded([[0, 1], [4, 3], [4, 2]])).toEqual([{ t: 0, value: 1 }, { t: 4, value: 3 }, { t: 4, value: 2 }]);
  });

  it('drops a dip within an instant (only maxima are counted)', () => {
    expect(recorded([[0, 2], [4, 1], [4, 2]])).toEqual([{ t: 0, value: 2 }]);
  });

  it('lets the queue-depth series of a run reach the max depth its report counts, even one that lasted no time', () => {
    // four orders arrive at 0 and four idle workers take each the instant it arrives: a depth of 1 that lasts no time
    const { report, trace } = runOne({ setup: restock(10), commands: [orders(4, 0)], runs: [{ name: 'pool', scheduler: { kind: 'pool', workers: 4 }, serviceMs: 10 }] });
    expect(report.metrics.maxQueueDepth).toBe(1);
    expect(trace.queueDepth).toEqual([{ t: 0, value: 1 }, { t: 0, value: 0 }]);
  });
});

/** The rule written plainly (the oracle): per instant, the peak when it rose above both the value before and the settled value, then the settled value when it differs from the value before. */
function oracle(steps: readonly (readonly [number, number])[]): { t: number; value: number }[] {
  const out: { t: number; value: number }[] = [];
  let i = 0;
  while (i < steps.length) {
    const t = steps[i][0];
    const before = out.length > 0 ? out[out.length - 1].value : undefined;
    let peak = -Infinity;
    let settled = 0;
    for (; i < steps.length && steps[i][0] === t; i++) {
      peak = Math.max(peak, steps[i][1]);
      settled = steps[i][1];
    }
    const above = before === undefined ? settled : Math.max(before, settled);
    if (peak > above) out.push({ t, value: peak });
    if (peak > above || settled !== before) out.push({ t, value: settled });
  }
  return out;
}

describe('SampleSeries against the plain rule', () => {
  it('agrees on generated series (fixed seed), same-instant bursts included', () => {
    const random = seededRandom(18, 3);
    for (let round = 0; round < 500; round++) {
      const steps: [number, number][] = [];
      let t = 0;
      for (let k = random.int(0, 30); k > 0; k--) {
        if (random.int(0, 2) === 0) t += random.int(1, 5);
        steps.push([t, random.int(0, 4)]);
      }
      expect(recorded(steps)).toEqual(oracle(steps));
    }
  });
});
