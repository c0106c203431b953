/**
 * The records a log keeps beside its events that its inspection counts apart, by what they are
 * (the report's `otherRecords` adds them up): archived rows (Marten's `mt_archived` /
 * `is_archived`, Emmett's) and a store's other messages (Emmett rows that are not events), in
 * all and per stream — so the Summary can say "1 archived record" and the Streams list can say
 * a stream holds archived records only. One read of the log's kinds; asked only of a log whose
 * report counts such records. Pure over a sql.js database.
 */
import type { Database } from 'sql.js';

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
