/**
 * What a run's metrics are called wherever people read them (the command line's tables,
 * Compare, Metrics and Rule change in the app), and which way of theirs is better: one label,
 * unit and direction per metric, keyed by the metric's flat name in reports (`makespanMs`,
 * `enactLatencyMs.p95`, `violations`; see cli-and-reports.md, "Run report"). Pure.
 */
import type { Metrics, Percentiles } from '../types';

/** A metric's flat name: a member of `metrics`, a percentile of a latency (`commandLatencyMs.p95`), or `violations` (how many). */
export type MetricKey =
  | Exclude<keyof Metrics, 'commandLatencyMs' | 'enactLatencyMs'>
  | `${'commandLatencyMs' | 'enactLatencyMs'}.${keyof Percentiles}`
  | 'violations';

/**
 * Which way a metric is better, other things equal: `lower` (violations, rejections, latency,
 * failed deliveries), `higher`, or `neutral` (a count that is neither good nor bad in itself:
 * commands, accepted, events, deliveries, workers, stale decisions).
 */
export type Better = 'lower' | 'higher' | 'neutral';

/** A metric's label (sentence case, no unit), unit (`ms`, or none) and which way is better. */
export interface MetricLabel {
  readonly label: string;
  readonly unit: '' | 'ms';
  readonly better: Better;
}

const count = (label: string, better: Better = 'neutral'): MetricLabel => ({ label, unit: '', better });
// every duration metric (makespan, latencies) is better shorter
const ms = (label: string): MetricLabel => ({ label, unit: 'ms', better: 'lower' });

/** Every metric's label, in the order the tables list them. */
export const METRIC_LABELS: Readonly<Record<MetricKey, MetricLabel>> = {
  commands: count('Commands'),
  accepted: count('Accepted'),
  // a rejection is the rules at work (out of stock): more is not worse by itself
  rejected: count('Rejected'),
  events: count('Events'),
  violations: count('Invariant violations', 'lower'),
  deliveries: count('Deliveries'),
  failures: count('Delivery failures', 'lower'),
  retries: count('Retries', 'lower'),
  deadLettered: count('Dead-lettered', 'lower'),
  lost: count('Lost', 'lower'),
  duplicates: count('Duplicates', 'lower'),
  makespanMs: ms('Makespan'),
  'commandLatencyMs.p50': ms('Command latency p50'),
  'commandLatencyMs.p95': ms('Command latency p95'),
  'commandLatencyMs.p99': ms('Command latency p99'),
  'commandLatencyMs.max': ms('Command latency max'),
  'enactLatencyMs.p50': ms('Enact latency p50'),
  'enactLatencyMs.p95': ms('Enact latency p95'),
  'enactLatencyMs.p99': ms('Enact latency p99'),
  'enactLatencyMs.max': ms('Enact latency max'),
  maxQueueDepth: count('Max queue depth', 'lower'),
  maxWorkers: count('Max workers'),
  staleDecisions: count('Stale decisions'),
};

/**
 * The label, unit and direction of a flat metric name: one of METRIC_LABELS, or
 * `rejections.CODE` (`Rejected: CODE`, rule-change reports; neutral, as `rejected`); any
 * other name is shown as it is, neutral.
 */
export function metricLabel(key: string): MetricLabel {
  if (Object.hasOwn(METRIC_LABELS, key)) return METRIC_LABELS[key as MetricKey];
  if (key.startsWith('rejections.')) return count(`Rejected: ${key.slice('rejections.'.length)}`);
  return count(key);
}

/** How a metric's change reads: `same` (no change), `better`, `worse`, or `changed` (a neutral metric moved). */
export type DeltaTone = 'same' | 'better' | 'worse' | 'changed';

/** How a change of `delta` in metric `key` reads (see {@link Better}); Compare and Rule change colour their deltas by it. */
export function deltaTone(key: string, delta: number): DeltaTone {
  if (delta === 0) return 'same';
  const { better } = metricLabel(key);
  if (better === 'neutral') return 'changed';
  return (delta < 0) === (better === 'lower') ? 'better' : 'worse';
}

/** A label with its unit for a text table: `Enact latency p95 (ms)`, `Accepted`. */
export const labelWithUnit = (key: string): string => {
  const { label, unit } = metricLabel(key);
  return unit ? `${label} (${unit})` : label;
};
