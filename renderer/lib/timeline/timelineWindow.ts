/**
 * The timeline of a big trace (hundreds of thousands of decisions and attempts), read a time
 * window at a time: the lanes, downtime and end once, then for each visible range only the bars
 * that overlap it, built on demand. Past `max` bars in view, an even sample across the range is
 * drawn and the total is told. Pure; the engine worker holds one per kept run.
 */
import { logEntryAt } from '../../../src/engine/report/logEntryAt';
import type { ConsumerConfig, Trace } from '../../../src/engine/types';
import { attemptBar, decisionBar, downtimeOf, timelineLanes, type DowntimeWindow, type TimeRange, type TimelineBar, type TimelineLane } from './timelineModel';

/** What stays the same whatever the range: lanes, downtime windows and the end of time. */
export interface TimelineFrame {
  readonly lanes: readonly TimelineLane[];
  readonly downtime: readonly DowntimeWindow[];
  readonly end: number;
}

/** The bars of one range. */
export interface TimelineWindow {
  readonly range: TimeRange;
  readonly bars: readonly TimelineBar[];
  /** Bars overlapping the range: more than `bars.length` when a sample was drawn. */
  readonly total: number;
}

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

/** A big trace's timeline, read by window. */
export class TimelineIndex {
  readonly frame: TimelineFrame;
  private readonly laneOf: ReadonlyMap<string, number>;
  private readonly decisions: Spans;
  private readonly attempts: Spans;

  constructor(
    private readonly trace: Trace,
    consumers: readonly ConsumerConfig[] = [],
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
    this.frame = { lanes, downtime, end };
  }

  /** The bars overlapping `range`: all of them up to `max`, else an even sample of `max`. */
  window(range: TimeRange, max = 4000): TimelineWindow {
    const decisions: number[] = [];
    const attempts: number[] = [];
    this.decisions.scan(range, (i) => decisions.push(i));
    this.attempts.scan(range, (i) => attempts.push(i));
    const total = decisions.length + attempts.length;
    const step = total > max ? total / max : 1;
    const bars: TimelineBar[] = [];
    const pick = (list: number[], make: (i: number) => TimelineBar) => {
      for (let k = 0; k < list.length; k += step) bars.push(make(list[Math.floor(k)]));
    };
    pick(decisions, (i) => decisionBar(this.trace.decisions[i], i, this.laneOf));
    pick(attempts, (i) => {
      const a = this.trace.attempts[i];
      return attemptBar(a, i, this.laneOf, this.eventId(a.eventSeq));
    });
    return { range, bars, total };
  }

  /** The id of event `seq`. */
  private eventId(seq: number): string {
    return logEntryAt(this.trace, seq)?.id ?? String(seq);
  }
}
