/**
 * Readable text for run reports: one column per run for metrics, rejections by code,
 * violations and state hash; and the final-state differences of a comparison. Every name,
 * code and message from the scenario is made printable (./printable). Pure.
 */
import type { Comparison, Metrics, Percentiles, Report, RunReport } from '../engine/types';
import { table } from './io';
import { printable } from './printable';

/** A name in a line of text (a run, a scenario): printable and short. */
const name = (text: string): string => printable(text, 80);

/** Most differences listed per compared pair (the JSON report has them all). */
const MAX_DIFFERENCES = 40;

/** Up to two decimals, without trailing zeros. */
export const formatNumber = (n: number): string => (Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100));

const COUNTS: readonly (keyof Metrics)[] = ['commands', 'accepted', 'rejected', 'events', 'deliveries', 'failures', 'retries', 'deadLettered', 'lost', 'duplicates'];
const PERCENTILES: readonly (keyof Percentiles)[] = ['p50', 'p95', 'p99', 'max'];

/** The metrics table: one row per metric, one column per run. */
export function metricsTable(runs: readonly RunReport[]): string {
  const row = (label: string, value: (r: RunReport) => string) => [label, ...runs.map(value)];
  const rows: string[][] = [
    ['', ...runs.map((r) => r.name)],
    ...COUNTS.map((k) => row(k, (r) => formatNumber(r.metrics[k] as number))),
    row('makespan ms', (r) => formatNumber(r.metrics.makespanMs)),
    ...PERCENTILES.map((p) => row(`command latency ${p} ms`, (r) => formatNumber(r.metrics.commandLatencyMs[p]))),
    ...PERCENTILES.map((p) => row(`enact latency ${p} ms`, (r) => formatNumber(r.metrics.enactLatencyMs[p]))),
    row('max queue depth', (r) => formatNumber(r.metrics.maxQueueDepth)),
    row('max workers', (r) => formatNumber(r.metrics.maxWorkers)),
    row('stale decisions', (r) => formatNumber(r.metrics.staleDecisions ?? 0)),
  ];
  const codes = [...new Set(runs.flatMap((r) => Object.keys(r.rejections)))].sort();
  for (const code of codes) rows.push(row(`rejected: ${code}`, (r) => formatNumber(r.rejections[code] ?? 0)));
  rows.push(row('violations', (r) => formatNumber(r.violations.length)));
  rows.push(row('state hash', (r) => r.stateHash.slice(0, 12)));
  return table(rows);
}

/** Every violation, run by run, in order of occurrence. */
export function violationsText(runs: readonly RunReport[]): string {
  const lines = runs.flatMap((r) => r.violations.map((v) => `  ${name(r.name)}: ${name(v.invariant)} at ${formatNumber(v.atMs)} ms (event ${v.eventSeq}): ${printable(v.message)}\n`));
  return lines.length ? `\nInvariant violations:\n${lines.join('')}` : '';
}

/** The summary `purestream run` prints. */
export function runReportText(report: Report): string {
  const title = `${name(report.scenario)} — domain ${name(report.domain)}, seed ${report.seed}\n\n`;
  return title + metricsTable(report.runs) + violationsText(report.runs);
}

const show = (v: unknown): string => (v === null ? '(absent)' : JSON.stringify(v));

/** One comparison: same final state, or its changed leaves as path / a / b. */
export function comparisonText(c: Comparison): string {
  if (c.sameFinalState) return `\n${name(c.b)} vs ${name(c.a)}: same final state\n`;
  const head = `\n${name(c.b)} vs ${name(c.a)}: ${c.differences.length} difference${c.differences.length === 1 ? '' : 's'} in the final state\n`;
  const rows = [['path', c.a, c.b], ...c.differences.slice(0, MAX_DIFFERENCES).map((d) => [d.path.join(' › '), show(d.a), show(d.b)])];
  const more = c.differences.length > MAX_DIFFERENCES ? `… and ${c.differences.length - MAX_DIFFERENCES} more (see --json)\n` : '';
  return head + indent(table(rows)) + more;
}

/** What `purestream compare` prints: the runs side by side, then each run's differences from the first. */
export function compareReportText(report: Report): string {
  return runReportText(report) + (report.comparison ?? []).map(comparisonText).join('');
}

const indent = (text: string): string =>
  text
    .split('\n')
    .map((l) => (l ? `  ${l}` : l))
    .join('\n');
