/**
 * Chart data and comparison facts of whole traces, computed where the traces are: step series
 * thinned to the peak of each stretch (a spike never disappears), every command's latency
 * binned, stale reads and simultaneous releases counted over every decision. Pure.
 */
import type { Sample, Trace } from '../../../src/engine/types';
import { latencyPoints } from '../compare/chartSeries';
import { releasedTogether, staleReads } from '../compare/whyHints';
import { commandLatencies, latencyHistogram } from '../metrics/chartData';
import type { RunCharts, RunFacts } from './runReader';

/** Thins a series (a step series, or points such as latencies) to about `max` samples, each the peak of the stretch it stands for, so a spike never disappears (the last sample is kept). */
export function thinSamples(samples: readonly Sample[], max: number): readonly Sample[] {
  if (samples.length <= max) return samples;
  const size = Math.ceil(samples.length / (max - 1));
  const out: Sample[] = [];
  for (let start = 0; start < samples.length - 1; start += size) {
    let peak = samples[start].value;
    for (let i = start + 1; i < Math.min(samples.length - 1, start + size); i++) peak = Math.max(peak, samples[i].value);
    out.push({ t: samples[start].t, value: peak });
  }
  out.push(samples[samples.length - 1]);
  return out;
}

/** The Metrics view's charts of every run. */
export function runCharts(traces: readonly Trace[], points: number): RunCharts {
  return {
    queueDepth: traces.map((t) => thinSamples(t.queueDepth, points)),
    workers: traces.map((t) => thinSamples(t.workers, points)),
    latency: latencyHistogram(traces.map(commandLatencies)),
  };
}

/** The Compare view's facts of one run; its series are thinned to about `points` samples, each a stretch's peak (a latency spike stays). */
export function runFacts(trace: Trace, points: number): RunFacts {
  const rejections = new Map<string, number>();
  for (const d of trace.decisions) for (const r of d.rejections) rejections.set(r.rejection.code, (rejections.get(r.rejection.code) ?? 0) + 1);
  return {
    stale: staleReads(trace),
    together: releasedTogether(trace),
    rejections,
    decisions: trace.decisions.length,
    queueDepth: thinSamples(trace.queueDepth, points),
    latency: thinSamples(latencyPoints(trace), points),
  };
}
