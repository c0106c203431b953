/**
 * The sweep's text table (rows and the `purestream/sweep@1` document come from
 * src/engine/scenario/sweepRows.ts, shared with the app). Pure.
 */
import type { SweepReport, SweepRow } from '../engine/scenario/sweepRows';
import { table } from './io';
import { printable } from './printable';
import { formatNumber } from './reportText';

/** The sweep table: parameter columns, then the main metrics. */
export function sweepText(report: SweepReport): string {
  const head = `${printable(report.scenario, 80)} — run "${printable(report.run, 80)}", ${report.points.length} point${report.points.length === 1 ? '' : 's'}${report.seeds.length > 1 ? `, averaged over seeds ${report.seeds[0]}..${report.seeds[report.seeds.length - 1]}` : ''}\n\n`;
  const columns: [string, (r: SweepRow) => number][] = [
    ['accepted', (r) => r.metrics.accepted],
    ['rejected', (r) => r.metrics.rejected],
    ['makespan ms', (r) => r.metrics.makespanMs],
    ['cmd p95 ms', (r) => r.metrics.commandLatencyMs.p95],
    ['enact p95 ms', (r) => r.metrics.enactLatencyMs.p95],
    ['max queue', (r) => r.metrics.maxQueueDepth],
    ['max workers', (r) => r.metrics.maxWorkers],
    ['failures', (r) => r.metrics.failures],
    ['dead-lettered', (r) => r.metrics.deadLettered],
    ['lost', (r) => r.metrics.lost],
    ['duplicates', (r) => r.metrics.duplicates],
    ['violations', (r) => r.violations],
  ];
  const rows = [
    [...report.params, ...columns.map(([name]) => name)],
    ...report.points.map((p) => [...report.params.map((name) => formatNumber(p.values[name])), ...columns.map(([, value]) => formatNumber(value(p)))]),
  ];
  return head + table(rows);
}

export { sweepRow, type SweepReport, type SweepRow } from '../engine/scenario/sweepRows';
