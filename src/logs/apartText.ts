/**
 * How the command line and the app say what a log keeps beside its events — tombstones, system
 * events, archived records and a store's other records — and how many of its streams hold no
 * event: one wording for `inspect`'s text report, its "0 events read" reason and the Logs view's
 * Summary and Streams. Pure.
 */
import { counted } from '../engine/report/counted';
import type { InspectionReport } from './types';

type Apart = Pick<InspectionReport, 'tombstones' | 'systemEvents' | 'otherRecords' | 'archivedRecords'>;

/** The records counted apart, each with its count and words ("1 archived record"), in the report's order; none that is 0. */
export function apartParts(report: Apart): [number, string][] {
  const parts: [number, string][] = [];
  if (report.tombstones) parts.push([report.tombstones, counted(report.tombstones, 'tombstone')]);
  if (report.systemEvents) parts.push([report.systemEvents, counted(report.systemEvents, 'system event')]);
  if (report.archivedRecords) parts.push([report.archivedRecords, counted(report.archivedRecords, 'archived record')]);
  if (report.otherRecords) parts.push([report.otherRecords, counted(report.otherRecords, 'other record')]);
  return parts;
}

/** The log's streams: those with events, those whose records are all counted apart, and what those hold. */
export interface StreamCount {
  readonly streams: number;
  readonly apartOnly: number;
  /** "archived records only", "records counted apart only (no event)", or "archived or other records only (no event)". */
  readonly apartWhat: string;
}

/** The streams with events, and apart those whose records are all counted apart (`streamsWithoutEvents`), with what they hold. */
export function streamCount(report: Pick<InspectionReport, 'streamCount' | 'streamsWithoutEvents' | 'streamsArchivedOnly'>): StreamCount {
  const apartOnly = report.streamsWithoutEvents ?? 0;
  const archivedOnly = report.streamsArchivedOnly ?? 0;
  const apartWhat = archivedOnly === apartOnly ? 'archived records only' : archivedOnly === 0 ? 'records counted apart only (no event)' : 'archived or other records only (no event)';
  return { streams: report.streamCount - apartOnly, apartOnly, apartWhat };
}

/** "37 streams", or "11 streams with events · 1 with archived records only" (`separator` between the two). */
export function streamsText(report: Pick<InspectionReport, 'streamCount' | 'streamsWithoutEvents' | 'streamsArchivedOnly'>, separator = ' · '): string {
  const c = streamCount(report);
  return c.apartOnly === 0 ? counted(c.streams, 'stream') : `${counted(c.streams, 'stream')} with events${separator}${c.apartOnly.toLocaleString('en-US')} with ${c.apartWhat}`;
}
