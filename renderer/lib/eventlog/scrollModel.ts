/**
 * The event log's scroll model: which rows are visible for a scroll position, with a fixed row
 * height. When rows × rowHeight exceeds what a browser can lay out (~10M px here), the scroll
 * range is capped and positions are scaled, so a million rows still scroll from top to bottom.
 * Pure: the view keeps one spacer element of `scrollHeight` and asks for the window.
 */

/** The tallest spacer we lay out, below every browser's maximum element height. */
export const MAX_SCROLL_PX = 10_000_000;

/** What is on screen for a scroll position. */
export interface RowWindow {
  /** Index of the first row drawn. */
  readonly first: number;
  /** Number of rows drawn (visible ones plus overscan). */
  readonly count: number;
  /** Where the first drawn row sits, relative to the viewport's top (≤ 0). */
  readonly offsetPx: number;
}

/** The geometry of a virtual list. */
export interface ScrollGeometry {
  readonly rows: number;
  readonly rowHeight: number;
  readonly viewportHeight: number;
}

/** The spacer height: the rows' true height, capped. */
export const scrollHeight = (g: ScrollGeometry): number => Math.min(g.rows * g.rowHeight, MAX_SCROLL_PX);

/** The largest scrollTop the spacer allows. */
const maxScrollTop = (g: ScrollGeometry): number => Math.max(0, scrollHeight(g) - g.viewportHeight);

/** The largest "true" (unscaled) top, in row pixels. */
const maxTrueTop = (g: ScrollGeometry): number => Math.max(0, g.rows * g.rowHeight - g.viewportHeight);

/** Maps a scrollTop to the true pixel offset in the full list (scaled when capped). */
export function trueTop(g: ScrollGeometry, scrollTop: number): number {
  const max = maxScrollTop(g);
  if (max <= 0) return 0;
  const clamped = Math.min(Math.max(0, scrollTop), max);
  return scrollHeight(g) === g.rows * g.rowHeight ? clamped : (clamped / max) * maxTrueTop(g);
}

/** The scrollTop that shows row `index` at the top (scaled when capped). */
export function scrollTopFor(g: ScrollGeometry, index: number): number {
  const top = Math.min(Math.max(0, index) * g.rowHeight, maxTrueTop(g));
  const max = maxScrollTop(g);
  if (scrollHeight(g) === g.rows * g.rowHeight) return top;
  const trueMax = maxTrueTop(g);
  return trueMax <= 0 ? 0 : (top / trueMax) * max;
}

/** The rows to draw for a scrollTop, with `overscan` extra rows below. */
export function rowWindow(g: ScrollGeometry, scrollTop: number, overscan = 4): RowWindow {
  if (g.rows === 0) return { first: 0, count: 0, offsetPx: 0 };
  const top = trueTop(g, scrollTop);
  const first = Math.min(g.rows - 1, Math.floor(top / g.rowHeight));
  const visible = Math.ceil(g.viewportHeight / g.rowHeight) + 1;
  const count = Math.min(g.rows - first, visible + overscan);
  return { first, count, offsetPx: first * g.rowHeight - top };
}

/** Index of the first seq ≥ `seq` in a sorted array of seqs (its length when none). */
export function lowerBound(seqs: ArrayLike<number>, seq: number): number {
  let lo = 0;
  let hi = seqs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (seqs[mid] < seq) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The scrollTop that brings row `index` whole into view, moving as little as possible; the same
 * scrollTop when it already shows. For the row the keyboard made active in a virtualized table.
 */
export function scrollToShow(g: ScrollGeometry, scrollTop: number, index: number): number {
  const top = trueTop(g, scrollTop);
  const rowTop = index * g.rowHeight;
  if (rowTop < top) return scrollTopFor(g, index);
  const rowsSeen = Math.max(1, Math.floor(g.viewportHeight / g.rowHeight));
  if (rowTop + g.rowHeight > top + g.viewportHeight) return scrollTopFor(g, index - rowsSeen + 1);
  return scrollTop;
}
