/** A small line chart of several runs as standalone SVG text (for the exported HTML report). Pure. */
import { truncate } from '../text/truncate';
import type { Points } from './chartSeries';

/** One line of the chart. */
export interface SvgSeries {
  readonly label: string;
  readonly color: string;
  readonly points: Points;
  /** Draw as a step function (value holds until the next point). */
  readonly step?: boolean;
}

const W = 640;
const H = 220;
const PAD = { left: 48, right: 12, top: 12, bottom: 28 };

/** Escapes text for XML/HTML. */
export const escapeXml = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const round = (n: number): string => (Math.round(n * 10) / 10).toString();

/** "Nice" tick values covering [0, max]. */
export function ticks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0];
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = 0; v <= max + step * 1e-9; v += step) out.push(Math.round(v * 1e6) / 1e6);
  return out;
}

/** An SVG chart of the series with axes and a legend; `title` labels it for screen readers. */
export function svgChart(title: string, series: readonly SvgSeries[], unit: string): string {
  const all = series.flatMap((s) => s.points);
  const maxX = Math.max(1, ...all.map((p) => p.t));
  const maxY = Math.max(1, ...all.map((p) => p.value));
  const yTicks = ticks(maxY);
  const top = yTicks[yTicks.length - 1] || maxY;
  const x = (t: number) => PAD.left + (t / maxX) * (W - PAD.left - PAD.right);
  const y = (v: number) => H - PAD.bottom - (v / top) * (H - PAD.top - PAD.bottom);
  const grid = yTicks
    .map((v) => `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${round(y(v))}" y2="${round(y(v))}" stroke="#2d343f"/><text x="${PAD.left - 6}" y="${round(y(v) + 4)}" text-anchor="end" fill="#9aa4b2" font-size="11">${v}</text>`)
    .join('');
  const xTicks = ticks(maxX)
    .filter((t) => t <= maxX)
    .map((t) => `<text x="${round(x(t))}" y="${H - 8}" text-anchor="middle" fill="#9aa4b2" font-size="11">${t}</text>`)
    .join('');
  const lines = series
    .map((s) => {
      const pts: string[] = [];
      s.points.forEach((p, i) => {
        if (s.step && i > 0) pts.push(`${round(x(p.t))},${round(y(s.points[i - 1].value))}`);
        pts.push(`${round(x(p.t))},${round(y(p.value))}`);
      });
      return `<polyline fill="none" stroke="${s.color}" stroke-width="1.6" points="${pts.join(' ')}"><title>${escapeXml(s.label)}</title></polyline>`;
    })
    .join('');
  const legend = series
    .map((s, i) => `<g transform="translate(${PAD.left + 8 + i * 130},${PAD.top + 4})"><rect width="10" height="10" fill="${s.color}"/><text x="14" y="9" fill="#e4e8ee" font-size="11">${escapeXml(truncate(s.label, 16))}</text></g>`)
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeXml(title)}">` +
    `<rect width="${W}" height="${H}" fill="#181c22"/>${grid}${xTicks}` +
    `<text x="${W - PAD.right}" y="${H - 8}" text-anchor="end" fill="#6f7a89" font-size="10">t (ms)</text>` +
    `<text x="4" y="${PAD.top + 2}" fill="#6f7a89" font-size="10">${escapeXml(unit)}</text>${lines}${legend}</svg>`
  );
}
