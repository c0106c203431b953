/**
 * A stored log as the run views' sources: the causation graph and the timeline read it
 * through the logs worker (renderer/lib/inspector/logViews.ts does the work there), as they
 * read a run through the engine worker.
 */
import type { GraphSource } from '../reader/graphSource';
import type { TimelineSource } from '../reader/timelineSource';
import type { TimeRange } from '../timeline/timelineModel';
import type { GraphWindow, NodeDetail } from '../reader/graphSource';
import type { TimelineFrame, TimelineWindow } from '../reader/timelineSource';

/** What the logs worker answers for a log's views. */
export interface LogViewsApi {
  logGraphWindow(logId: number, range: TimeRange | undefined, max: number): Promise<GraphWindow>;
  logNodeDetail(logId: number, id: string): Promise<NodeDetail | undefined>;
  logTimelineFrame(logId: number): Promise<TimelineFrame>;
  logTimelineWindow(logId: number, range: TimeRange, maxBars: number, buckets: number): Promise<TimelineWindow>;
}

/** The graph and timeline source of stored log `logId`. */
export function logSourceOf(api: LogViewsApi, logId: number): GraphSource & TimelineSource {
  return {
    graphWindow: (range, max) => api.logGraphWindow(logId, range, max),
    nodeDetail: (id) => api.logNodeDetail(logId, id),
    timelineFrame: () => api.logTimelineFrame(logId),
    timelineWindow: (range, maxBars, buckets) => api.logTimelineWindow(logId, range, maxBars, buckets),
  };
}
