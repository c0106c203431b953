import { describe, expect, it } from 'vitest';
import { runFacts, thinSamples } from '../../../../renderer/lib/reader/runCharts';
import type { DecisionRecord, Trace } from '../../../../src/engine/types';

/** A trace of `n` accepted decisions, one per millisecond, each 1 ms long but the one at `spikeAt`, which takes `spike` ms. */
function traceWithSpike(n: number, spikeAt: number, spike: number): Trace {
  const decisions: DecisionRecord[] = Array.from({ length: n }, (_, i) => ({
    inputId: `c${i}`,
    kind: 'command',
    commandIds: [`c${i}`],
    type: 'Do',
    worker: 0,
    arrivedAt: i,
    startedAt: i,
    endedAt: i + (i === spikeAt ? spike : 1),
    stateVersion: 0,
    lag: 0,
    stale: false,
    accepted: true,
    rejections: [],
    eventSeqs: [],
  }));
  return { run: 'r', decisions, log: [], attempts: [], history: [], queueDepth: [], workers: [], consumerQueueDepth: {}, deadLetters: {}, outputs: {} };
}

describe('thinSamples', () => {
  it('leaves a short series as it is', () => {
    const points = [{ t: 0, value: 1 }, { t: 1, value: 2 }];
    expect(thinSamples(points, 10)).toBe(points);
  });

  it('thins a long series to about max samples, keeping the last sample and each stretch peak', () => {
    const points = Array.from({ length: 1001 }, (_, i) => ({ t: i, value: i === 500 ? 9999 : i % 7 }));
    const out = thinSamples(points, 100);
    expect(out.length).toBeLessThanOrEqual(100);
    expect(out[out.length - 1]).toEqual({ t: 1000, value: 1000 % 7 });
    expect(Math.max(...out.map((p) => p.value))).toBe(9999);
  });
});

describe('runFacts', () => {
  it('keeps a latency spike among more than 4,000 decisions in the thinned latency series', () => {
    // 10,001 decisions thinned to 4,000 points: a stretch is 3 decisions; the spike at 4,321 is not a stretch's first.
    const facts = runFacts(traceWithSpike(10_001, 4321, 500), 4000);
    expect(facts.decisions).toBe(10_001);
    expect(facts.latency.length).toBeLessThanOrEqual(4000);
    expect(Math.max(...facts.latency.map((p) => p.value))).toBe(500);
  });
});
