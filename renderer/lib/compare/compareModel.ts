/**
 * Two or more runs of one result side by side, as plain data: a metrics table with one column
 * per run and deltas against the first, and the final-state differences by stream. Pure.
 */
import { diffLeaves } from '../../../src/engine/report/compareRuns';
import { METRIC_LABELS, type MetricKey } from '../../../src/engine/report/metricLabels';
import type { Metrics, RunReport } from '../../../src/engine/types';

/** Whether a bigger value of a metric is better, worse, or neither. */
export type Better = 'higher' | 'lower' | 'neutral';

/** One metric: its label, how to read it from a report, and which direction is good. */
export interface MetricDef {
  readonly key: string;
  readonly label: string;
  readonly unit: '' | 'ms';
  readonly better: Better;
  readonly value: (m: Metrics, r: RunReport) => number;
}

/** A metric of the shared label table (src/engine/report/metricLabels) with how it is read and which way is better. */
const metric = (key: MetricKey, better: Better, value: MetricDef['value']): MetricDef => ({ key, ...METRIC_LABELS[key], better, value });

/** The metrics the comparison shows, in order. */
export const METRICS: readonly MetricDef[] = [
  metric('accepted', 'neutral', (m) => m.accepted),
  metric('rejected', 'neutral', (m) => m.rejected),
  metric('violations', 'lower', (_m, r) => r.violations.length),
  metric('events', 'neutral', (m) => m.events),
  metric('makespanMs', 'lower', (m) => m.makespanMs),
  metric('commandLatencyMs.p50', 'lower', (m) => m.commandLatencyMs.p50),
  metric('commandLatencyMs.p95', 'lower', (m) => m.commandLatencyMs.p95),
  metric('commandLatencyMs.p99', 'lower', (m) => m.commandLatencyMs.p99),
  metric('commandLatencyMs.max', 'lower', (m) => m.commandLatencyMs.max),
  metric('enactLatencyMs.p95', 'lower', (m) => m.enactLatencyMs.p95),
  metric('maxQueueDepth', 'lower', (m) => m.maxQueueDepth),
  metric('maxWorkers', 'neutral', (m) => m.maxWorkers),
  metric('staleDecisions', 'neutral', (m) => m.staleDecisions ?? 0),
  metric('deliveries', 'neutral', (m) => m.deliveries),
  metric('failures', 'lower', (m) => m.failures),
  metric('retries', 'lower', (m) => m.retries),
  metric('deadLettered', 'lower', (m) => m.deadLettered),
  metric('lost', 'lower', (m) => m.lost),
  metric('duplicates', 'lower', (m) => m.duplicates),
];

/** How a delta reads: better, worse, or just different. */
export type DeltaTone = 'same' | 'better' | 'worse' | 'changed';

/** One cell of a run after the first: its value and its difference from the first run. */
export interface MetricCell {
  readonly value: number;
  readonly delta: number;
  readonly tone: DeltaTone;
}

/** One row of the metrics table. */
export interface MetricRow {
  readonly key: string;
  readonly label: string;
  readonly unit: '' | 'ms';
  readonly cells: readonly MetricCell[];
  /** True when some run differs from the first. */
  readonly differs: boolean;
}

/** A final-state leaf that differs between runs: its path and every run's value (null = absent). */
export interface StateDiffRow {
  readonly stream: string;
  readonly path: readonly string[];
  readonly values: readonly unknown[];
}

/** The comparison of the chosen runs. */
export interface CompareModel {
  readonly runs: readonly string[];
  readonly metrics: readonly MetricRow[];
  readonly differences: readonly StateDiffRow[];
  /** Streams whose final aggregate differs in some run, in order of first appearance. */
  readonly divergingStreams: readonly string[];
}

const toneOf = (delta: number, better: Better): DeltaTone => {
  if (delta === 0) return 'same';
  if (better === 'neutral') return 'changed';
  return (delta < 0) === (better === 'lower') ? 'better' : 'worse';
};

/** Builds the comparison of `runs` (the first is the baseline). */
export function compareModel(runs: readonly RunReport[]): CompareModel {
  const metrics = METRICS.map((def): MetricRow => {
    const base = runs.length > 0 ? def.value(runs[0].metrics, runs[0]) : 0;
    const cells = runs.map((r) => {
      const value = def.value(r.metrics, r);
      const delta = value - base;
      return { value, delta, tone: toneOf(delta, def.better) };
    });
    return { key: def.key, label: def.label, unit: def.unit, cells, differs: cells.some((c) => c.delta !== 0) };
  });
  return { runs: runs.map((r) => r.name), metrics, ...stateDifferences(runs) };
}

const keyOf = (path: readonly string[]): string => JSON.stringify(path);

/** Every leaf where some run's final state differs from the first run's, with all runs' values. */
export function stateDifferences(runs: readonly RunReport[]): Pick<CompareModel, 'differences' | 'divergingStreams'> {
  if (runs.length < 2) return { differences: [], divergingStreams: [] };
  const paths = new Map<string, readonly string[]>();
  for (const run of runs.slice(1)) for (const d of diffLeaves(runs[0].finalState, run.finalState)) paths.set(keyOf(d.path), d.path);
  const rows = [...paths.values()].map((path) => ({ stream: path[0] ?? '', path, values: runs.map((r) => valueAt(r.finalState, path)) }));
  // Values every run has (a stock that differs) come before values only some runs have (an extra order).
  const partial = (d: StateDiffRow) => (d.values.some((v) => v === null) ? 1 : 0);
  const differences = rows.sort((a, b) => partial(a) - partial(b) || compareKeys(a.path, b.path));
  const divergingStreams = [...new Set(differences.map((d) => d.stream))];
  return { differences, divergingStreams };
}

function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return a.length - b.length;
}

/** The value at a path, or null when absent (own keys only: a key named `constructor` is data, not the prototype's). */
export function valueAt(root: unknown, path: readonly string[]): unknown {
  let v: unknown = root;
  for (const key of path) {
    if (typeof v !== 'object' || v === null || !Object.hasOwn(v, key)) return null;
    v = (v as Record<string, unknown>)[key];
  }
  return v === undefined ? null : v;
}

/** A metric value for display: whole numbers grouped, fractions to one decimal, with its unit. */
export function formatValue(value: number, unit: '' | 'ms'): string {
  const text = Number.isInteger(value) ? value.toLocaleString('en-US') : value.toFixed(1);
  return unit ? `${text} ${unit}` : text;
}

/** A delta for display: signed, or an empty string when there is none. */
export function formatDelta(delta: number, unit: '' | 'ms'): string {
  if (delta === 0) return '';
  return (delta > 0 ? '+' : '−') + formatValue(Math.abs(delta), unit);
}

/** A state value for display (short JSON; null shows as "absent"). */
export const showValue = (v: unknown): string => (v === null ? '—' : typeof v === 'string' ? v : JSON.stringify(v));
