/**
 * What a run's metrics are called wherever people read them (the command line's tables,
 * Compare, Metrics and Rule change in the app): one label and unit per metric, keyed by the
 * metric's flat name in reports (`makespanMs`, `enactLatencyMs.p95`, `violations`; see
 * cli-and-reports.md, "Run report"). Pure.
 */
import type { Metrics, Percentiles } from '../types';

/** A metric's flat name: a member of `metrics`, a percentile of a latency (`commandLatencyMs.p95`), or `violations` (how many). */
export type MetricKey =
  | Exclude<keyof Metrics, 'commandLatencyMs' | 'enactLatencyMs'>
  | `${'commandLatencyMs' | 'enactLatencyMs'}.${keyof Percentiles}`
  | 'violations';

/** A metric's label (sentence case, no unit) and unit (`ms`, or none). */
export interface MetricLabel {
  readonly label: string;
  readonly unit: '' | 'ms';
}

const count = (label: string): MetricLabel => ({ label, unit: '' });
const ms = (label: string): MetricLabel => ({ label, unit: 'ms' });

/** Every metric's label, in the order the tables list them. */
export const METRIC_LABELS: Readonly<Record<MetricKey, MetricLabel>> = {
  commands: count('Commands'),
  accepted: count('Accepted'),
  rejected: count('Rejected'),
  events: count('Events'),
  violations: count('Invariant violations'),
  deliveries: count('Deliveries'),
  failures: count('Delivery failures'),
  retries: count('Retries'),
  deadLettered: count('Dead-lettered'),
  lost: count('Lost'),
  duplicates: count('Duplicates'),
  makespanMs: ms('Makespan'),
  'commandLatencyMs.p50': ms('Command latency p50'),
  'commandLatencyMs.p95': ms('Command latency p95'),
  'commandLatencyMs.p99': ms('Command latency p99'),
  'commandLatencyMs.max': ms('Command latency max'),
  'enactLatencyMs.p50': ms('Enact latency p50'),
  'enactLatencyMs.p95': ms('Enact latency p95'),
  'enactLatencyMs.p99': ms('Enact latency p99'),
  'enactLatencyMs.max': ms('Enact latency max'),
  maxQueueDepth: count('Max queue depth'),
  maxWorkers: count('Max workers'),
  staleDecisions: count('Stale decisions'),
};

/**
 * The label and unit of a flat metric name: one of METRIC_LABELS, or `rejections.CODE`
 * (`Rejected: CODE`, rule-change reports); any other name is shown as it is.
 */
export function metricLabel(key: string): MetricLabel {
  if (Object.hasOwn(METRIC_LABELS, key)) return METRIC_LABELS[key as MetricKey];
  if (key.startsWith('rejections.')) return count(`Rejected: ${key.slice('rejections.'.length)}`);
  return count(key);
}

/** A label with its unit for a text table: `Enact latency p95 (ms)`, `Accepted`. */
export const labelWithUnit = (key: string): string => {
  const { label, unit } = metricLabel(key);
  return unit ? `${label} (${unit})` : label;
};
