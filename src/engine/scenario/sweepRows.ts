/**
 * A sweep's rows (`purestream/sweep@1`): one per grid point with the run's metrics, rejections,
 * violation count and — where the domain counts units on hand — units oversold, averaged over
 * seeds. Shared by `purestream sweep` and the app's Sweep view so both print the same numbers
 * (their columns: ./sweepMetrics). Pure.
 */
import { countsUnits, oversoldUnits } from '../report/oversold';
import type { Metrics, RunReport } from '../types';

/** What one (point, seed) run contributes (small, so it crosses from a worker cheaply). */
export interface SweepResult {
  readonly metrics: Metrics;
  readonly rejections: Readonly<Record<string, number>>;
  readonly violations: number;
  /**
   * Units sold beyond stock in the final state (../report/oversold; extends `purestream/sweep@1`);
   * absent when the final state has no stock-like counter (the domain has nothing to oversell).
   */
  readonly oversold?: number;
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
  ...(countsUnits(report.finalState) ? { oversold: oversoldUnits(report.finalState) } : {}),
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
  // a seed whose final state counts no units oversold none
  ...(results.some((r) => r.oversold !== undefined) ? { oversold: average(results.map((r) => r.oversold ?? 0)) } : {}),
});

/** Whether units oversold mean something in this sweep: some point's domain state counts units on hand. */
export const countsOversold = (rows: readonly SweepResult[]): boolean => rows.some((r) => r.oversold !== undefined);

/** The points of the `sweep --json` document: `oversold` in every point when it means something in any (0 where a point's state counted no units), else in none. */
export const sweepPoints = (rows: readonly SweepRow[]): SweepRow[] => (countsOversold(rows) ? rows.map((r) => (r.oversold === undefined ? { ...r, oversold: 0 } : r)) : [...rows]);
