/**
 * Paging through a stored log with keyset queries (`seq > ?` / `seq < ?` on the log's indexes),
 * so a page costs the same at event 10 and at event 1,000,000. Filters: exact type, exact
 * stream, exact correlation and causation ids, and text (case-insensitive substring of the id,
 * type, stream, causation or correlation id, data JSON or metadata JSON). The event tables
 * filter through the logs worker (renderer/lib/eventlog/filterSeqs), which also takes a part
 * of a stream id and folds case for every script.
 */
import type { SqlValue } from 'sql.js';
import type { Workspace } from './workspace';
import { selectRows as select } from './selectRows';

/** Which events of a log to show. */
export interface EventFilter {
  readonly type?: string;
  /** A stream id; the event tables also take a part of one (renderer/lib/eventlog/filterSeqs). */
  readonly stream?: string;
  readonly text?: string;
  /** The records of one flow: their correlation id. */
  readonly correlation?: string;
  /** The records one record caused: their causation id (the cause's id). */
  readonly causation?: string;
}

/** A page request: the events after `afterSeq`, before `beforeSeq` (the last `limit` of them), or from the start. */
export interface PageQuery extends EventFilter {
  readonly afterSeq?: number;
  readonly beforeSeq?: number;
  readonly limit: number;
}

/**
 * A record read back from a log: an event of a run's log, or any record of an imported log —
 * `seq` is then the record's number in the file, `kind` what it is (`event`, `tombstone`,
 * `system`, `other`, `command`, `rejection`, `header`, or the anomaly that kept it from being
 * read: `malformed`, `unmapped`), positions and `time` exact text (RFC 3339 UTC).
 */
export interface StoredEvent {
  readonly seq: number;
  readonly id: string;
  readonly type: string;
  readonly stream: string;
  /** Milliseconds: a run's virtual time, or since the epoch for an imported log (a record without a time has the last time before it, and no `time`). */
  readonly at: number;
  readonly causationId?: string;
  readonly correlationId?: string;
  readonly data: unknown;
  readonly line?: number;
  readonly kind?: string;
  readonly position?: string;
  readonly globalPosition?: string;
  readonly source?: string;
  readonly time?: string;
  /** The stream the domain replayed it in, when that differs from `stream`. */
  readonly domainStream?: string;
}

/** One page, in seq order, and whether matching events exist before and after it. */
export interface EventPage {
  readonly events: readonly StoredEvent[];
  readonly hasPrevious: boolean;
  readonly hasNext: boolean;
}

const COLUMNS = 'seq, id, type, stream, at, causation_id, correlation_id, data, line, kind, position, global_position, source, time, domain_stream';

/** A page of a log's events matching the filter, in seq order. */
export function pageEvents(db: Workspace, logId: number, query: PageQuery): EventPage {
  if (!Number.isInteger(query.limit) || query.limit < 1) throw new Error(`page limit must be a whole number >= 1, got ${query.limit}`);
  const { sql, params } = where(logId, query);
  const backward = query.beforeSeq !== undefined && query.afterSeq === undefined;
  const bound = backward ? ' AND seq < ?' : query.afterSeq !== undefined ? ' AND seq > ?' : '';
  const boundParams = backward ? [query.beforeSeq!] : query.afterSeq !== undefined ? [query.afterSeq] : [];
  const upper = !backward && query.beforeSeq !== undefined ? ' AND seq < ?' : '';
  const upperParams = upper ? [query.beforeSeq!] : [];
  const rows = select(db, `SELECT ${COLUMNS} FROM events WHERE ${sql}${bound}${upper} ORDER BY seq ${backward ? 'DESC' : 'ASC'} LIMIT ?`, [
    ...params,
    ...boundParams,
    ...upperParams,
    query.limit + 1,
  ]);
  const more = rows.length > query.limit;
  const events = rows.slice(0, query.limit).map(toEvent);
  if (backward) events.reverse();
  const first = events[0]?.seq;
  const last = events[events.length - 1]?.seq;
  const exists = (cond: '<' | '<=' | '>' | '>=', seq: number | undefined) =>
    seq !== undefined && select(db, `SELECT 1 FROM events WHERE ${sql} AND seq ${cond} ? LIMIT 1`, [...params, seq]).length > 0;
  // An empty page still has neighbours: everything up to afterSeq, or from beforeSeq on.
  const before = () => (first !== undefined ? exists('<', first) : exists('<=', query.afterSeq));
  const after = () => (last !== undefined ? exists('>', last) : exists('>=', query.beforeSeq));
  return {
    events,
    hasPrevious: backward ? more : before(),
    hasNext: backward ? after() : more || (upper !== '' && after()),
  };
}

