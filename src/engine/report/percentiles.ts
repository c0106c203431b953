/** Nearest-rank percentiles of latency samples. */
import type { Percentiles } from '../types';

/** p50/p95/p99/max by nearest rank (the smallest sample with at least p% of samples ≤ it); zeros when empty. Sorts `samples` in place. */
export function percentiles(samples: Float64Array): Percentiles {
  const n = samples.length;
  if (n === 0) return { p50: 0, p95: 0, p99: 0, max: 0 };
  samples.sort();
  const rank = (p: number) => roundMs(samples[Math.max(0, Math.ceil((p / 100) * n) - 1)]);
  return { p50: rank(50), p95: rank(95), p99: rank(99), max: roundMs(samples[n - 1]) };
}

/** Rounds virtual milliseconds to microseconds, so sums of drawn durations print cleanly. */
export const roundMs = (ms: number): number => Math.round(ms * 1000) / 1000;
