/**
 * A sweep's rows (`purestream/sweep@1`): one per grid point with the run's metrics, rejections,
 * violation count and units oversold, averaged over seeds. Shared by `purestream sweep` and the
 * app's Sweep view so both print the same numbers (their columns: ./sweepMetrics). Pure.
 */
import { oversoldUnits } from '../report/oversold';
import type { Metrics, RunReport } from '../types';

/** What one (point, seed) run contributes (small, so it crosses from a worker cheaply). */
export interface SweepResult {
  readonly metrics: Metrics;
  readonly rejections: Readonly<Record<string, number>>;
  readonly violations: number;
  /** Units sold beyond stock in the final state (../report/oversold; extends `purestream/sweep@1`). */
  readonly oversold: number;
}

/** One grid point's results, averaged over `seeds`. */
export interface SweepRow extends SweepResult {
  readonly values: Readonly<Record<string, number>>;
  readonly seeds: number;
}

/** The `sweep --json` document. */
export interface SweepReport {
  readonly format: 'purestream/sweep@1';
  readonly scenario: string;
  readonly domain: string;
  readonly run: string;
  readonly params: readonly string[];
  readonly seeds: readonly number[];
  readonly points: readonly SweepRow[];
}

/** The part of a run report a sweep keeps. */
export const sweepResultOf = (report: RunReport): SweepResult => ({
  metrics: report.metrics,
  rejections: report.rejections,
  violations: report.violations.length,
  oversold: oversoldUnits(report.finalState),
});

/** Averages every number of `values` (same shape), leaf by leaf; keys missing in some count as 0. */
function average<T>(values: readonly T[]): T {
  const first = values[0] as unknown;
  if (typeof first === 'number') return ((values as unknown as number[]).reduce((a, b) => a + b, 0) / values.length) as T;
  const keys = [...new Set(values.flatMap((v) => Object.keys(v as object)))].sort();
  return Object.fromEntries(keys.map((k) => [k, average(values.map((v) => (v as Record<string, unknown>)[k] ?? 0))])) as T;
}

/** The row of one point from its runs' results (one per seed). */
export const sweepRow = (values: Readonly<Record<string, number>>, results: readonly SweepResult[]): SweepRow => ({
  values,
  seeds: results.length,
  metrics: average(results.map((r) => r.metrics)),
  rejections: average(results.map((r) => r.rejections)),
  violations: average(results.map((r) => r.violations)),
  oversold: average(results.map((r) => r.oversold)),
});
