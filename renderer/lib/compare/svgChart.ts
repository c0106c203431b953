/**
 * A Compare chart (overlayChart.ts, the model the app's chart draws) as SVG text for the
 * exported HTML report: the title, the y axis from 0 to the model's top with its ticks and its
 * title turned up the left edge, the time ticks with their title below them, the lines, and a
 * legend under the plot that wraps and names a line identical to an earlier one "same as" it
 * (drawn dashed inside it, as in the app). Each run's line also carries its own marker shape
 * (a dot, a square, a triangle…) at intervals along it and in the legend, so the lines stay
 * apart printed in black and white; the markers of a line drawn over an identical one fall
 * between its own. Colours come from the page's stylesheet (compareHtmlStyle.ts) through
 * classes — `bg`, `grid`, `tick`, `label`, and `line` and `mark` coloured by the run's `--run` —
 * with the run's colour as the lines' own stroke besides. Text is laid out from an estimate of
 * its width, so no title runs over a tick label. Pure.
 */
import { escapeXml } from '../text/escapeXml';
import { truncate } from '../text/truncate';
import { VALUE_STEPS } from '../metrics/chartData';
import type { OverlayChartModel } from './overlayChart';

const W = 640;
const PLOT_H = 170;
const TOP = 34;
const RIGHT = 16;
const LEGEND_ROW = 18;
/** A generous average width of a character of 11px sans-serif, for layout without measuring. */
const CHAR = 6.6;
/** Least distance (px) between two markers of one line. */
const MARK_SPACING = 64;
/** The width of a legend item's sample line, its marker in the middle. */
const SAMPLE = 24;

const round = (n: number): string => (Math.round(n * 10) / 10).toString();

/** A tick's label, as uPlot writes it: 1,500 · 2.5. */
export const tickLabel = (v: number): string => v.toLocaleString('en-US', { maximumFractionDigits: 3 });

/** Round ticks within [min, max], about `count` of them (a step of 1, 2, 2.5 or 5 times a power of ten). */
export function ticks(min: number, max: number, count: number): number[] {
  if (!(max > min)) return [min];
  const step = VALUE_STEPS.find((s) => s >= (max - min) / count) ?? VALUE_STEPS[VALUE_STEPS.length - 1];
  const out: number[] = [];
  for (let i = Math.ceil(min / step); i * step <= max + step * 1e-9; i++) out.push(Number((i * step).toPrecision(12)));
  return out;
}

/** The polyline points of column `k` of the chart's data, nulls skipped (joined across, as in the app). */
function linePoints(chart: OverlayChartModel, k: number, x: (t: number) => number, y: (v: number) => number): string {
  const xs = chart.data[0];
  const ys = chart.data[k + 1];
  const pts: string[] = [];
  let last: number | undefined;
  for (let i = 0; i < xs.length; i++) {
    const v = ys[i];
    if (v === null || v === undefined) continue;
    if (chart.step && last !== undefined && last !== v) pts.push(`${round(x(xs[i]))},${round(y(last))}`);
    pts.push(`${round(x(xs[i]))},${round(y(v))}`);
    last = v;
  }
  return pts.join(' ');
}

/** The marker shapes, by a line's place: filled ones first, then open ones (the class each marker carries). */
export const MARKER_SHAPES = ['dot', 'square', 'triangle', 'diamond', 'triangle-down', 'ring', 'box', 'cross'] as const;

/** Marker `shape` (a line's place, MARKER_SHAPES) centred at (x, y). */
export function marker(shape: number, x: number, y: number): string {
  const name = MARKER_SHAPES[shape % MARKER_SHAPES.length];
  const open = name === 'ring' || name === 'box' || name === 'cross';
  const cls = `mark${open ? ' open' : ''} ${name}`;
  const at = (dx: number, dy: number) => `${round(x + dx)},${round(y + dy)}`;
  const path = (...pts: (readonly [number, number])[]) => `<path class="${cls}" d="M${pts.map(([dx, dy]) => at(dx, dy)).join('L')}Z"/>`;
  switch (name) {
    case 'dot':
      return `<circle class="${cls}" cx="${round(x)}" cy="${round(y)}" r="3.6"/>`;
    case 'square':
      return `<rect class="${cls}" x="${round(x - 3.2)}" y="${round(y - 3.2)}" width="6.4" height="6.4"/>`;
    case 'triangle':
      return path([0, -4.4], [4.2, 3], [-4.2, 3]);
    case 'diamond':
      return path([0, -4.6], [4.6, 0], [0, 4.6], [-4.6, 0]);
    case 'triangle-down':
      return path([0, 4.4], [4.2, -3], [-4.2, -3]);
    case 'ring':
      return `<circle class="${cls}" cx="${round(x)}" cy="${round(y)}" r="3.4"/>`;
    case 'box':
      return `<rect class="${cls}" x="${round(x - 3)}" y="${round(y - 3)}" width="6" height="6"/>`;
    case 'cross':
      return `<path class="${cls}" d="M${at(-3.4, -3.4)}L${at(3.4, 3.4)}M${at(-3.4, 3.4)}L${at(3.4, -3.4)}"/>`;
  }
}

