/**
 * Chart data for overlaid runs: queue depth (a step function per run) and command latency
 * (per decision, at its arrival), aligned on one shared x axis as uPlot wants it. Pure.
 */
import type { Sample, Trace } from '../../../src/engine/types';

/** Aligned series: x values, then one y array per run (null where a run has no point). */
export type AlignedData = [number[], ...(number | null)[][]];

/** Points of one run's series. */
export type Points = readonly Sample[];

/** Queue depth over time of a trace. */
export const queueDepthPoints = (trace: Trace): Points => trace.queueDepth;

/** Command latency (end of decision − arrival) at each decision's arrival time, in time order. */
export function latencyPoints(trace: Trace): Points {
  return trace.decisions.map((d) => ({ t: d.arrivedAt, value: d.endedAt - d.arrivedAt })).sort((a, b) => a.t - b.t);
}

/**
 * Merges runs' points on one x axis, null where a run has no point; points at the same x keep
 * the last value. (Step series, such as queue depth, align with alignSteps in ../metrics/chartData.)
 */
export function alignSeries(series: readonly Points[]): AlignedData {
  const xs = [...new Set(series.flatMap((s) => s.map((p) => p.t)))].sort((a, b) => a - b);
  const index = new Map(xs.map((x, i) => [x, i]));
  const ys = series.map((s) => {
    const y: (number | null)[] = new Array(xs.length).fill(null);
    for (const p of s) y[index.get(p.t)!] = p.value;
    return y;
  });
  return [xs, ...ys];
}

/** The colors runs are drawn in, in order (the first is the baseline). */
export const RUN_COLORS = ['#5aa9ff', '#f2716b', '#4cc38a', '#e6b450', '#b18cff', '#4fc7d6', '#ff9bd2', '#c0c8d4'] as const;

/** A run's color by index. */
export const runColor = (i: number): string => RUN_COLORS[i % RUN_COLORS.length];
