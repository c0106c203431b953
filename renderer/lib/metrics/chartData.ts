/** Chart data for the Metrics view (uPlot's column format), built from traces. Pure. */
import type { Sample, Trace } from '../../../src/engine/types';

/** uPlot data: x values, then one y column per series (null where a series has no value). */
export type Columns = [number[], ...(number | null)[][]];

/**
 * Aligns several step series (queue depth, workers) on one time axis. An instant where a series
 * has two samples (the peak it reached within that instant, then the value it settled on) stands
 * on the axis twice, so the line rises to the peak and falls back at that x. With more than
 * `maxPoints` x values, the axis is thinned to evenly spaced times and each keeps the maximum of
 * the interval it stands for, so peaks stay visible. `endT` extends the axis to the end of the runs.
 */
export function alignSteps(series: readonly (readonly Sample[])[], maxPoints = 2000, endT?: number): Columns {
  // how many x values each instant takes: the most samples any series has at it
  const slots = new Map<number, number>();
  for (const s of series) {
    for (let i = 0, j = 0; i < s.length; i = j) {
      while (j < s.length && s[j].t === s[i].t) j++;
      slots.set(s[i].t, Math.max(j - i, slots.get(s[i].t) ?? 0));
    }
  }
  const times = [...slots.keys()].sort((a, b) => a - b);
  // Each series holds its last value until the end of the run (else a constant series is a dot).
  if (endT !== undefined && (times.length === 0 || endT > times[times.length - 1])) {
    times.push(endT);
    slots.set(endT, 1);
  }
  const xs = times.flatMap((t) => Array<number>(slots.get(t)!).fill(t));
  if (xs.length <= maxPoints) {
    const ys = series.map((s) => {
      const out: (number | null)[] = [];
      let j = 0;
      let last: number | null = null;
      for (const t of times) {
        const first = j;
        while (j < s.length && s[j].t === t) j++;
        // the instant's samples in order; the slots past them hold the last (the settled value)
        for (let k = 0; k < slots.get(t)!; k++) out.push(j > first ? s[Math.min(first + k, j - 1)].value : last);
        if (j > first) last = s[j - 1].value;
      }
      return out;
    });
    return [xs, ...ys];
  }
  const start = times[0];
  const end = times[times.length - 1];
  const step = (end - start) / (maxPoints - 1);
  const even = Array.from({ length: maxPoints }, (_, i) => start + i * step);
  const ys = series.map((s) => {
    const out: (number | null)[] = even.map(() => null);
    let last: number | null = null;
    let j = 0;
    for (let i = 0; i < even.length; i++) {
      let peak = last;
      while (j < s.length && s[j].t <= even[i]) {
        peak = peak === null ? s[j].value : Math.max(peak, s[j].value);
        last = s[j].value;
        j++;
      }
      out[i] = peak;
    }
    return out;
  });
  return [even, ...ys];
}

/** Every command's latency (ms from arrival to the end of its decision). */
export function commandLatencies(trace: Trace): number[] {
  const out: number[] = [];
  for (const d of trace.decisions) for (let k = 0; k < d.commandIds.length; k++) out.push(d.endedAt - d.arrivedAt);
  return out;
}

/** A histogram of several runs' latencies on shared bins: x = bin start, one count column per run. */
export function latencyHistogram(runs: readonly (readonly number[])[], bins = 30): Columns {
  let max = 0;
  for (const r of runs) for (const v of r) if (v > max) max = v;
  const width = max === 0 ? 1 : Math.max(1, Math.ceil((max + 1) / bins));
  const count = Math.max(1, Math.ceil((max + 1) / width));
  const xs = Array.from({ length: count }, (_, i) => i * width);
  const ys = runs.map((r) => {
    const c = new Array<number>(count).fill(0);
    for (const v of r) c[Math.min(count - 1, Math.floor(v / width))]++;
    return c;
  });
  return [xs, ...ys];
}

/** The largest y value of the columns (0 when there is none). */
export function yMaxOf(data: Columns): number {
  let max = 0;
  for (let k = 1; k < data.length; k++) for (const v of data[k]) if (v !== null && v > max) max = v;
  return max;
}

/** A y axis of counts: the largest value drawn, and the axis' top (see {@link countAxisTop}). */
export interface CountAxis {
  readonly max: number;
  readonly top: number;
}

/** The count axis of `data`, reaching at least `atLeast` (a maximum the data drawn may not hold, such as a report's). */
export function countAxis(data: Columns, atLeast = 0): CountAxis {
  const max = yMaxOf(data);
  return { max, top: countAxisTop(Math.max(atLeast, max)) };
}

/** Whole-number steps for an axis of counts: 1, 2, 5, 10, 20, 25, 50, 100, … (never a tick at 0.5 commands). */
export const COUNT_STEPS: readonly number[] = Array.from({ length: 10 }, (_, e) => [1, 2, 2.5, 5].map((m) => m * 10 ** e)).flat().filter((s) => Number.isInteger(s));

/** Steps of an axis of measures (ms): 1, 2, 2.5 and 5 times a power of ten, from 0.001 up. */
export const VALUE_STEPS: readonly number[] = Array.from({ length: 16 }, (_, e) => [1, 2, 2.5, 5].map((m) => Number((m * 10 ** (e - 3)).toPrecision(12)))).flat();

/** A y axis from 0: the largest value drawn, the axis' top and its ticks (every step from 0 to the top). */
export interface YAxis extends CountAxis {
  readonly ticks: readonly number[];
}

/**
 * The y axis from 0 of values up to `max`: its top a little above `max`, on a whole step of
 * about a quarter of it (one of `steps`: {@link COUNT_STEPS} for counts, {@link VALUE_STEPS}
 * for measures), so the line never runs off the top, sits on the frame nor lies flat at the
 * bottom of a 0–100 scale (counts: max 0 → top 1, 1 → 2, 4 → 5, 40 → 50; measures: 25 → 30).
 */
export function yAxis(max: number, steps: readonly number[] = COUNT_STEPS): YAxis {
  if (!(max > 0)) return { max: 0, top: 1, ticks: [0, 1] };
  const step = steps.find((s) => s >= max / 4) ?? steps[steps.length - 1];
  const count = Math.ceil((max * 1.05) / step);
  const ticks = Array.from({ length: count + 1 }, (_, i) => Number((i * step).toPrecision(12)));
  return { max, top: ticks[count], ticks };
}

/** The top of a y axis of counts from 0 (see {@link yAxis}). */
export const countAxisTop = (max: number): number => yAxis(max).top;
