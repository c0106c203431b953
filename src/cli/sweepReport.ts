/**
 * The sweep's text table (rows and the `purestream/sweep@1` document come from
 * src/engine/scenario/sweepRows.ts, its columns from sweepMetrics.ts, both shared with the app's
 * Sweep view: the same columns, in the same order, written the same way). Pure.
 */
import { formatCell, rejectedWith, rejectionCodes, sweepMetricsFor } from '../engine/scenario/sweepMetrics';
import type { SweepReport } from '../engine/scenario/sweepRows';
import { table } from './io';
import { printable } from './printable';

/** The delivery metrics, 0 in every point of a sweep without failing consumers: their columns are then named in one line under the table instead, to keep it narrow. */
const DELIVERY = new Set(['failures', 'retries', 'deadLettered', 'lost', 'duplicates']);

/** The sweep table: parameter columns, every metric that means something for the domain (the delivery metrics 0 throughout named under it), then one column per rejection code. */
export function sweepText(report: SweepReport): string {
  const head = `${printable(report.scenario, 80)} — run "${printable(report.run, 80)}", ${report.points.length} point${report.points.length === 1 ? '' : 's'}${report.seeds.length > 1 ? `, averaged over seeds ${report.seeds[0]}..${report.seeds[report.seeds.length - 1]}` : ''}\n\n`;
  const codes = rejectionCodes(report.points);
  const applicable = sweepMetricsFor(report.points);
  const zero = applicable.filter((m) => DELIVERY.has(m.id) && report.points.every((p) => m.value(p) === 0));
  const metrics = applicable.filter((m) => !zero.includes(m));
  const rows = [
    [...report.params, ...metrics.map((m) => m.label), ...codes.map((c) => `rejected: ${printable(c, 60)}`)],
    ...report.points.map((p) => [...report.params.map((name) => formatCell(p.values[name])), ...metrics.map((m) => formatCell(m.value(p))), ...codes.map((c) => formatCell(rejectedWith(p, c)))]),
  ];
  const zeros = zero.length > 0 ? `\n0 in every point: ${zero.map((m) => m.label).join(', ')}\n` : '';
  return head + table(rows) + zeros;
}

export { sweepPoints, sweepRow, type SweepReport, type SweepRow } from '../engine/scenario/sweepRows';
