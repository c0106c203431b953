import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { barsIn, timelineModel } from './timelineOracle';
import { TimelineIndex } from '../../../../renderer/lib/timeline/timelineWindow';
import { parseScenario, runScenario } from '../../../../src/engine';

/** A sample with retries, dead letters and downtime, run with traces. */
function sample(name: string) {
  const parsed = parseScenario(readFileSync(new URL(`../../../../samples/scenarios/${name}.json`, import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('\n'));
  const result = runScenario(parsed.scenario, { trace: true });
  return result.traces.map((trace) => ({ trace, consumers: parsed.scenario.runs.find((r) => r.name === trace.run)?.consumers ?? [] }));
}

describe('TimelineIndex', () => {
  const runs = [...sample('flash-sale'), ...sample('decoupled-uptime')];

  it('gives every window the same bars as the whole model does, and the same lanes, downtime and end', () => {
    for (const { trace, consumers } of runs) {
      const model = timelineModel(trace, consumers);
      const index = new TimelineIndex(trace, consumers);
      expect(index.frame).toEqual({ lanes: model.lanes, downtime: model.downtime, start: 0, end: model.end, clock: 'virtual' });
      fc.assert(
        fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, b) => {
          const range = { from: Math.min(a, b) * model.end, to: Math.max(a, b) * model.end };
          const expected = barsIn(model.bars, range, Number.MAX_SAFE_INTEGER);
          const window = index.window(range, Number.MAX_SAFE_INTEGER);
          expect(window.total).toBe(expected.length);
          const byKey = (x: { key: string }, y: { key: string }) => x.key.localeCompare(y.key);
          expect([...window.bars].sort(byKey)).toEqual([...expected].sort(byKey));
        }),
        { seed: 11, numRuns: 60 },
      );
    }
  });

  it('past maxBars draws no bar but every lane\'s activity, counting every bar in view', () => {
    const { trace, consumers } = runs[0];
    const index = new TimelineIndex(trace, consumers);
    const all = index.window({ from: 0, to: index.frame.end }, Number.MAX_SAFE_INTEGER);
    const over = index.window({ from: 0, to: index.frame.end }, 10, 50);
    expect(all.total).toBeGreaterThan(20);
    expect(over.total).toBe(all.total);
    expect(over.bars).toEqual([]);
    const activity = over.activity!;
    expect(activity.buckets).toBe(50);
    // every bar starting in the range is counted once, in its lane
    expect(activity.count.reduce((a, b) => a + b, 0)).toBe(all.bars.filter((b) => b.start >= 0).length);
  });
});
