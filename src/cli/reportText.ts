/**
 * Readable text for run reports: one column per run for metrics, rejections by code,
 * violations and state hash; and the final-state differences of a comparison. Every name,
 * code and message from the scenario is made printable (./printable). Pure.
 */
import type { AnyDomainModule } from '../../domain/kernel';
import { streamsBreakingInvariants, streamsFirst } from '../engine/report/compareRuns';
import { brokenByEveryRun, everyRunBreaksText, groupBy, namesText, naturalPathOrder } from '../engine/report/sameShape';
import { labelWithUnit, type MetricKey } from '../engine/report/metricLabels';
import { formatCell } from '../engine/scenario/sweepMetrics';
import { outcomeText, ruleChangeHeadline, type DecisionOutcome, type MetricDelta, type RuleChange } from '../engine/report/ruleChange';
import type { Comparison, Metrics, Percentiles, Report, RunReport, StateDifference } from '../engine/types';
import { table } from './io';
import { printable } from './printable';

/** A name in a line of text (a run, a scenario): printable and short. */
const name = (text: string): string => printable(text, 80);

/** Most rows of differences listed per compared pair (the JSON report has them all). */
const MAX_DIFFERENCES = 40;

/** Up to two decimals, without trailing zeros. */

const COUNTS: readonly (keyof Metrics & MetricKey)[] = ['commands', 'accepted', 'rejected', 'events', 'deliveries', 'failures', 'retries', 'deadLettered', 'lost', 'duplicates'];
const PERCENTILES: readonly (keyof Percentiles)[] = ['p50', 'p95', 'p99', 'max'];

/** The metrics table: one row per metric (labelled as in the app: ../engine/report/metricLabels), one column per run. */
export function metricsTable(runs: readonly RunReport[]): string {
  const row = (key: MetricKey | `rejections.${string}`, value: (r: RunReport) => number) => [labelWithUnit(key), ...runs.map((r) => formatCell(value(r)))];
  const rows: string[][] = [
    ['', ...runs.map((r) => r.name)],
    ...COUNTS.map((k) => row(k, (r) => r.metrics[k] as number)),
    row('makespanMs', (r) => r.metrics.makespanMs),
    ...PERCENTILES.map((p) => row(`commandLatencyMs.${p}`, (r) => r.metrics.commandLatencyMs[p])),
    ...PERCENTILES.map((p) => row(`enactLatencyMs.${p}`, (r) => r.metrics.enactLatencyMs[p])),
    row('maxQueueDepth', (r) => r.metrics.maxQueueDepth),
    row('maxWorkers', (r) => r.metrics.maxWorkers),
    row('staleDecisions', (r) => r.metrics.staleDecisions ?? 0),
  ];
  const codes = [...new Set(runs.flatMap((r) => Object.keys(r.rejections)))].sort();
  for (const code of codes) rows.push(row(`rejections.${code}`, (r) => r.rejections[code] ?? 0));
  rows.push(row('violations', (r) => r.violations.length));
  rows.push(['State hash', ...runs.map((r) => r.stateHash.slice(0, 12))]);
  return table(rows);
}

/**
 * Every violation, run by run, in order of occurrence; those of one invariant with one message
 * said once with how many and the first few events (sameShape), and an invariant every run
 * breaks said once before them, as the rule's fault rather than the scheduling's.
 */
export function violationsText(runs: readonly RunReport[]): string {
  const shared = brokenByEveryRun(runs);
  const lines = runs.flatMap((r) =>
    groupBy(r.violations, (v) => JSON.stringify([v.invariant, v.message])).map(({ members }) => {
      const v = members[0];
      if (members.length === 1) return `  ${name(r.name)}: ${name(v.invariant)} at ${formatCell(v.atMs)} ms (event ${v.eventSeq}): ${printable(v.message)}\n`;
      const events = namesText(members.map((m) => String(m.eventSeq)));
      return `  ${name(r.name)}: ${name(v.invariant)} ${members.length} times, first at ${formatCell(v.atMs)} ms (events ${events}): ${printable(v.message)}\n`;
    }),
  );
  const every = shared.length > 0 ? `  ${everyRunBreaksText(shared.map(name))}\n` : '';
  return lines.length ? `\nInvariant violations:\n${every}${lines.join('')}` : '';
}

/** The summary `purestream run` prints. */
export function runReportText(report: Report): string {
  const title = `${name(report.scenario)} — domain ${name(report.domain)}, seed ${report.seed}\n\n`;
  return title + metricsTable(report.runs) + violationsText(report.runs);
}

const show = (v: unknown): string => (v === null ? '(absent)' : JSON.stringify(v));

/**
 * One comparison: same final state, or its changed leaves as path / a / b — those of `first`
 * (streams left breaking an invariant in either run) before the rest.
 */
