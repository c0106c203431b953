/** The rows of the metrics table: one per metric, one cell per run, with which cell is best. Pure. */
import type { RunReport } from '../../../src/engine/types';

/** One row of the table. */
export interface MetricRow {
  readonly label: string;
  readonly values: readonly (number | string)[];
  /** Indexes of the best runs for this metric (lower or higher is better; ties share), when runs differ. */
  readonly best?: readonly number[];
  readonly worst?: readonly number[];
  readonly unit?: string;
}

type Better = 'lower' | 'higher' | 'none';
const row = (label: string, runs: readonly RunReport[], pick: (r: RunReport) => number, better: Better, unit?: string): MetricRow => {
  const values = runs.map(pick);
  const distinct = new Set(values).size > 1;
  if (!distinct || better === 'none') return { label, values, ...(unit ? { unit } : {}) };
  const top = better === 'lower' ? Math.min(...values) : Math.max(...values);
  const bottom = better === 'lower' ? Math.max(...values) : Math.min(...values);
  const indexes = (target: number): number[] => values.flatMap((v, i) => (v === target ? [i] : []));
  return { label, values, best: indexes(top), worst: indexes(bottom), ...(unit ? { unit } : {}) };
};

/**
 * The events row: the report counts the events its commands appended; the run's log holds the
 * setup's events too (`logLengths[i]`, the Event log's count), so the difference is shown beside
 * it — "30 (+1 setup)" — and both views agree on what they count.
 */
function eventsRow(runs: readonly RunReport[], logLengths: readonly number[] | undefined): MetricRow {
  const values = runs.map((r, i) => {
    const setup = (logLengths?.[i] ?? r.metrics.events) - r.metrics.events;
    return setup > 0 ? `${r.metrics.events.toLocaleString('en-US')} (+${setup.toLocaleString('en-US')} setup)` : r.metrics.events;
  });
  return { label: 'events', values };
}

/** The metrics table of a report's runs; `logLengths`: each run's log length (its events with the setup's), when known. */
export function metricRows(runs: readonly RunReport[], logLengths?: readonly number[]): MetricRow[] {
  return [
    row('commands', runs, (r) => r.metrics.commands, 'none'),
    row('accepted', runs, (r) => r.metrics.accepted, 'none'),
    row('rejected', runs, (r) => r.metrics.rejected, 'none'),
    eventsRow(runs, logLengths),
    row('invariant violations', runs, (r) => r.violations.length, 'lower'),
    row('makespan', runs, (r) => r.metrics.makespanMs, 'lower', 'ms'),
    row('command latency p50', runs, (r) => r.metrics.commandLatencyMs.p50, 'lower', 'ms'),
    row('command latency p95', runs, (r) => r.metrics.commandLatencyMs.p95, 'lower', 'ms'),
    row('command latency p99', runs, (r) => r.metrics.commandLatencyMs.p99, 'lower', 'ms'),
    row('command latency max', runs, (r) => r.metrics.commandLatencyMs.max, 'lower', 'ms'),
    row('enact latency p50', runs, (r) => r.metrics.enactLatencyMs.p50, 'lower', 'ms'),
    row('enact latency p95', runs, (r) => r.metrics.enactLatencyMs.p95, 'lower', 'ms'),
    row('max queue depth', runs, (r) => r.metrics.maxQueueDepth, 'lower'),
    row('max workers', runs, (r) => r.metrics.maxWorkers, 'none'),
    row('stale decisions', runs, (r) => r.metrics.staleDecisions ?? 0, 'none'),
    row('deliveries', runs, (r) => r.metrics.deliveries, 'none'),
    row('failures', runs, (r) => r.metrics.failures, 'lower'),
    row('retries', runs, (r) => r.metrics.retries, 'lower'),
    row('dead-lettered', runs, (r) => r.metrics.deadLettered, 'lower'),
    row('lost', runs, (r) => r.metrics.lost, 'lower'),
    row('duplicates', runs, (r) => r.metrics.duplicates, 'lower'),
    { label: 'final state hash', values: runs.map((r) => r.stateHash.slice(0, 12)) },
  ];
}
