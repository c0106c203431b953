/**
 * The timeline of a trace of any size (a million decisions and attempts), read a time window
 * at a time: the lanes, downtime and end once, then for each visible range only the bars that
 * overlap it, built on demand. Past `maxBars` bars in view no bar is drawn: each lane's
 * activity per time bucket is (share of time busy, bars started, bad outcomes), computed from
 * every bar in view. Pure; the engine worker holds one per run (the run's TimelineSource).
 */
import { logEntryAt } from '../../../src/engine/report/logEntryAt';
import type { ConsumerConfig, Trace, Violation } from '../../../src/engine/types';
import type { LaneActivity, TimelineFrame, TimelineWindow } from '../reader/timelineSource';
import { attemptBar, decisionBar, downtimeOf, timelineLanes, type BarOutcome, type TimeRange, type TimelineBar } from './timelineModel';
import { violationMarks } from './timelineMarks';

/** What the run's report adds to its timeline: its violations (marked where they broke), the name of its state store (whose enactments broke them) and its Max workers (said beside the lanes of those that decided). */
export interface RunMarks {
  readonly violations?: readonly Violation[];
  readonly store?: string;
  readonly maxWorkers?: number;
}

const BAD: ReadonlySet<BarOutcome> = new Set(['rejected', 'failed', 'lost', 'parked']);

/** One list of timed records (decisions or attempts), in order of end time. */
class Spans {
  readonly order: Uint32Array;
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  /** The longest record: a window's scan goes this far past its end. */
  readonly longest: number;

  /** `n` records whose times `startOf(i)` and `endOf(i)` give. */
  constructor(n: number, startOf: (i: number) => number, endOf: (i: number) => number) {
    this.starts = new Float64Array(n);
    this.ends = new Float64Array(n);
    let sorted = true;
    let longest = 0;
    for (let i = 0; i < n; i++) {
      this.starts[i] = startOf(i);
      this.ends[i] = endOf(i);
      if (i > 0 && this.ends[i] < this.ends[i - 1]) sorted = false;
      longest = Math.max(longest, this.ends[i] - this.starts[i]);
    }
    this.longest = longest;
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    if (!sorted) order.sort((a, b) => this.ends[a] - this.ends[b]);
    this.order = order;
  }

  /** Positions (in `order`) from the first record ending at or after `from`, to scan for `range`. */
  scan(range: TimeRange, visit: (index: number) => void): void {
    let lo = 0;
    let hi = this.order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.ends[this.order[mid]] < range.from) lo = mid + 1;
      else hi = mid;
    }
    const stop = range.to + this.longest;
    for (let k = lo; k < this.order.length; k++) {
      const i = this.order[k];
      if (this.ends[i] > stop) break;
      if (this.starts[i] <= range.to) visit(i);
    }
  }
}

/** A trace's timeline, read by window. */
export class TimelineIndex {
  readonly frame: TimelineFrame;
  private readonly laneOf: ReadonlyMap<string, number>;
  private readonly decisions: Spans;
  private readonly attempts: Spans;

  constructor(
    private readonly trace: Trace,
    consumers: readonly ConsumerConfig[] = [],
    run: RunMarks = {},
  ) {
    const { lanes, laneOf } = timelineLanes(trace, consumers);
    this.laneOf = laneOf;
    const { decisions, attempts } = trace;
    this.decisions = new Spans(decisions.length, (i) => decisions[i].startedAt, (i) => decisions[i].endedAt);
    this.attempts = new Spans(attempts.length, (i) => attempts[i].start, (i) => attempts[i].end);
    const downtime = downtimeOf(consumers, lanes);
    let end = 1;
    for (const e of [this.decisions.ends, this.attempts.ends]) for (let i = 0; i < e.length; i++) if (e[i] > end) end = e[i];
    for (const w of downtime) if (w.to > end) end = w.to;
    const marks = violationMarks(trace, run.violations ?? [], run.store, laneOf, (seq) => this.eventId(seq));
    const busy = lanes.filter((l) => l.kind === 'worker').length;
    this.frame = {
      lanes, downtime, start: 0, end, clock: 'virtual',
      ...(marks.length > 0 ? { marks } : {}),
      ...(run.maxWorkers !== undefined ? { workers: { alive: run.maxWorkers, busy } } : {}),
    };
  }

  /** The bars overlapping `range`: all of them up to `maxBars`, else none and the lanes' activity in `buckets` slices of the range. */
  window(range: TimeRange, maxBars = 4000, buckets = 200): TimelineWindow {
    const decisions: number[] = [];
    const attempts: number[] = [];
    this.decisions.scan(range, (i) => decisions.push(i));
    this.attempts.scan(range, (i) => attempts.push(i));
    const total = decisions.length + attempts.length;
    if (total > maxBars) return { range, bars: [], total, activity: this.activity(range, Math.max(1, Math.floor(buckets)), decisions, attempts) };
    const bars: TimelineBar[] = decisions.map((i) => decisionBar(this.trace.decisions[i], i, this.laneOf));
    for (const i of attempts) {
      const a = this.trace.attempts[i];
      bars.push(attemptBar(a, i, this.laneOf, this.eventId(a.eventSeq)));
    }
    return { range, bars, total };
  }

  /** Each lane's busy share, bars started and bad outcomes per bucket, from every bar in view. */
  private activity(range: TimeRange, buckets: number, decisions: readonly number[], attempts: readonly number[]): LaneActivity {
    const lanes = this.frame.lanes.length;
    const busy = new Float64Array(lanes * buckets);
    const count = new Uint32Array(lanes * buckets);
    const bad = new Uint32Array(lanes * buckets);
    const width = Math.max(1e-9, range.to - range.from) / buckets;
    const add = (lane: number, start: number, end: number, outcome: BarOutcome) => {
      const base = lane * buckets;
      const from = Math.max(start, range.from);
      const to = Math.min(end, range.to);
      const first = Math.min(buckets - 1, Math.max(0, Math.floor((from - range.from) / width)));
      const last = Math.min(buckets - 1, Math.max(0, Math.ceil((to - range.from) / width) - 1));
      for (let b = first; b <= last; b++) {
        const lo = range.from + b * width;
        const overlap = Math.min(to, lo + width) - Math.max(from, lo);
        if (overlap > 0) busy[base + b] += overlap;
      }
      if (start >= range.from) {
        count[base + first]++;
        if (BAD.has(outcome)) bad[base + first]++;
      }
    };
    for (const i of decisions) {
      const d = this.trace.decisions[i];
      add(this.laneOf.get(`w${d.worker}`)!, d.startedAt, d.endedAt, d.accepted ? 'accepted' : 'rejected');
    }
    for (const i of attempts) {
      const a = this.trace.attempts[i];
      add(this.laneOf.get(`c${a.consumer}\u0000${a.worker}`)!, a.start, a.end, a.outcome);
    }
    const share = new Float32Array(busy.length);
    for (let k = 0; k < busy.length; k++) share[k] = Math.min(1, busy[k] / width);
    return { range, buckets, busy: share, count, bad };
  }

  /** The id of event `seq`. */
  private eventId(seq: number): string {
    return logEntryAt(this.trace, seq)?.id ?? String(seq);
  }
}
