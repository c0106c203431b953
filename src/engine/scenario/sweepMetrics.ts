/**
 * The sweep's columns — what `purestream sweep` prints and the app's Sweep view tables and plots,
 * in one order — and how a cell is written. One list, so the two show the same numbers; a column
 * that means something only in some domains (units oversold: a domain that counts units on hand)
 * says when it applies, and both leave it out otherwise ({@link sweepMetricsFor}). Pure.
 */
import { countsOversold, type SweepRow } from './sweepRows';

/** One metric of a sweep row. */
export interface SweepMetric {
  readonly id: string;
  readonly label: string;
  readonly value: (row: SweepRow) => number;
  /** Whether the column means something for these rows (absent: always). */
  readonly appliesTo?: (rows: readonly SweepRow[]) => boolean;
}

/** Every metric, in table order (a table shows those of {@link sweepMetricsFor}; the rejection codes' columns follow them: {@link rejectionCodes}). */
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
  { id: 'oversold', label: 'units oversold', value: (r) => r.oversold ?? 0, appliesTo: countsOversold },
  { id: 'failures', label: 'failures', value: (r) => r.metrics.failures },
  { id: 'retries', label: 'retries', value: (r) => r.metrics.retries },
  { id: 'deadLettered', label: 'dead-lettered', value: (r) => r.metrics.deadLettered },
  { id: 'lost', label: 'lost', value: (r) => r.metrics.lost },
  { id: 'duplicates', label: 'duplicates', value: (r) => r.metrics.duplicates },
];

/** The metrics that mean something for `rows`, in table order (units oversold only where the domain counts units on hand). */
export const sweepMetricsFor = (rows: readonly SweepRow[]): SweepMetric[] => SWEEP_METRICS.filter((m) => m.appliesTo === undefined || m.appliesTo(rows));

/** Rejection codes seen in any row, sorted: a column each (`rejected: CODE`), after the metrics. */
export const rejectionCodes = (rows: readonly SweepRow[]): string[] => [...new Set(rows.flatMap((r) => Object.keys(r.rejections)))].sort();

/** A row's count of rejections with `code` (0 when it had none). */
export const rejectedWith = (row: SweepRow, code: string): number => (Object.hasOwn(row.rejections, code) ? row.rejections[code] : 0);

/** A cell: integers as they are, others with up to 2 decimals (an average over seeds). */
export const formatCell = (n: number): string => (Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100));