export function comparisonText(c: Comparison, first: ReadonlySet<string> = new Set()): string {
  if (c.sameFinalState) return `\n${name(c.b)} vs ${name(c.a)}: same final state\n`;
  const head = `\n${name(c.b)} vs ${name(c.a)}: ${differencesCount(c.differences)} in the final state\n`;
  return head + differencesTable(streamsFirst([...c.differences].sort((x, y) => naturalPathOrder(x.path, y.path)), first), [c.a, c.b]);
}

const differencesCount = (differences: readonly StateDifference[]): string => `${differences.length} difference${differences.length === 1 ? '' : 's'}`;

/**
 * Final-state differences as an indented table (path, the value on side a, on side b), the first
 * MAX_DIFFERENCES rows of them, in their order; streams that differ alike (the same keys after
 * the stream with the same values: 20 carts each at -2 tees) are said once, as the first of them
 * "and N more streams" (sameShape).
 */
function differencesTable(differences: readonly StateDifference[], [a, b]: readonly [string, string]): string {
  const tail = (d: StateDifference) => JSON.stringify([d.path.slice(1), d.a, d.b]);
  const byStream = groupBy(differences, (d) => d.path[0] ?? '');
  const alike = groupBy(byStream, (s) => s.members.map(tail).join('\n'));
  const rows = alike.flatMap(({ members: streams }) => {
    const where = namesText(streams.map((s) => s.key), 1) + (streams.length > 1 ? ' streams' : '');
    return streams[0].members.map((d) => [[where, ...d.path.slice(1)].join(' › '), show(d.a), show(d.b)]);
  });
  const more = rows.length > MAX_DIFFERENCES ? `… and ${rows.length - MAX_DIFFERENCES} more (see --json)\n` : '';
  return indent(table([['path', a, b], ...rows.slice(0, MAX_DIFFERENCES)])) + more;
}

/**
 * What `purestream compare` prints: the runs side by side, then each run's differences from the
 * first, those of streams whose final aggregate breaks one of `invariants` in either run first
 * (the domain's invariants, when they can be checked here).
 */
export function compareReportText(report: Report, invariants: AnyDomainModule['invariants'] = []): string {
  const broken = new Map(report.runs.map((r) => [r.name, streamsBreakingInvariants(invariants, r.finalState)]));
  const first = (c: Comparison) => new Set([...(broken.get(c.a) ?? []), ...(broken.get(c.b) ?? [])]);
  return runReportText(report) + (report.comparison ?? []).map((c) => comparisonText(c, first(c))).join('');
}

const indent = (text: string): string =>
  text
    .split('\n')
    .map((l) => (l ? `  ${l}` : l))
    .join('\n');

/** Most changed decisions listed per run in text (all are in `--json`). */
const MAX_CHANGES = 50;

/**
 * What `compare --against` prints: what the change comes to in one line (ruleChangeHeadline), then
 * per run the decisions that changed, the metrics that moved and where the final state differs.
 */
export function ruleChangeText(change: RuleChange): string {
  // a latency with nothing measured on one side (no accepted command) shows as a dash
  const value = (n: number | null) => (n === null ? '—' : formatCell(n));
  const signed = (n: number | null) => (n === null ? '—' : n > 0 ? `+${formatCell(n)}` : formatCell(n));
  const moved = (list: readonly MetricDelta[]) => list.filter((m) => m.delta !== 0);
  const parts = [`Rule change: ${change.old} → ${change.new} (scenario ${name(change.scenario)})\n${ruleChangeHeadline(change).text}\n`];
  for (const run of change.runs) {
    const state = run.sameFinalState ? 'same final state' : `the final state differs${run.finalStateDifferences.length ? ` (${differencesCount(run.finalStateDifferences)})` : ''}`;
    parts.push(`\nrun ${name(run.run)}: ${run.changed} of ${run.commands} decision${run.commands === 1 ? '' : 's'} changed, ${state}\n`);
    const metrics = [...moved(run.metrics), ...moved(run.rejections).map((r) => ({ ...r, metric: `rejections.${r.metric}` }))];
    if (metrics.length) parts.push(indent(table([['metric', 'old', 'new', 'delta'], ...metrics.map((m) => [labelWithUnit(m.metric), value(m.old), value(m.new), signed(m.delta)])])));
    if (run.changes.length) {
      const rows = run.changes.slice(0, MAX_CHANGES).map((c) => [c.commandId, c.type, outcomeText(c.old), outcomeText(c.new) + (sameTypes(c.old, c.new) ? ' (other data)' : '')]);
      parts.push(indent(table([['command', 'type', 'old rules', 'new rules'], ...rows], ['left', 'left', 'left', 'left'])));
      if (run.changes.length > MAX_CHANGES) parts.push(`  … and ${run.changes.length - MAX_CHANGES} more (see --json)\n`);
    }
    if (run.finalStateDifferences.length) parts.push(differencesTable(run.finalStateDifferences, ['old rules', 'new rules']));
  }
  return parts.join('');
}

const sameTypes = (a: DecisionOutcome, b: DecisionOutcome): boolean => outcomeText(a) === outcomeText(b);
