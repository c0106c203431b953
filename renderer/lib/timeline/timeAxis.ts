/** The timeline's time axis: tick values and how a time reads (virtual ms of a run, UTC ISO times of a log). Pure. */
import type { TimelineClock } from '../reader/timelineSource';
import type { TimeRange } from './timelineModel';

/** About 8 round tick values across `range`. */
export function tickValues(r: TimeRange): number[] {
  const span = r.to - r.from;
  const raw = span / 8;
  const mag = 10 ** Math.floor(Math.log10(Math.max(raw, 1e-9)));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let t = Math.ceil(r.from / step) * step; t <= r.to; t += step) out.push(Math.round(t * 1000) / 1000);
  return out;
}

/** A time as shown: `1,234 ms` on a run's virtual clock, a UTC ISO time on a log's (seconds dropped for spans over an hour). */
export function timeLabel(t: number, clock: TimelineClock, span = 0): string {
  if (clock === 'virtual') return `${Math.round(t).toLocaleString('en-US')} ms`;
  const iso = new Date(t).toISOString();
  return span > 3_600_000 ? `${iso.slice(0, 16)}Z` : iso;
}