/** How many of a log's events match the filter. */
export function countEvents(db: Workspace, logId: number, filter: EventFilter = {}): number {
  const { sql, params } = where(logId, filter);
  return Number(select(db, `SELECT count(*) FROM events WHERE ${sql}`, params)[0][0]);
}

/** Where `seq` falls among the matching events: the first matching seq at or after it, and its index. */
export function seekSeq(db: Workspace, logId: number, seq: number, filter: EventFilter = {}): { readonly index: number; readonly seq: number | undefined } {
  const { sql, params } = where(logId, filter);
  const next = select(db, `SELECT seq FROM events WHERE ${sql} AND seq >= ? ORDER BY seq LIMIT 1`, [...params, seq])[0];
  const index = Number(select(db, `SELECT count(*) FROM events WHERE ${sql} AND seq < ?`, [...params, seq])[0][0]);
  return { index, seq: next === undefined ? undefined : Number(next[0]) };
}

/** The seq of the matching event at a 0-based index (a scrollbar position), or undefined past the end. */
export function seqAtIndex(db: Workspace, logId: number, index: number, filter: EventFilter = {}): number | undefined {
  const { sql, params } = where(logId, filter);
  const row = select(db, `SELECT seq FROM events WHERE ${sql} ORDER BY seq LIMIT 1 OFFSET ?`, [...params, Math.max(0, Math.floor(index))])[0];
  return row === undefined ? undefined : Number(row[0]);
}

/**
 * A log's distinct types or streams, sorted, at most `limit`: one index seek per value when the
 * column's index is there (a million-event log with six types costs six seeks), else one scan.
 */
export function distinctValues(db: Workspace, logId: number, column: 'type' | 'stream', limit = 2000): string[] {
  const indexed = db.exec("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?", [`events_by_${column}`]).length > 0;
  const sql = indexed
    ? `WITH RECURSIVE v(x) AS (SELECT min(${column}) FROM events WHERE log_id = ?1 UNION ALL SELECT (SELECT min(${column}) FROM events WHERE log_id = ?1 AND ${column} > v.x) FROM v WHERE v.x IS NOT NULL LIMIT ?2) SELECT x FROM v WHERE x IS NOT NULL`
    : `SELECT DISTINCT ${column} FROM events WHERE log_id = ?1 ORDER BY ${column} LIMIT ?2`;
  return select(db, sql, [logId, limit]).map((r) => String(r[0]));
}

function where(logId: number, filter: EventFilter): { sql: string; params: SqlValue[] } {
  const parts = ['log_id = ?'];
  const params: SqlValue[] = [logId];
  if (filter.type !== undefined) {
    parts.push('type = ?');
    params.push(filter.type);
  }
  if (filter.stream !== undefined) {
    parts.push('stream = ?');
    params.push(filter.stream);
  }
  if (filter.correlation !== undefined) {
    parts.push('correlation_id = ?');
    params.push(filter.correlation);
  }
  if (filter.causation !== undefined) {
    parts.push('causation_id = ?');
    params.push(filter.causation);
  }
  if (filter.text !== undefined && filter.text !== '') {
    const like = `%${filter.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const columns = ['id', 'type', 'stream', 'causation_id', 'correlation_id', 'data', 'metadata'];
    parts.push(`(${columns.map((c) => `${c} LIKE ? ESCAPE '\\'`).join(' OR ')})`);
    params.push(...columns.map(() => like));
  }
  return { sql: parts.join(' AND '), params };
}


const optional = (name: string, value: SqlValue): Record<string, string> => (value === null ? {} : { [name]: String(value) });

function toEvent(row: SqlValue[]): StoredEvent {
  const [seq, id, type, stream, at, causationId, correlationId, data, line, kind, position, globalPosition, source, time, domainStream] = row;
  return {
    seq: Number(seq),
    id: String(id),
    type: String(type),
    stream: String(stream),
    at: Number(at),
    ...optional('causationId', causationId),
    ...optional('correlationId', correlationId),
    data: parseStored(data),
    ...(line === null ? {} : { line: Number(line) }),
    ...(kind === null || kind === 'event' ? {} : { kind: String(kind) }),
    ...optional('position', position),
    ...optional('globalPosition', globalPosition),
    ...optional('source', source),
    ...optional('time', time),
    ...optional('domainStream', domainStream),
  };
}

/** A stored JSON column read back; text that is not JSON (a damaged file) is kept as text. */
export function parseStored(value: SqlValue): unknown {
  try {
    return JSON.parse(String(value));
  } catch {
    return String(value);
  }
}
