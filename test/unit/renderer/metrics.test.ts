import { describe, expect, it } from 'vitest';
import { alignSteps, countAxis, countAxisTop, latencyHistogram, yMaxOf } from '../../../renderer/lib/metrics/chartData';
import { metricRows } from '../../../renderer/lib/metrics/metricRows';
import type { RunReport } from '../../../src/engine/types';

describe('chartData', () => {
  it('extends step series to the end time so constant series draw as lines', () => {
    expect(alignSteps([[{ t: 0, value: 8 }]], 2000, 50)).toEqual([[0, 50], [8, 8]]);
  });

  it('aligns step series on one axis, holding the last value', () => {
    expect(alignSteps([[{ t: 0, value: 1 }, { t: 10, value: 3 }], [{ t: 5, value: 2 }]])).toEqual([[0, 5, 10], [1, 1, 3], [null, 2, 2]]);
  });

  it('draws a peak within an instant: the instant stands twice on the axis, the peak then the settled value', () => {
    const depth = [{ t: 0, value: 0 }, { t: 5, value: 3 }, { t: 5, value: 1 }, { t: 8, value: 0 }];
    const workers = [{ t: 0, value: 2 }, { t: 5, value: 4 }];
    expect(alignSteps([depth, workers], 2000, 10)).toEqual([[0, 5, 5, 8, 10], [0, 3, 1, 0, 0], [2, 4, 4, 4, 4]]);
    expect(yMaxOf(alignSteps([depth], 3))).toBe(3);
  });

  it('thins long series but keeps their peaks', () => {
    const s = Array.from({ length: 10_000 }, (_, t) => ({ t, value: t === 5_000 ? 99 : 1 }));
    const [xs, ys] = alignSteps([s], 100);
    expect(xs).toHaveLength(100);
    expect(Math.max(...(ys as number[]))).toBe(99);
  });

  it('scales a count axis to the data with whole-number headroom, never 0–100 for a depth of 1', () => {
    expect(countAxisTop(0)).toBe(1);
    expect(countAxisTop(1)).toBe(2);
    expect(countAxisTop(2)).toBe(3);
    expect(countAxisTop(4)).toBe(5);
    expect(countAxisTop(40)).toBe(50);
    expect(countAxisTop(100)).toBe(125);
    expect(countAxisTop(199_999)).toBe(250_000);
    expect(yMaxOf(alignSteps([[{ t: 0, value: 0 }, { t: 5, value: 1 }, { t: 6, value: 0 }]], 2000, 10))).toBe(1);
    expect(yMaxOf([[0, 1], [null, null]])).toBe(0);
  });

  it('gives a count axis its data max and top once, reaching a maximum the data does not hold', () => {
    const data = alignSteps([[{ t: 0, value: 0 }, { t: 5, value: 4 }, { t: 6, value: 0 }]], 2000, 10);
    expect(countAxis(data)).toEqual({ max: 4, top: 5 });
    expect(countAxis(data, 9)).toEqual({ max: 4, top: 10 });
    expect(countAxis(data, 2)).toEqual({ max: 4, top: 5 });
    expect(countAxis([[]])).toEqual({ max: 0, top: 1 });
  });

  it('bins latencies of several runs on shared bins', () => {
    const [xs, a, b] = latencyHistogram([[0, 1, 1, 9], [5]], 5);
    expect(xs).toEqual([0, 2, 4, 6, 8]);
    expect(a).toEqual([3, 0, 0, 0, 1]);
    expect(b).toEqual([0, 0, 1, 0, 0]);
  });
});

describe('metricRows', () => {
  it('marks the best and worst run where runs differ', () => {
    const base = { commands: 2, accepted: 2, rejected: 0, events: 2, deliveries: 2, failures: 0, retries: 0, deadLettered: 0, lost: 0, duplicates: 0, makespanMs: 10, commandLatencyMs: { p50: 1, p95: 1, p99: 1, max: 1 }, enactLatencyMs: { p50: 0, p95: 0, p99: 0, max: 0 }, maxQueueDepth: 1, maxWorkers: 1 };
    const run = (name: string, makespanMs: number): RunReport => ({ name, metrics: { ...base, makespanMs }, rejections: {}, violations: [], stateHash: 'abcdef0123456789', finalState: {} });
    const rows = metricRows([run('a', 30), run('b', 10), run('c', 10)]);
    expect(rows.find((r) => r.label === 'Makespan')).toMatchObject({ values: [30, 10, 10], best: [1, 2], worst: [0], unit: 'ms' });
    expect(rows.find((r) => r.label === 'Commands')!.best).toBeUndefined();
  });

  it('reads each metric the way Compare and Rule change do: neither rejections nor accepted marked best (a rejection is the rules at work)', () => {
    const base = { commands: 2, events: 2, deliveries: 2, failures: 0, retries: 0, deadLettered: 0, lost: 0, duplicates: 0, makespanMs: 10, commandLatencyMs: { p50: 1, p95: 1, p99: 1, max: 1 }, enactLatencyMs: { p50: 0, p95: 0, p99: 0, max: 0 }, maxQueueDepth: 1, maxWorkers: 1 };
    const run = (name: string, rejected: number): RunReport => ({ name, metrics: { ...base, accepted: 2 - rejected, rejected }, rejections: {}, violations: [], stateHash: 'abcdef0123456789', finalState: {} });
    const rows = metricRows([run('a', 1), run('b', 0)]);
    expect(rows.find((r) => r.label === 'Rejected')!.best).toBeUndefined();
    expect(rows.find((r) => r.label === 'Accepted')!.best).toBeUndefined();
  });

  it("counts the setup's events beside the commands' events, as the run's log holds both", () => {
    const run = (name: string, events: number): RunReport => ({ name, metrics: { commands: 1, accepted: 1, rejected: 0, events, deliveries: 0, failures: 0, retries: 0, deadLettered: 0, lost: 0, duplicates: 0, makespanMs: 1, commandLatencyMs: { p50: 1, p95: 1, p99: 1, max: 1 }, enactLatencyMs: { p50: 0, p95: 0, p99: 0, max: 0 }, maxQueueDepth: 1, maxWorkers: 1 }, rejections: {}, violations: [], stateHash: 'abcdef0123456789', finalState: {} });
    const events = (logLengths?: number[]) => metricRows([run('a', 30), run('b', 1_200)], logLengths).find((r) => r.label === 'Events')!.values;
    expect(events([31, 1_200])).toEqual(['30 (+1 setup)', 1_200]);
    expect(events([1_230, 3_200])).toEqual(['30 (+1,200 setup)', '1,200 (+2,000 setup)']);
    expect(events()).toEqual([30, 1_200]);
  });
});
