/** The metrics a sweep can plot against its parameter (the engine's one list, shared with `purestream sweep`), and the chart columns of the chosen ones. Pure. */
import type { SweepMetric } from '../../../src/engine/scenario/sweepMetrics';
import type { SweepRow } from './sweepCore';

export { formatCell, rejectedWith, rejectionCodes, SWEEP_METRICS, sweepMetricsFor, type SweepMetric } from '../../../src/engine/scenario/sweepMetrics';

/** Chart columns for one metric: x = the parameter's values, y = the metric, one value per finished point. */
export function metricColumns(rows: readonly SweepRow[], param: string, metric: SweepMetric): [number[], number[]] {
  const sorted = [...rows].sort((a, b) => a.values[param] - b.values[param]);
  return [sorted.map((r) => r.values[param]), sorted.map(metric.value)];
}
