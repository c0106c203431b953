/**
 * The timeline of one run as plain data: a swimlane per decision worker and per consumer worker,
 * a bar per decision and per delivery attempt colored by outcome, and consumers' downtime
 * windows. Pure; the view only maps it to pixels.
 */
import type { AttemptOutcome, ConsumerConfig, Trace } from '../../../src/engine/types';

/** A bar's color class. */
export type BarOutcome = 'accepted' | 'rejected' | 'partial' | AttemptOutcome;

/** One bar: a decision or an attempt. */
export interface TimelineBar {
  /** Stable key: `d<index>` for decisions, `a<index>` for attempts. */
  readonly key: string;
  readonly lane: number;
  readonly start: number;
  readonly end: number;
  readonly outcome: BarOutcome;
  readonly label: string;
  /** What selecting the bar selects. */
  readonly target: { readonly kind: 'command'; readonly id: string } | { readonly kind: 'event'; readonly seq: number; readonly id: string };
  /** The attempt number (1 = first delivery) for attempts. */
  readonly attempt?: number;
}

/** A swimlane. */
export interface TimelineLane {
  readonly label: string;
  readonly kind: 'worker' | 'consumer';
  readonly consumer?: string;
}

/** A window when a consumer was down, drawn behind its lanes. */
export interface DowntimeWindow {
  readonly lanes: readonly number[];
  readonly from: number;
  readonly to: number;
}

/** The whole timeline. */
export interface TimelineModel {
  readonly lanes: readonly TimelineLane[];
  readonly bars: readonly TimelineBar[];
  readonly downtime: readonly DowntimeWindow[];
  readonly end: number;
}

/** Builds the timeline of a trace; `consumers` (the run's configuration) gives downtime windows. */
export function timelineModel(trace: Trace, consumers: readonly ConsumerConfig[] = []): TimelineModel {
  const lanes: TimelineLane[] = [];
  const laneOf = new Map<string, number>();
  const lane = (key: string, make: () => TimelineLane): number => {
    let i = laneOf.get(key);
    if (i === undefined) {
      i = lanes.length;
      lanes.push(make());
      laneOf.set(key, i);
    }
    return i;
  };
  const workers = [...new Set(trace.decisions.map((d) => d.worker))].sort((a, b) => a - b);
  for (const w of workers) lane(`w${w}`, () => ({ label: `worker ${w}`, kind: 'worker' }));
  const names = [...new Set([...consumers.map((c) => c.name), ...trace.attempts.map((a) => a.consumer)])];
  for (const name of names) {
    const ws = [...new Set(trace.attempts.filter((a) => a.consumer === name).map((a) => a.worker))].sort((a, b) => a - b);
    for (const w of ws.length > 0 ? ws : [0]) lane(`c${name}\u0000${w}`, () => ({ label: ws.length > 1 ? `${name} · ${w}` : name, kind: 'consumer', consumer: name }));
  }
  const bars: TimelineBar[] = [];
  trace.decisions.forEach((d, i) => {
    const outcome: BarOutcome = d.accepted ? (d.rejections.length > 0 ? 'partial' : 'accepted') : 'rejected';
    bars.push({ key: `d${i}`, lane: laneOf.get(`w${d.worker}`)!, start: d.startedAt, end: d.endedAt, outcome, label: `${d.type} ${d.inputId}`, target: { kind: 'command', id: d.commandIds[0] ?? d.inputId } });
  });
  const eventIds = new Map(trace.log.map((e) => [e.seq, e.id]));
  trace.attempts.forEach((a, i) => {
    bars.push({
      key: `a${i}`,
      lane: laneOf.get(`c${a.consumer}\u0000${a.worker}`)!,
      start: a.start,
      end: a.end,
      outcome: a.outcome,
      label: `${a.consumer} #${a.eventSeq}${a.attempt > 1 ? ` try ${a.attempt}` : ''}`,
      target: { kind: 'event', seq: a.eventSeq, id: eventIds.get(a.eventSeq) ?? String(a.eventSeq) },
      attempt: a.attempt,
    });
  });
  const downtime = consumers.flatMap((c) => {
    const ls = lanes.flatMap((l, i) => (l.consumer === c.name ? [i] : []));
    return c.downtime.map((w) => ({ lanes: ls, from: w.from, to: w.to }));
  });
  const end = Math.max(1, ...bars.map((b) => b.end), ...downtime.map((w) => w.to));
  return { lanes, bars, downtime, end };
}

/** A visible time range. */
export interface TimeRange {
  readonly from: number;
  readonly to: number;
}

/** Zooms `range` by `factor` (< 1 zooms in) around time `at`, kept inside [0, end]. */
export function zoom(range: TimeRange, factor: number, at: number, end: number): TimeRange {
  const span = Math.min(end, Math.max(1, (range.to - range.from) * factor));
  const ratio = range.to > range.from ? (at - range.from) / (range.to - range.from) : 0.5;
  return clampRange(at - span * ratio, span, end);
}

/** Moves `range` by `dt` ms, kept inside [0, end]. */
export const pan = (range: TimeRange, dt: number, end: number): TimeRange => clampRange(range.from + dt, range.to - range.from, end);

function clampRange(from: number, span: number, end: number): TimeRange {
  const f = Math.min(Math.max(0, from), Math.max(0, end - span));
  return { from: f, to: f + span };
}

/** The bars overlapping a range (at most `max`, longest first when over), for drawing. */
export function barsIn(bars: readonly TimelineBar[], range: TimeRange, max = 4000): TimelineBar[] {
  const out = bars.filter((b) => b.end >= range.from && b.start <= range.to);
  return out.length <= max ? out : out.sort((a, b) => b.end - b.start - (a.end - a.start)).slice(0, max);
}

/** The next bar in time after `key` (or before, with `dir` = -1) in the same lane, for keyboard moves. */
export function neighbour(bars: readonly TimelineBar[], key: string | undefined, dir: 1 | -1): TimelineBar | undefined {
  const current = bars.find((b) => b.key === key);
  if (!current) return bars[0];
  const same = bars.filter((b) => b.lane === current.lane).sort((a, b) => a.start - b.start || a.key.localeCompare(b.key));
  const i = same.indexOf(current);
  return same[i + dir] ?? current;
}

/** The first bar of the lane above/below, nearest in time, for keyboard moves across lanes. */
export function laneNeighbour(bars: readonly TimelineBar[], key: string | undefined, dir: 1 | -1, lanes: number): TimelineBar | undefined {
  const current = bars.find((b) => b.key === key);
  if (!current) return bars[0];
  for (let l = current.lane + dir; l >= 0 && l < lanes; l += dir) {
    const inLane = bars.filter((b) => b.lane === l);
    if (inLane.length === 0) continue;
    return inLane.reduce((best, b) => (Math.abs(b.start - current.start) < Math.abs(best.start - current.start) ? b : best));
  }
  return current;
}
