/** The metrics a sweep can plot against its parameter, and the chart columns of the chosen ones. Pure. */
import type { SweepRow } from './sweepCore';

/** One plottable metric of a sweep row. */
export interface SweepMetric {
  readonly id: string;
  readonly label: string;
  readonly value: (row: SweepRow) => number;
}

/** Every plottable metric, in table order (the CLI table's columns, then a few more). */
export const SWEEP_METRICS: readonly SweepMetric[] = [
  { id: 'violations', label: 'violations', value: (r) => r.violations },
  { id: 'accepted', label: 'accepted', value: (r) => r.metrics.accepted },
  { id: 'rejected', label: 'rejected', value: (r) => r.metrics.rejected },
  { id: 'makespanMs', label: 'makespan ms', value: (r) => r.metrics.makespanMs },
  { id: 'commandLatencyMs.p50', label: 'cmd p50 ms', value: (r) => r.metrics.commandLatencyMs.p50 },
  { id: 'commandLatencyMs.p95', label: 'cmd p95 ms', value: (r) => r.metrics.commandLatencyMs.p95 },
  { id: 'enactLatencyMs.p95', label: 'enact p95 ms', value: (r) => r.metrics.enactLatencyMs.p95 },
  { id: 'maxQueueDepth', label: 'max queue', value: (r) => r.metrics.maxQueueDepth },
  { id: 'maxWorkers', label: 'max workers', value: (r) => r.metrics.maxWorkers },
  { id: 'staleDecisions', label: 'stale decisions', value: (r) => r.metrics.staleDecisions ?? 0 },
  { id: 'oversold', label: 'units oversold', value: (r) => r.oversold ?? 0 },
  { id: 'failures', label: 'failures', value: (r) => r.metrics.failures },
  { id: 'retries', label: 'retries', value: (r) => r.metrics.retries },
  { id: 'deadLettered', label: 'dead-lettered', value: (r) => r.metrics.deadLettered },
  { id: 'lost', label: 'lost', value: (r) => r.metrics.lost },
  { id: 'duplicates', label: 'duplicates', value: (r) => r.metrics.duplicates },
];

/** The metric with `id`. */
export const metricById = (id: string): SweepMetric | undefined => SWEEP_METRICS.find((m) => m.id === id);

/** Chart columns for one metric: x = the parameter's values, y = the metric, one value per finished point. */
export function metricColumns(rows: readonly SweepRow[], param: string, metric: SweepMetric): [number[], number[]] {
  const sorted = [...rows].sort((a, b) => a.values[param] - b.values[param]);
  return [sorted.map((r) => r.values[param]), sorted.map(metric.value)];
}

/** Rejection codes seen in any row, sorted (extra table columns). */
export const rejectionCodes = (rows: readonly SweepRow[]): string[] => [...new Set(rows.flatMap((r) => Object.keys(r.rejections)))].sort();

/** A number for the table, as the CLI table prints it: integers as they are, others with up to 2 decimals. */
export const formatCell = (n: number): string => (Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100));
