/**
 * Which rows the event table asks the logs worker for around its window, and when it stops
 * asking: rows held or in flight that cover the window need no request, and neither does a view
 * whose last page came back empty though the log has rows (asking again would get the same page,
 * so the table says the rows could not be read and waits for Retry). Pure.
 */
import type { RowsReply } from '../workspace/logsProtocol';

/** The worker's most rows per request. */
export const MOST_ROWS = 500;

/** Rows `first`..`end` (exclusive) of the view `key` (its log, filter and revision). */
export interface RowSpan {
  readonly key: string;
  readonly first: number;
  readonly end: number;
}

/** What the table knows when its window moves or its view changes. */
export interface RowsWanted {
  /** The view the rows are for: log, filter, and a growing log's revision. */
  readonly key: string;
  /** The window's first row and how many rows it shows. */
  readonly window: { readonly first: number; readonly count: number };
  /** Rows the viewport holds (for a window not laid out yet). */
  readonly visible: number;
  /** How many rows the view has, as last told. */
  readonly total: number;
  /** The rows held and the request in flight. */
  readonly held: RowSpan;
  readonly inflight?: RowSpan;
  /** The view whose last page was unreadable (see {@link unreadablePage}). */
  readonly unreadable?: string;
}

/**
 * The rows to ask for (3 viewports before the window, 5 after, at most MOST_ROWS), or undefined
 * when the rows held or in flight cover the window and a viewport's margin, or the view's last
 * page was unreadable.
 */
export function rowsToAsk(w: RowsWanted): { readonly first: number; readonly count: number } | undefined {
  if (w.unreadable === w.key) return undefined;
  const visible = w.window.count > 0 ? w.window.count : w.visible;
  const count = Math.min(MOST_ROWS, visible * 8);
  const before = Math.min(3 * visible, Math.floor((count - visible) / 2));
  const margin = Math.min(visible, before);
  const need = { first: Math.max(0, w.window.first - margin), end: Math.min(w.total, w.window.first + w.window.count + margin) };
  const covers = (r: RowSpan | undefined) => r !== undefined && r.key === w.key && r.first <= need.first && r.end >= need.end;
  if (covers(w.held) || covers(w.inflight)) return undefined;
  return { first: Math.max(0, w.window.first - before), count };
}

/** A page that says the view has rows yet holds none: they could not be read (the worker clamps a page to the rows there are, so a readable view never gives one). */
export const unreadablePage = (reply: RowsReply): boolean => reply.total > 0 && reply.events.length === 0;
