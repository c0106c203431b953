/** One-line summaries of event data for the event log's table. Pure. */
import { truncate } from '../text/truncate';

/** How many characters of a row's data summary the table's cell shows, and its tooltip. */
const CELL_CHARS = 120;
const TITLE_CHARS = 2000;

/** The whole `key=value …` summary of an event's data: nested values as `[n]` and `{…}`. */
function wholeSummary(data: unknown): string {
  if (data === null || data === undefined) return '';
  if (typeof data !== 'object') return String(data);
  if (Array.isArray(data)) return `[${data.length} items]`;
  return Object.entries(data as Record<string, unknown>)
    .map(([k, v]) => `${k}=${typeof v === 'object' && v !== null ? (Array.isArray(v) ? `[${v.length}]` : '{…}') : typeof v === 'string' ? v : String(v)}`)
    .join(' ');
}

/** A short `key=value …` summary of an event's data, at most `max` characters. */
export function summarize(data: unknown, max = CELL_CHARS): string {
  return truncate(wholeSummary(data), max);
}

/** A table row's data summary, made once: `text` as its cell shows it (what {@link summarize} gives), `title` up to 2,000 characters for its tooltip. */
export function rowSummary(data: unknown): { readonly text: string; readonly title: string } {
  const whole = wholeSummary(data);
  return { text: truncate(whole, CELL_CHARS), title: truncate(whole, TITLE_CHARS) };
}

/** Milliseconds for the time column: virtual ms as they are, epoch ms (after 2001) as an ISO time. */
export function formatAt(at: number): string {
  if (at >= 978_307_200_000) return new Date(at).toISOString().replace('T', ' ').replace('Z', '');
  return `${Number.isInteger(at) ? at : at.toFixed(1)} ms`;
}
