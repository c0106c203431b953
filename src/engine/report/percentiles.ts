/** Nearest-rank percentiles of latency samples. */
import type { Percentiles } from '../types';

/**
 * p50/p95/p99/max by nearest rank (the sample at rank ⌈p/100·n⌉ in ascending order); zeros
 * when empty. Reorders `samples` in place with quickselect: O(n), no full sort of a million values.
 */
export function percentiles(samples: Float64Array): Percentiles {
  const n = samples.length;
  if (n === 0) return { p50: 0, p95: 0, p99: 0, max: 0 };
  const rank = (p: number) => Math.max(0, Math.ceil((p / 100) * n) - 1);
  const max = select(samples, n - 1, 0, n - 1);
  const p99 = select(samples, rank(99), 0, n - 1);
  const p95 = select(samples, rank(95), 0, rank(99));
  const p50 = select(samples, rank(50), 0, rank(95));
  return { p50: roundMs(p50), p95: roundMs(p95), p99: roundMs(p99), max: roundMs(max) };
}

/** Rounds virtual milliseconds to microseconds, so sums of drawn durations print cleanly. */
export const roundMs = (ms: number): number => Math.round(ms * 1000) / 1000;

/** Puts the k-th smallest of a[lo..hi] at a[k] (smaller ones left of it, larger right) and returns it. */
function select(a: Float64Array, k: number, lo: number, hi: number): number {
  while (hi > lo) {
    const pivot = median3(a[lo], a[(lo + hi) >> 1], a[hi]);
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
}

const median3 = (x: number, y: number, z: number): number => (x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y);
