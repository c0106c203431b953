/** The timeline's time axis: tick values and how a time reads (virtual ms of a run, UTC ISO times of a log). Pure. */
import type { TimelineClock } from '../reader/timelineSource';
import type { TimeRange } from './timelineModel';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** The steps between ticks on a log's clock: round times (each divides the next larger unit), so a tick falls on a whole second, minute or hour and its label is exact. */
const TIME_STEPS = [
  1, 2, 5, 10, 20, 50, 100, 200, 500,
  SECOND, 2 * SECOND, 5 * SECOND, 10 * SECOND, 15 * SECOND, 30 * SECOND,
  MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE,
  HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY,
];

/** About 8 round tick values across `range`: 1, 2 or 5 × a power of ten (ms of a run's virtual clock), or round times on a log's clock (1/2/5/10/15/30 s, 1/2/5/10/15/30 min, hours, days). */
export function tickValues(r: TimeRange, clock: TimelineClock = 'virtual'): number[] {
  const span = r.to - r.from;
  const raw = span / 8;
  const mag = 10 ** Math.floor(Math.log10(Math.max(raw, 1e-9)));
  const decimal = (unit: number, m: number): number => [1, 2, 5, 10].map((k) => k * unit * m).find((s) => s >= raw) ?? raw;
  const step = clock === 'epoch' ? (TIME_STEPS.find((s) => s >= raw) ?? decimal(DAY, 10 ** Math.floor(Math.log10(Math.max(raw / DAY, 1))))) : decimal(1, mag);
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

/**
 * A tick's label: on a log's clock only what changes between ticks `step` ms apart — the time of
 * day (`14:05:30`, with ms for sub-second steps, without seconds for steps of a minute or more),
 * prefixed by the month and day when `range` spans several UTC days, the date alone for steps of
 * a day or more (the full times of the range are in the toolbar). The virtual clock: ms.
 */
export function tickLabel(t: number, clock: TimelineClock, step: number, range: TimeRange): string {
  if (clock === 'virtual') return String(t);
  const iso = new Date(t).toISOString();
  if (step >= 86_400_000) return iso.slice(0, 10);
  const time = step < 1000 ? iso.slice(11, 23) : step < 60_000 ? iso.slice(11, 19) : iso.slice(11, 16);
  const sameDay = new Date(range.from).toISOString().slice(0, 10) === new Date(range.to).toISOString().slice(0, 10);
  return sameDay ? time : `${iso.slice(5, 10)} ${time}`;
}
