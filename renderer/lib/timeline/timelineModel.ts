/**
 * The parts of a run's timeline as plain data: a swimlane per decision worker and per consumer
 * worker, a bar per decision and per delivery attempt colored by outcome, consumers' downtime
 * windows, and moving through a window's bars. Pure; TimelineIndex (./timelineWindow.ts) reads
 * a trace's bars by window, the view only maps them to pixels.
 */
import { nodeIds } from '../graph/nodeIds';
import type { AttemptOutcome, ConsumerConfig, DecisionRecord, AttemptRecord, Trace } from '../../../src/engine/types';

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
  /** The causation-graph node it stands for (what selecting it selects everywhere). */
  readonly node: string;
  /** What selecting the bar selects. */
  readonly target: { readonly kind: 'command'; readonly id: string } | { readonly kind: 'event'; readonly seq: number; readonly id: string };
  /** The attempt number (1 = first delivery) for attempts. */
  readonly attempt?: number;
}

/** A swimlane: a run's decision or consumer worker, or a recorded log's stream (its records are points). */
export interface TimelineLane {
  readonly label: string;
  readonly kind: 'worker' | 'consumer' | 'stream';
  readonly consumer?: string;
}

/** A window when a consumer was down, drawn behind its lanes. */
export interface DowntimeWindow {
  readonly lanes: readonly number[];
  readonly from: number;
  readonly to: number;
}

/** The lanes of a trace: one per decision worker, one per consumer worker (or one per consumer that never ran). */
export function timelineLanes(trace: Trace, consumers: readonly ConsumerConfig[] = []): { lanes: TimelineLane[]; laneOf: Map<string, number> } {
  const lanes: TimelineLane[] = [];
  const laneOf = new Map<string, number>();
  const lane = (key: string, make: () => TimelineLane): void => {
    if (laneOf.has(key)) return;
    laneOf.set(key, lanes.length);
    lanes.push(make());
  };
  const workers = [...new Set(trace.decisions.map((d) => d.worker))].sort((a, b) => a - b);
  for (const w of workers) lane(`w${w}`, () => ({ label: `worker ${w}`, kind: 'worker' }));
  const workersOf = new Map<string, Set<number>>(consumers.map((c) => [c.name, new Set<number>()]));
  for (const a of trace.attempts) {
    let ws = workersOf.get(a.consumer);
    if (!ws) workersOf.set(a.consumer, (ws = new Set()));
    ws.add(a.worker);
  }
  for (const [name, set] of workersOf) {
    const ws = [...set].sort((a, b) => a - b);
    for (const w of ws.length > 0 ? ws : [0]) lane(`c${name}\u0000${w}`, () => ({ label: ws.length > 1 ? `${name} · ${w}` : name, kind: 'consumer', consumer: name }));
  }
  return { lanes, laneOf };
}

/** The bar of decision `i`. */
export function decisionBar(d: DecisionRecord, i: number, laneOf: ReadonlyMap<string, number>): TimelineBar {
  const outcome: BarOutcome = d.accepted ? (d.rejections.length > 0 ? 'partial' : 'accepted') : 'rejected';
  return { key: `d${i}`, node: nodeIds.command(d.commandIds[0] ?? d.inputId), lane: laneOf.get(`w${d.worker}`)!, start: d.startedAt, end: d.endedAt, outcome, label: `${d.type} ${d.inputId}`, target: { kind: 'command', id: d.commandIds[0] ?? d.inputId } };
}

/** The bar of delivery attempt `i`; `eventId` names the event it delivered. */
export function attemptBar(a: AttemptRecord, i: number, laneOf: ReadonlyMap<string, number>, eventId: string): TimelineBar {
  return {
    key: `a${i}`,
    node: nodeIds.enactment(a.consumer, a.eventSeq),
    lane: laneOf.get(`c${a.consumer}\u0000${a.worker}`)!,
    start: a.start,
    end: a.end,
    outcome: a.outcome,
    label: `${a.consumer} #${a.eventSeq}${a.attempt > 1 ? ` try ${a.attempt}` : ''}`,
    target: { kind: 'event', seq: a.eventSeq, id: eventId },
    attempt: a.attempt,
  };
}

/** Consumers' downtime windows, over their lanes. */
export function downtimeOf(consumers: readonly ConsumerConfig[], lanes: readonly TimelineLane[]): DowntimeWindow[] {
  return consumers.flatMap((c) => {
    const ls = lanes.flatMap((l, i) => (l.consumer === c.name ? [i] : []));
    return c.downtime.map((w) => ({ lanes: ls, from: w.from, to: w.to }));
  });
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
