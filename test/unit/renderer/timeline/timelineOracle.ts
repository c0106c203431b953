/** The slow reference for TimelineIndex: every bar of a trace built at once, and the bars of a range filtered from them. */
import { attemptBar, decisionBar, downtimeOf, timelineLanes, type DowntimeWindow, type TimelineBar, type TimelineLane, type TimeRange } from '../../../../renderer/lib/timeline/timelineModel';
import type { ConsumerConfig, Trace } from '../../../../src/engine/types';

/** The whole timeline of a trace. */
export interface TimelineModel {
  readonly lanes: readonly TimelineLane[];
  readonly bars: readonly TimelineBar[];
  readonly downtime: readonly DowntimeWindow[];
  readonly end: number;
}

/** Builds the timeline of a trace; `consumers` (the run's configuration) gives downtime windows. */
export function timelineModel(trace: Trace, consumers: readonly ConsumerConfig[] = []): TimelineModel {
  const { lanes, laneOf } = timelineLanes(trace, consumers);
  const bars: TimelineBar[] = trace.decisions.map((d, i) => decisionBar(d, i, laneOf));
  const eventIds = new Map(trace.log.map((e) => [e.seq, e.id]));
  trace.attempts.forEach((a, i) => bars.push(attemptBar(a, i, laneOf, eventIds.get(a.eventSeq) ?? String(a.eventSeq))));
  const downtime = downtimeOf(consumers, lanes);
  let end = 1;
  for (const b of bars) if (b.end > end) end = b.end;
  for (const w of downtime) if (w.to > end) end = w.to;
  return { lanes, bars, downtime, end };
}

/** The bars overlapping a range (at most `max`, longest first when over), for drawing. */
export function barsIn(bars: readonly TimelineBar[], range: TimeRange, max = Number.MAX_SAFE_INTEGER): TimelineBar[] {
  const out = bars.filter((b) => b.end >= range.from && b.start <= range.to);
  return out.length <= max ? out : out.sort((a, b) => b.end - b.start - (a.end - a.start)).slice(0, max);
}

