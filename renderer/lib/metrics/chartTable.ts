/**
 * A chart's data as table rows, the equivalent of what the chart draws for a reader who cannot
 * see it: a row per x where some series changes (a step series holds its value between), the
 * first and the last x always kept, at most `maxRows` rows (then `more` says how many are left
 * out). Pure.
 */
import type { Columns } from './chartData';

export interface ChartTable {
  readonly rows: readonly { readonly x: number; readonly values: readonly (number | null)[] }[];
  /** Rows past `maxRows`, left out. */
  readonly more: number;
}

export function chartTable(data: Columns, maxRows = 200): ChartTable {
  const [xs, ...ys] = data;
  const rows: { x: number; values: (number | null)[] }[] = [];
  for (let i = 0; i < xs.length; i++) {
    const values = ys.map((y) => y[i] ?? null);
    const prev = rows[rows.length - 1];
    const changed = !prev || values.some((v, k) => v !== prev.values[k]);
    if (changed || i === xs.length - 1) {
      // the same x twice (a peak within an instant): the later value replaces nothing, it is its own row
      if (prev && !changed && prev.x === xs[i]) continue;
      rows.push({ x: xs[i], values });
    }
  }
  return rows.length <= maxRows ? { rows, more: 0 } : { rows: rows.slice(0, maxRows), more: rows.length - maxRows };
}
