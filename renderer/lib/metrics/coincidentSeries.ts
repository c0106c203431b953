/**
 * Lines that would hide one another: a chart's series identical at every x to an earlier one
 * (one queue and single writer keep the same queue) would be drawn exactly over it, and one equal
 * to it at all but a few x (NEARLY_SHARE: the flash sale's inventory-aware queue is the 8 workers'
 * but for the orders it releases together) all but exactly. Such a series is named "same as
 * <run>" ("almost the same as <run>") in the legend and drawn dashed and narrower than the one it
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
  /** The index of the earlier series it repeats (the one its label names). */
  readonly sameAs?: number;
  /** It repeats that series at all but a few x (NEARLY_SHARE), not at every x. */
  readonly nearly?: true;
}

/** The share of its x at most where a series may differ from an earlier one and still be drawn as repeating it ("almost the same as"). */
export const NEARLY_SHARE = 0.05;

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

/**
 * For each y column of `data` that no earlier column equals at every x, the first earlier one it
 * equals at all but at most NEARLY_SHARE of its x (an x where both have no value is left out), and
 * at one x at least (undefined: none).
 */
export function nearlyAsEarlier(data: Columns, exact: readonly (number | undefined)[] = sameAsEarlier(data)): (number | undefined)[] {
  const ys = data.slice(1) as (number | null)[][];
  const nearly = (a: readonly (number | null)[], b: readonly (number | null)[]): boolean => {
    if (a.length !== b.length) return false;
    let shared = 0;
    let differ = 0;
    for (let i = 0; i < a.length; i++) {
      if (a[i] === null && b[i] === null) continue;
      shared++;
      if (a[i] !== b[i]) differ++;
    }
    return shared > 0 && differ > 0 && differ <= NEARLY_SHARE * shared;
  };
  return ys.map((y, k) => {
    if (exact[k] !== undefined) return undefined;
    const first = ys.findIndex((other, j) => j < k && nearly(other, y));
    return first < 0 ? undefined : first;
  });
}

/** How each of the series named `names` (the y columns of `data`, in order) is drawn and labelled. */
export function seriesLooks(data: Columns, names: readonly string[]): SeriesLook[] {
  const exact = sameAsEarlier(data);
  const near = nearlyAsEarlier(data, exact);
  // a series repeats the first of its set: its own first when the one it repeats repeats another
  const root = (k: number): number => (exact[k] ?? near[k]) === undefined ? k : root((exact[k] ?? near[k])!);
  const earlier = exact.map((e, k) => (e ?? near[k]) === undefined ? undefined : root(k));
  // each series' place in its identical set (0: the first, drawn solid) and the set's size
  const place = earlier.map((first, k) => (first === undefined ? 0 : earlier.slice(0, k).filter((f) => f === first).length + 1));
  const size = (k: number) => earlier.filter((f) => f === k).length + 1;
  return names.map((name, k) => {
    const first = earlier[k];
    const width = LINE_WIDTH + UNDER_WIDTH * (size(first ?? k) - 1 - place[k]);
    if (first === undefined) return { label: name, width };
    const dash = REPEAT_DASHES[Math.min(place[k] - 1, REPEAT_DASHES.length - 1)];
    // named after the series it repeats itself (drawn in the set of that one's first)
    if (exact[k] !== undefined) return { label: `${name} (same as ${names[exact[k]]})`, width, dash, sameAs: exact[k] };
    return { label: `${name} (almost the same as ${names[near[k]!]})`, width, dash, sameAs: near[k]!, nearly: true };
  });
}

/** The border style of a series' legend marker (uPlot's `legend.markers.dash`): dashed for a dashed series. */
export const markerDash = (chart: { readonly series: readonly { readonly dash?: readonly number[] }[] }, index: number): 'dashed' | 'solid' => (chart.series[index]?.dash ? 'dashed' : 'solid');
