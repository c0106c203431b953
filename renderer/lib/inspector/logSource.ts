/**
 * A stored log as the run views' sources: the causation graph and the timeline read it
 * through the logs worker (renderer/lib/inspector/logViews.ts does the work there), as they
 * read a run through the engine worker; a node's details are its record's, from wherever the
 * log's domain runs.
 */
import type { GraphSource } from '../reader/graphSource';
import type { TimelineSource } from '../reader/timelineSource';
import type { TimeRange } from '../timeline/timelineModel';
import type { GraphWindow } from '../reader/graphSource';
import type { TimelineFrame, TimelineWindow } from '../reader/timelineSource';
import { nodeDetailOf, type RecordDetail } from './recordDetail';

/** What the logs worker answers for a log's views. */
export interface LogViewsApi {
  logGraphWindow(logId: number, range: TimeRange | undefined, max: number): Promise<GraphWindow>;
  logRecordOfNode(logId: number, id: string): Promise<number | undefined>;
  logTimelineFrame(logId: number): Promise<TimelineFrame>;
  logTimelineWindow(logId: number, range: TimeRange, maxBars: number, buckets: number): Promise<TimelineWindow>;
}

/** The graph and timeline source of stored log `logId`; `recordDetail` gives a record in full (a node's details). */
export function logSourceOf(api: LogViewsApi, logId: number, recordDetail: (seq: number) => Promise<RecordDetail | undefined>): GraphSource & TimelineSource {
  return {
    graphWindow: (range, max) => api.logGraphWindow(logId, range, max),
    nodeDetail: async (id) => {
      const seq = await api.logRecordOfNode(logId, id);
      const detail = seq === undefined ? undefined : await recordDetail(seq);
      return detail ? nodeDetailOf(detail) : undefined;
    },
    timelineFrame: () => api.logTimelineFrame(logId),
    timelineWindow: (range, maxBars, buckets) => api.logTimelineWindow(logId, range, maxBars, buckets),
  };
}
