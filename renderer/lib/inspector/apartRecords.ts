/**
 * The records a log keeps beside its events that its inspection counts apart, by what they are
 * (the report's `archivedRecords` and `otherRecords`): archived rows (Marten's `mt_archived` /
 * `is_archived`, Emmett's) and a store's other messages (Emmett rows that are not events), in
 * all and per stream — so the Summary can say "1 archived record" and the Streams list can say
 * a stream holds archived records only, and a report stored before it counted archived records
 * apart can count them (withApartCounts). One read of the log's kinds; asked only of a log whose
 * report counts such records. Pure over a sql.js database.
 */
import type { Database } from 'sql.js';
import type { InspectionReport } from '../../../src/logs/types';

/** Streams listed at most. */
const MAX_STREAMS = 2000;

/** What a log keeps beside its events: archived and other records, in all and per stream (streams with either, at most MAX_STREAMS). */
export interface ApartRecords {
  readonly archived: number;
  readonly other: number;
  readonly streams: Readonly<Record<string, { readonly archived: number; readonly other: number }>>;
}

/** The archived and other records of log `logId`. */
export function apartRecords(db: Database, logId: number): ApartRecords {
  const streams: Record<string, { archived: number; other: number }> = {};
  let archived = 0;
  let other = 0;
  const stmt = db.prepare("SELECT stream, kind, count(*) FROM events WHERE log_id = ? AND kind IN ('archived', 'other') GROUP BY stream, kind");
  try {
    stmt.bind([logId]);
    while (stmt.step()) {
      const [stream, kind, n] = stmt.get();
      const count = Number(n);
      const key = kind === 'archived' ? 'archived' : 'other';
      if (key === 'archived') archived += count;
      else other += count;
      const name = String(stream);
      if (streams[name] === undefined && Object.keys(streams).length >= MAX_STREAMS) continue;
      (streams[name] ??= { archived: 0, other: 0 })[key] += count;
    }
  } finally {
    stmt.free();
  }
  return { archived, other, streams };
}

/** The members of a report that say what it counted apart (src/logs/apartText reads them). */
type ApartCounts = Pick<InspectionReport, 'otherRecords' | 'archivedRecords' | 'streamCount' | 'streamsWithoutEvents' | 'streamsArchivedOnly' | 'streams'>;

/**
 * A report stored before inspections counted archived records apart — its `otherRecords` holds
 * them, it has no `archivedRecords` or `streamsWithoutEvents` — with those counts from the
 * stored log's records (`apart`): archived ones out of `otherRecords`, and the streams it lists
 * with no event (exact while it lists every stream, as it was said before). A report that counts
 * them already is returned as it is.
 */
export function withApartCounts<R extends ApartCounts>(report: R, apart: ApartRecords): R {
  let upgraded = report;
  if (report.archivedRecords === undefined && apart.archived > 0) {
    const archived = Math.min(apart.archived, report.otherRecords);
    upgraded = { ...upgraded, otherRecords: report.otherRecords - archived, archivedRecords: archived };
  }
  const empty = report.streamsWithoutEvents === undefined && report.streamCount <= report.streams.length ? report.streams.filter((s) => s.events === 0) : [];
  if (empty.length > 0) {
    const archivedOnly = empty.filter((s) => (apart.streams[s.stream]?.archived ?? 0) > 0 && (apart.streams[s.stream]?.other ?? 0) === 0).length;
    upgraded = { ...upgraded, streamsWithoutEvents: empty.length, ...(archivedOnly > 0 ? { streamsArchivedOnly: archivedOnly } : {}) };
  }
  return upgraded;
}

/** Whether a stored report may predate the counts of withApartCounts (then the log's records are asked). */
export const mayLackApartCounts = (report: ApartCounts): boolean => report.otherRecords > 0 && report.archivedRecords === undefined && report.streamsWithoutEvents === undefined;
