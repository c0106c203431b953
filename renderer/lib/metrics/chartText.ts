/**
 * A chart's text alternative (the name of its role="img"), one way for every chart of the app:
 * Sweep's metric against a parameter, Compare's runs overlaid, Metrics' counts over time. A
 * single short series reads as its points ("violations against scheduler workers: 1→0, 2→1");
 * longer ones, or several, as each series' range, peak and end ("one queue: 0 to 40, peak 40 at
 * 250, ends at 0 at 1,500"). Pure.
 */

/** One line of the chart: its name and its y values, one per x (null: no value there). */
export interface ChartLine {
  readonly label: string;
  readonly y: readonly (number | null)[];
}

/** The most points a single series is read out as points. */
const MAX_POINTS = 24;

const num = (v: number): string => v.toLocaleString('en-US', { maximumFractionDigits: 2 });

/** A series in words: its range, where it peaks and where it ends ("no values" when it has none). */
export function seriesSummary(x: readonly number[], line: ChartLine): string {
  let peak = -1;
  let last = -1;
  let min = Infinity;
  line.y.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) return;
    if (peak < 0 || v > line.y[peak]!) peak = i;
    min = Math.min(min, v);
    last = i;
  });
  if (peak < 0) return `${line.label}: no values`;
  const top = line.y[peak]!;
  const end = line.y[last]!;
  return `${line.label}: ${min === top ? `${num(top)} throughout` : `${num(min)} to ${num(top)}, peak ${num(top)} at ${num(x[peak]!)}, ends at ${num(end)} at ${num(x[last]!)}`}`;
}

/** The chart's text: its title against the x axis, then its one series' points or each series summed up. */
export function chartText(title: string, xLabel: string, x: readonly number[], lines: readonly ChartLine[]): string {
  const [only] = lines;
  if (lines.length === 1 && only && x.length <= MAX_POINTS) return `${title} against ${xLabel}: ${x.map((v, i) => `${num(v)}→${only.y[i] === null || only.y[i] === undefined ? '–' : num(only.y[i]!)}`).join(', ')}`;
  return `${title} against ${xLabel}: ${lines.map((l) => seriesSummary(x, l)).join('; ')}`;
}
