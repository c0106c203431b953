/**
 * The Compare charts of several runs overlaid on one time axis, as one model that both the app's
 * uPlot chart (OverlayChart.svelte) and the exported page's SVG (svgChart.ts) draw: the aligned
 * columns, each run's label (named "same as" an earlier run whose line it repeats), color, line
 * width and dash, and the y axis from 0 (its top above the data, its ticks). Pure.
 */
import { alignSeries, runColor, type Points } from './chartSeries';
import { alignSteps, COUNT_STEPS, VALUE_STEPS, yAxis, yMaxOf, type Columns, type YAxis } from '../metrics/chartData';
import { seriesLooks } from '../metrics/coincidentSeries';
import type { RunFacts } from '../reader/runReader';

/** One run's line: its legend label, color, width (px) and dash (px; undefined: solid). */
export interface OverlaySeries {
  readonly label: string;
  readonly color: string;
  readonly width: number;
  readonly dash?: readonly number[];
}

/** A chart of overlaid runs: x is time in ms, one y column per run. */
export interface OverlayChartModel {
  readonly title: string;
  /** The x axis' title. */
  readonly xLabel: string;
  /** The y axis' title (its unit). */
  readonly yLabel: string;
  /** Steps (a value holds until the next point), as queue depth; else points joined by lines. */
  readonly step: boolean;
  readonly data: Columns;
  readonly series: readonly OverlaySeries[];
  readonly y: YAxis;
}

/** A run as Compare charts it: its name, its color and its facts (none: not traced). */
export interface ChartedRun {
  readonly report: { readonly name: string };
  readonly facts?: RunFacts;
  /** Default: the color of its place among the runs given. */
  readonly color?: string;
}

/** Compare's two charts of the runs that made decisions (none: undefined). */
export interface CompareCharts {
  readonly depth: OverlayChartModel;
  readonly latency: OverlayChartModel;
}

function model(title: string, yLabel: string, step: boolean, data: Columns, names: readonly string[], colors: readonly string[]): OverlayChartModel {
  const series = seriesLooks(data, names).map((look, i) => ({ label: look.label, color: colors[i], width: look.width, ...(look.dash ? { dash: look.dash } : {}) }));
  return { title, xLabel: 't (ms)', yLabel, step, data, series, y: yAxis(yMaxOf(data), step ? COUNT_STEPS : VALUE_STEPS) };
}

/** The decision queue depth (commands waiting, a count on whole steps) and command latency (ms, at each command's arrival) of the runs with decisions. */
export function compareCharts(runs: readonly ChartedRun[]): CompareCharts | undefined {
  const traced = runs.flatMap((r, i) => (r.facts && r.facts.decisions > 0 ? [{ name: r.report.name, color: r.color ?? runColor(i), facts: r.facts }] : []));
  if (traced.length === 0) return undefined;
  const names = traced.map((r) => r.name);
  const colors = traced.map((r) => r.color);
  const series = (pick: (f: RunFacts) => Points) => traced.map((r) => pick(r.facts));
  return {
    depth: model('Decision queue depth', 'commands waiting', true, alignSteps(series((f) => f.queueDepth), Infinity), names, colors),
    latency: model('Command latency (at arrival)', 'ms', false, alignSeries(series((f) => f.latency)), names, colors),
  };
}
