/** The rows of the metrics table: one per metric, one cell per run, with which cell is best. Pure. */
import { METRIC_LABELS, type MetricKey } from '../../../src/engine/report/metricLabels';
import type { RunReport } from '../../../src/engine/types';
import { deliveriesText, type DeliveryShare } from './deliveryShares';

/** One row of the table. */
export interface MetricRow {
  readonly label: string;
  readonly values: readonly (number | string)[];
  /** Indexes of the best runs for this metric (lower or higher is better; ties share), when runs differ. */
  readonly best?: readonly number[];
  readonly worst?: readonly number[];
  readonly unit?: string;
  /** What the metric counts (the row label's tooltip). */
  readonly title?: string;
  /** Each run's cell tooltip, where a run's figure needs its parts said. */
  readonly titles?: readonly string[];
}

/** What the Deliveries row counts (cli-and-reports.md, "Run report"). */
export const DELIVERIES_TITLE =
  "Enactment attempts over all of a run's consumers — failed ones, retries and duplicates included — the state store among them, also the default one the engine adds to a run that lists no `state-store` consumer. Each consumer's share: open Deliveries, or hover a run's figure.";

/** A row labelled from the shared table (src/engine/report/metricLabels), which also says which way is better. */
const row = (key: MetricKey, runs: readonly RunReport[], pick: (r: RunReport) => number): MetricRow => {
  const { label, unit, better } = METRIC_LABELS[key];
  const values = runs.map(pick);
  const distinct = new Set(values).size > 1;
  if (!distinct || better === 'neutral') return { label, values, ...(unit ? { unit } : {}) };
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
  return { label: METRIC_LABELS.events.label, values };
}

/**
 * The metrics table of a report's runs; `logLengths`: each run's log length (its events with the
 * setup's), when known; `deliveries`: each run's consumers with their attempts (deliveryShares),
 * when known, said in the Deliveries cells' tooltips.
 */
export function metricRows(runs: readonly RunReport[], logLengths?: readonly number[], deliveries?: readonly (readonly DeliveryShare[])[]): MetricRow[] {
  return [
    row('commands', runs, (r) => r.metrics.commands),
    row('accepted', runs, (r) => r.metrics.accepted),
    row('rejected', runs, (r) => r.metrics.rejected),
    eventsRow(runs, logLengths),
    row('violations', runs, (r) => r.violations.length),
    row('makespanMs', runs, (r) => r.metrics.makespanMs),
    row('commandLatencyMs.p50', runs, (r) => r.metrics.commandLatencyMs.p50),
    row('commandLatencyMs.p95', runs, (r) => r.metrics.commandLatencyMs.p95),
    row('commandLatencyMs.p99', runs, (r) => r.metrics.commandLatencyMs.p99),
    row('commandLatencyMs.max', runs, (r) => r.metrics.commandLatencyMs.max),
    row('enactLatencyMs.p50', runs, (r) => r.metrics.enactLatencyMs.p50),
    row('enactLatencyMs.p95', runs, (r) => r.metrics.enactLatencyMs.p95),
    row('maxQueueDepth', runs, (r) => r.metrics.maxQueueDepth),
    row('maxWorkers', runs, (r) => r.metrics.maxWorkers),
    row('staleDecisions', runs, (r) => r.metrics.staleDecisions ?? 0),
    { ...row('deliveries', runs, (r) => r.metrics.deliveries), title: DELIVERIES_TITLE, ...(deliveries ? { titles: deliveries.map(deliveriesText) } : {}) },
    row('failures', runs, (r) => r.metrics.failures),
    row('retries', runs, (r) => r.metrics.retries),
    row('deadLettered', runs, (r) => r.metrics.deadLettered),
    row('lost', runs, (r) => r.metrics.lost),
    row('duplicates', runs, (r) => r.metrics.duplicates),
    { label: 'Final state hash', values: runs.map((r) => r.stateHash.slice(0, 12)) },
  ];
}