/** The markers of column `k`: at its points, at least MARK_SPACING apart, starting `phase` px in (so lines drawn over one another show each one's markers). */
function lineMarkers(chart: OverlayChartModel, k: number, x: (t: number) => number, y: (v: number) => number, from: number, phase: number): string {
  const xs = chart.data[0];
  const ys = chart.data[k + 1];
  const out: string[] = [];
  let next = from + phase;
  for (let i = 0; i < xs.length; i++) {
    const v = ys[i];
    if (v === null || v === undefined) continue;
    const px = x(xs[i]);
    if (px < next) continue;
    out.push(marker(k, px, y(v)));
    next = px + MARK_SPACING;
  }
  return out.join('');
}

/** The SVG of a chart; its `aria-label` names the chart and its lines. The root has data-y-max and data-y-top. */
export function svgChart(chart: OverlayChartModel): string {
  const e = escapeXml;
  const yLabels = chart.y.ticks.map(tickLabel);
  // the y title, turned, at the left edge; the tick labels right-aligned after it
  const left = 22 + Math.max(...yLabels.map((l) => l.length)) * CHAR + 10;
  const right = W - RIGHT;
  const bottom = TOP + PLOT_H;
  const xs = chart.data[0];
  const minX = xs.length > 0 ? Math.min(0, xs[0]) : 0;
  const maxX = Math.max(minX + 1, xs.length > 0 ? xs[xs.length - 1] : 0);
  const x = (t: number) => left + ((t - minX) / (maxX - minX)) * (right - left);
  const y = (v: number) => bottom - (v / chart.y.top) * PLOT_H;
  const grid = chart.y.ticks
    .map((v, i) => `<line x1="${round(left)}" x2="${right}" y1="${round(y(v))}" y2="${round(y(v))}" class="grid"/><text x="${round(left - 6)}" y="${round(y(v) + 4)}" text-anchor="end" font-size="11" class="tick">${yLabels[i]}</text>`)
    .join('');
  const xLabels = ticks(minX, maxX, Math.max(2, Math.floor((right - left) / 70)))
    .map((t) => `<text x="${round(x(t))}" y="${bottom + 16}" text-anchor="middle" font-size="11" class="tick">${tickLabel(t)}</text>`)
    .join('');
  const axisTitles =
    `<text x="${round((left + right) / 2)}" y="${bottom + 36}" text-anchor="middle" font-size="12" font-weight="600" class="tick">${e(chart.xLabel)}</text>` +
    `<text transform="translate(14 ${round(TOP + PLOT_H / 2)}) rotate(-90)" text-anchor="middle" font-size="12" font-weight="600" class="tick">${e(chart.yLabel)}</text>`;
  const n = chart.series.length;
  const dashOf = (s: OverlayChartModel['series'][number], max = Infinity) => (s.dash ? ` stroke-dasharray="${s.dash.map((d) => Math.min(d, max)).join(' ')}"` : '');
  const lines = chart.series
    .map(
      (s, k) =>
        `<g style="--run:${e(s.color)}"><polyline class="line" fill="none" stroke="${e(s.color)}" stroke-width="${s.width}"${dashOf(s)} stroke-linejoin="round" points="${linePoints(chart, k, x, y)}"><title>${e(s.label)}</title></polyline>` +
        `${lineMarkers(chart, k, x, y, left, (k / n) * MARK_SPACING)}</g>`,
    )
    .join('');
  // the legend flows in rows under the x title
  let lx = left;
  let row = 0;
  const legend = chart.series
    .map((s, k) => {
      const text = truncate(s.label, 60);
      const width = SAMPLE + 6 + text.length * CHAR;
      if (lx > left && lx + width > right) {
        lx = left;
        row++;
      }
      const item = `<g transform="translate(${round(lx)} ${bottom + 52 + row * LEGEND_ROW})" style="--run:${e(s.color)}"><line class="line" x1="0" x2="${SAMPLE}" y1="-4" y2="-4" stroke="${e(s.color)}" stroke-width="${Math.min(s.width, 3)}"${dashOf(s, 4)}/>${marker(k, SAMPLE / 2, -4)}<text class="label" x="${SAMPLE + 6}" y="0" font-size="11">${e(text)}</text></g>`;
      lx += width + 18;
      return item;
    })
    .join('');
  const h = bottom + 52 + row * LEGEND_ROW + 10;
  const label = `${chart.title}: ${chart.series.map((s) => s.label).join(', ')}`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${h}" width="${W}" height="${h}" role="img" aria-label="${e(label)}" data-y-max="${chart.y.max}" data-y-top="${chart.y.top}">` +
    `<rect class="bg" width="${W}" height="${h}"/><text class="label" x="12" y="20" font-size="13" font-weight="600">${e(chart.title)}</text>` +
    `${grid}${xLabels}${axisTitles}${lines}${legend}</svg>`
  );
}
