/**
 * Two or more runs of one result side by side, as plain data: a metrics table with one column
 * per run and deltas against the first, and the final-state differences by stream. Pure.
 */
import { diffLeaves } from '../../../src/engine/report/compareRuns';
import { naturalPathOrder } from '../../../src/engine/report/sameShape';
import { deltaTone, METRIC_LABELS, type DeltaTone, type MetricKey } from '../../../src/engine/report/metricLabels';
import type { Metrics, RunReport, StateDifference } from '../../../src/engine/types';

/** One metric: its label and unit, and how to read it from a report. */
export interface MetricDef {
  readonly key: MetricKey;
  readonly label: string;
  readonly unit: '' | 'ms';
  readonly value: (m: Metrics, r: RunReport) => number;
}

/** A metric of the shared label table (src/engine/report/metricLabels, which also says which way is better) with how it is read. */
const metric = (key: MetricKey, value: MetricDef['value']): MetricDef => ({ key, label: METRIC_LABELS[key].label, unit: METRIC_LABELS[key].unit, value });

/** The metrics the comparison shows, in order. */
export const METRICS: readonly MetricDef[] = [
  metric('accepted', (m) => m.accepted),
  metric('rejected', (m) => m.rejected),
  metric('violations', (_m, r) => r.violations.length),
  metric('events', (m) => m.events),
  metric('makespanMs', (m) => m.makespanMs),
  metric('commandLatencyMs.p50', (m) => m.commandLatencyMs.p50),
  metric('commandLatencyMs.p95', (m) => m.commandLatencyMs.p95),
  metric('commandLatencyMs.p99', (m) => m.commandLatencyMs.p99),
  metric('commandLatencyMs.max', (m) => m.commandLatencyMs.max),
  metric('enactLatencyMs.p95', (m) => m.enactLatencyMs.p95),
  metric('maxQueueDepth', (m) => m.maxQueueDepth),
  metric('maxWorkers', (m) => m.maxWorkers),
  metric('staleDecisions', (m) => m.staleDecisions ?? 0),
  metric('deliveries', (m) => m.deliveries),
  metric('failures', (m) => m.failures),
  metric('retries', (m) => m.retries),
  metric('deadLettered', (m) => m.deadLettered),
  metric('lost', (m) => m.lost),
  metric('duplicates', (m) => m.duplicates),
];

/**
 * What the "Invariant violations" row counts (InvariantWatch, src/engine/state/invariantWatch.ts),
 * said under the table when a run broke an invariant: a stock that breaks at -1 and ends at -4 is
 * one violation.
 */
export const VIOLATIONS_NOTE = 'Invariant violations counts the times a stream went from allowed to broken: a stream that stays broken counts once, however far it goes.';

/** The note on the violations row when some run broke an invariant (undefined: none did). */
export const violationsNote = (model: CompareModel): string | undefined => (model.metrics.some((m) => m.key === 'violations' && m.cells.some((c) => c.value > 0)) ? VIOLATIONS_NOTE : undefined);

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

/** Builds the comparison of `runs` (the first is the baseline). */
export function compareModel(runs: readonly RunReport[]): CompareModel {
  const metrics = METRICS.map((def): MetricRow => {
    const base = runs.length > 0 ? def.value(runs[0].metrics, runs[0]) : 0;
    const cells = runs.map((r) => {
      const value = def.value(r.metrics, r);
      const delta = value - base;
      return { value, delta, tone: deltaTone(def.key, delta) };
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
  // Values every run has (a stock that differs) come before values only some runs have (an extra order); streams in natural order (c-2 before c-10).
  const partial = (d: StateDiffRow) => (d.values.some((v) => v === null) ? 1 : 0);
  const differences = rows.sort((a, b) => partial(a) - partial(b) || naturalPathOrder(a.path, b.path));
  const divergingStreams = [...new Set(differences.map((d) => d.stream))];
  return { differences, divergingStreams };
}

/** Two sides' differences (`a`, `b`: absent = null) as rows of the differences table, in their order. */
export const diffRows = (differences: readonly StateDifference[]): StateDiffRow[] => differences.map((d) => ({ stream: d.path[0] ?? '', path: d.path, values: [d.a ?? null, d.b ?? null] }));

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
