/**
 * Lines that would hide one another: a chart's series identical at every x to an earlier one
 * (one queue and single writer keep the same queue) would be drawn exactly over it. Such a
 * series is named "same as <run>" in the legend and drawn dashed and narrower than the one it
 * repeats, which shows round it and through its gaps. Pure.
 */
import type { Columns } from './chartData';

/** How one series is drawn and named. */
export interface SeriesLook {
  /** Its legend label: the run's name, with "(same as <run>)" when it repeats an earlier series. */
  readonly label: string;
  /** Its line width in px. */
  readonly width: number;
  /** Its dash pattern in px (undefined: a solid line). */
  readonly dash?: readonly number[];
  /** The index of the earlier series it repeats. */
  readonly sameAs?: number;
}

/** The width of a line that nothing repeats. */
export const LINE_WIDTH = 1.5;

/** How much wider a line is than the one drawn over it, so that it shows on both sides. */
export const UNDER_WIDTH = 2.5;

/** Dashes of the 2nd, 3rd and 4th… series of one identical set. */
export const REPEAT_DASHES: readonly (readonly number[])[] = [[10, 6], [3, 6], [14, 4, 3, 4]];

/** For each y column of `data`, the first earlier column with the same value at every x (undefined: none). */
export function sameAsEarlier(data: Columns): (number | undefined)[] {
  const ys = data.slice(1) as (number | null)[][];
  const same = (a: readonly (number | null)[], b: readonly (number | null)[]) => a.length === b.length && a.every((v, i) => v === b[i]);
  return ys.map((y, k) => {
    const first = ys.findIndex((other, j) => j < k && same(other, y));
    return first < 0 ? undefined : first;
  });
}

/** How each of the series named `names` (the y columns of `data`, in order) is drawn and labelled. */
export function seriesLooks(data: Columns, names: readonly string[]): SeriesLook[] {
  const earlier = sameAsEarlier(data);
  // each series' place in its identical set (0: the first, drawn solid) and the set's size
  const place = earlier.map((first, k) => (first === undefined ? 0 : earlier.slice(0, k).filter((f) => f === first).length + 1));
  const size = (k: number) => earlier.filter((f) => f === k).length + 1;
  return names.map((name, k) => {
    const first = earlier[k];
    const width = LINE_WIDTH + UNDER_WIDTH * (size(first ?? k) - 1 - place[k]);
    if (first === undefined) return { label: name, width };
    return { label: `${name} (same as ${names[first]})`, width, dash: REPEAT_DASHES[Math.min(place[k] - 1, REPEAT_DASHES.length - 1)], sameAs: first };
  });
}

/** The border style of a series' legend marker (uPlot's `legend.markers.dash`): dashed for a dashed series. */
export const markerDash = (chart: { readonly series: readonly { readonly dash?: readonly number[] }[] }, index: number): 'dashed' | 'solid' => (chart.series[index]?.dash ? 'dashed' : 'solid');
