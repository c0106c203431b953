/**
 * The sweep's output: one row per grid point with the run's metrics, rejections and
 * violation count, averaged over seeds (`purestream/sweep@1`), and its text table. Pure.
 */
import type { Metrics, RunReport } from '../engine/types';
import { table } from './io';
import { formatNumber } from './reportText';

/** One grid point's results, averaged over `seeds`. */
export interface SweepRow {
  readonly values: Readonly<Record<string, number>>;
  readonly seeds: number;
  readonly metrics: Metrics;
  readonly rejections: Readonly<Record<string, number>>;
  readonly violations: number;
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

/** Averages every number of `values` (same shape), leaf by leaf. */
function average<T>(values: readonly T[]): T {
  const first = values[0] as unknown;
  if (typeof first === 'number') return (values as unknown as number[]).reduce((a, b) => a + b, 0) / values.length as T;
  const keys = [...new Set(values.flatMap((v) => Object.keys(v as object)))].sort();
  return Object.fromEntries(keys.map((k) => [k, average(values.map((v) => (v as Record<string, unknown>)[k] ?? 0))])) as T;
}

/** A row from the reports of one point's run, one per seed. */
export const sweepRow = (values: Readonly<Record<string, number>>, reports: readonly RunReport[]): SweepRow => ({
  values,
  seeds: reports.length,
  metrics: average(reports.map((r) => r.metrics)),
  rejections: average(reports.map((r) => r.rejections)),
  violations: average(reports.map((r) => r.violations.length)),
});

/** The sweep table: parameter columns, then the main metrics. */
export function sweepText(report: SweepReport): string {
  const head = `${report.scenario} — run "${report.run}", ${report.points.length} point${report.points.length === 1 ? '' : 's'}${report.seeds.length > 1 ? `, averaged over seeds ${report.seeds[0]}..${report.seeds[report.seeds.length - 1]}` : ''}\n\n`;
  const columns: [string, (r: SweepRow) => number][] = [
    ['accepted', (r) => r.metrics.accepted],
    ['rejected', (r) => r.metrics.rejected],
    ['makespan ms', (r) => r.metrics.makespanMs],
    ['cmd p95 ms', (r) => r.metrics.commandLatencyMs.p95],
    ['enact p95 ms', (r) => r.metrics.enactLatencyMs.p95],
    ['max queue', (r) => r.metrics.maxQueueDepth],
    ['max workers', (r) => r.metrics.maxWorkers],
    ['failures', (r) => r.metrics.failures],
    ['dead-lettered', (r) => r.metrics.deadLettered],
    ['lost', (r) => r.metrics.lost],
    ['duplicates', (r) => r.metrics.duplicates],
    ['violations', (r) => r.violations],
  ];
  const rows = [
    [...report.params, ...columns.map(([name]) => name)],
    ...report.points.map((p) => [...report.params.map((name) => formatNumber(p.values[name])), ...columns.map(([, value]) => formatNumber(value(p)))]),
  ];
  return head + table(rows);
}
