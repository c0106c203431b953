/**
 * What the timeline view reads, whatever it shows: a run (lanes = decision workers and consumer
 * workers, bars = decisions and delivery attempts) or a recorded log (lanes = streams or
 * sources, bars = events, each a point in time). The view asks for a window of time; the
 * source answers with every bar in it, or — past `maxBars` — with how busy each lane was in
 * each time bucket (an honest overview: nothing is sampled or left out of the figures).
 */
import type { TimelineBar, TimelineLane, DowntimeWindow, TimeRange } from '../timeline/timelineModel';
import type { TimelineMark, WorkerCount } from '../timeline/timelineMarks';

/** How times are read: virtual ms of a run, or ms since the Unix epoch of a log (shown as UTC ISO strings). */
export type TimelineClock = 'virtual' | 'epoch';

/** What stays the same whatever the window: lanes, downtime windows and the extent of time. */
export interface TimelineFrame {
  readonly lanes: readonly TimelineLane[];
  readonly downtime: readonly DowntimeWindow[];
  /** First and last instant of the timeline (ms). A run starts at 0. */
  readonly start: number;
  readonly end: number;
  readonly clock: TimelineClock;
  /** A run's bars that broke an invariant, marked wherever the view is (timelineMarks.ts); absent when none broke one. */
  readonly marks?: readonly TimelineMark[];
  /** A run's decision workers: alive at most, and how many took a command (a lane each). */
  readonly workers?: WorkerCount;
  /**
   * The span shown first and by Fit, when it is narrower than start…end: a log's events' time,
   * its archived records outside it (`aside` says what lies beyond, to offer "show all").
   */
  readonly view?: { readonly start: number; readonly end: number; readonly aside: string };
}

/**
 * Per lane and time bucket, over `range` cut into `buckets` equal slices: `busy` is the share of
 * the slice (0..1) the lane spent in bars (spans: decisions, attempts), `count` how many bars
 * start in it (points: a log's events), `bad` how many of those were rejected, failed, lost or
 * dead-lettered. Arrays are lane-major: index = lane * buckets + bucket.
 */
export interface LaneActivity {
  readonly range: TimeRange;
  readonly buckets: number;
  readonly busy: Float32Array;
  readonly count: Uint32Array;
  readonly bad: Uint32Array;
}

/** The bars of one window of time. */
export interface TimelineWindow {
  readonly range: TimeRange;
  /** Bars overlapping the range: all of them when `total` ≤ the request's `maxBars`, else none (see `activity`). */
  readonly bars: readonly TimelineBar[];
  /** How many bars overlap the range. */
  readonly total: number;
  /** Present when `total` is over `maxBars`: the lanes' activity, drawn instead of bars. */
  readonly activity?: LaneActivity;
}

/** A source of timeline windows (a run of a RunReader, or a recorded log). */
export interface TimelineSource {
  /** Lanes, downtime, extent. */
  timelineFrame(): Promise<TimelineFrame>;
  /** The bars overlapping `range`, or the lanes' activity in `buckets` slices when there are more than `maxBars`. */
  timelineWindow(range: TimeRange, maxBars: number, buckets: number): Promise<TimelineWindow>;
}
