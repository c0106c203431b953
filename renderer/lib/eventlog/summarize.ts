/** One-line summaries of event data for the event log's table. Pure. */
import { truncate } from '../text/truncate';

/** A short `key=value …` summary of an event's data, at most `max` characters. */
export function summarize(data: unknown, max = 120): string {
  let text: string;
  if (data === null || data === undefined) text = '';
  else if (typeof data !== 'object') text = String(data);
  else if (Array.isArray(data)) text = `[${data.length} items]`;
  else
    text = Object.entries(data as Record<string, unknown>)
      .map(([k, v]) => `${k}=${typeof v === 'object' && v !== null ? (Array.isArray(v) ? `[${v.length}]` : '{…}') : typeof v === 'string' ? v : String(v)}`)
      .join(' ');
  return truncate(text, max);
}

/** Milliseconds for the time column: virtual ms as they are, epoch ms (after 2001) as an ISO time. */
export function formatAt(at: number): string {
  if (at >= 978_307_200_000) return new Date(at).toISOString().replace('T', ' ').replace('Z', '');
  return `${Number.isInteger(at) ? at : at.toFixed(1)} ms`;
}
