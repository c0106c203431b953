/**
 * Which records of a stored log a table's filters keep, as their seqs in order. The type and a
 * whole stream id are read through the events' indexes at once. The rest have no index — a
 * part of a stream id (any case), the text (./textMatch: ids, type, stream, causation and
 * correlation ids, data and metadata as shown), a correlation id, the records one record caused
 * — and are read in chunks of the log's seqs, a pause between chunks, so the logs worker
 * answers other requests meanwhile, tells how far it got, and stops when told to (a newer
 * filter, Stop). On a million Marten-like records, in CPU time: a stream's part 0.8 s, a flow or
 * a cause 0.4 s, a text 2-2.5 s, each chunk well under 50 ms. Pure over a sql.js database.
 */
import type { Database, SqlValue } from 'sql.js';
import type { EventFilter } from '../../../src/store/eventPages';
import { eventShows, foldCase } from './textMatch';

/** Seqs read per chunk of a search. */
export const SCAN_CHUNK = 16_384;

/** How a search is paced and stopped: awaited between chunks, asked whether to go on, told the share of the log's seqs read. */
export interface ScanControl {
  readonly pause?: () => Promise<void>;
  readonly stopped?: () => boolean;
  readonly onProgress?: (scanned: number, of: number) => void;
}

/** Thrown when a search was told to stop. */
export class ScanStopped extends Error {
  constructor() {
    super('search stopped');
  }
}

/** A filter as SQL: its conditions and their parameters, and whether the indexes serve it alone. */
export interface FilterSql {
  readonly conditions: readonly string[];
  readonly params: readonly SqlValue[];
  readonly indexed: boolean;
}

/** Databases the search functions are registered on. */
const withFunctions = new WeakSet<object>();

function register(db: Database): void {
  if (withFunctions.has(db)) return;
  db.create_function('purestream_shows', (id: unknown, type: unknown, stream: unknown, data: unknown, causation: unknown, correlation: unknown, metadata: unknown, needle: unknown) =>
    eventShows(String(id), String(type), String(stream), String(data), String(needle), { causationId: causation as string | null, correlationId: correlation as string | null, metadataJson: metadata as string | null }) ? 1 : 0,
  );
  db.create_function('purestream_has_part', (text: unknown, needle: unknown) => (foldCase(String(text)).includes(String(needle)) ? 1 : 0));
  withFunctions.add(db);
}

/** The columns the text filter reads (./textMatch shows them). */
const TEXT_COLUMNS = ['id', 'type', 'stream', 'causation_id', 'correlation_id', 'data', 'metadata'];

/** SQL that is 1 when `column` holds a character beyond ASCII (more bytes than characters; a NUL counts as one), else 0 (NULL too). */
const nonAscii = (column: string): string => `coalesce(length(CAST(${column} AS BLOB)) != length(${column}), 0)`;

/**
 * Whether a record of ASCII text shows `text` only if its stored text has it, in any ASCII
 * case: so for printable ASCII without `"` or `\` (JSON writes them escaped) and without `=`
 * (the filter's `key=value` is no stored text). Then SQLite's LIKE passes by most records
 * before they are read as shown (a tenth of the time on a million records).
 */
const likeFinds = (text: string): boolean => /^[\x20-\x7e]+$/.test(text) && !/["\\=]/.test(text);

/**
 * Whether, beyond {@link likeFinds}, a record of ASCII text shows `text` exactly when its stored
 * text has it: compact JSON's tokens meet only at `{ } [ ] : , "`, so text without them is found
 * within one key, string or number, all shown as stored — but for `null`, which is not shown.
 * Then such a record is never read as shown (a million records in about a second, however many match).
 */
const likeDecides = (text: string): boolean => likeFinds(text) && !/[{}[\]:,]/.test(text) && !'null'.includes(text.toLowerCase());

/** `text` as a LIKE pattern for any text containing it (`%`, `_` and `\` escaped). */
const containing = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The filter of log `logId` as SQL. The stream box holds a whole stream id — the log has that
 * stream: its records, through the index — or a part of one: the records of every stream whose
 * id contains it, in any case (SQLite's LIKE for ASCII, Unicode case folding otherwise).
 */
export function filterSql(db: Database, logId: number, filter: EventFilter): FilterSql {
  const conditions: string[] = [];
  const params: SqlValue[] = [];
  let indexed = true;
  if (filter.type) {
    conditions.push('type = ?');
    params.push(filter.type);
  }
  if (filter.stream) {
    if (db.exec('SELECT 1 FROM events WHERE log_id = ? AND stream = ? LIMIT 1', [logId, filter.stream]).length > 0) {
      conditions.push('stream = ?');
      params.push(filter.stream);
    } else {
      indexed = false;
      register(db);
      if (/^[\x20-\x7e]*$/.test(filter.stream)) {
        // SQLite's LIKE folds ASCII only: a stream id with other characters (Straße) is folded here
        conditions.push(`(stream LIKE ? ESCAPE '\\' OR (${nonAscii('stream')} AND purestream_has_part(stream, ?)))`);
        params.push(containing(filter.stream), foldCase(filter.stream));
      } else {
        conditions.push('purestream_has_part(stream, ?)');
        params.push(foldCase(filter.stream));
      }
    }
  }
  if (filter.correlation !== undefined) {
    indexed = false;
    conditions.push('correlation_id = ?');
    params.push(filter.correlation);
  }
  if (filter.causation !== undefined) {
    indexed = false;
    conditions.push('causation_id = ?');
    params.push(filter.causation);
  }
  if (filter.text) {
    indexed = false;
    register(db);
    const shows = 'purestream_shows(id, type, stream, data, causation_id, correlation_id, metadata, ?)';
    const like = `(${TEXT_COLUMNS.map((c) => `${c} LIKE ? ESCAPE '\\'`).join(' OR ')})`;
    const other = `(${TEXT_COLUMNS.map(nonAscii).join(' OR ')})`;
    const likes = TEXT_COLUMNS.map(() => containing(filter.text!));
    if (likeDecides(filter.text)) {
      // a record of ASCII text is decided by LIKE alone; one with other characters is read as shown
      conditions.push(`((NOT ${other} AND ${like}) OR (${other} AND ${shows}))`);
      params.push(...likes, foldCase(filter.text));
    } else if (likeFinds(filter.text)) {
      // only records whose stored text has it, or that have other characters to fold, are read as shown
      conditions.push(`(${like} OR ${other}) AND ${shows}`);
      params.push(...likes, foldCase(filter.text));
    } else {
      conditions.push(shows);
      params.push(foldCase(filter.text));
    }
  }
  return { conditions, params, indexed };
}

function seqsOf(db: Database, sql: string, params: readonly SqlValue[], into: number[]): void {
  const stmt = db.prepare(sql);
  try {
    stmt.bind(params as SqlValue[]);
    while (stmt.step()) into.push(stmt.get()[0] as number);
  } finally {
    stmt.free();
  }
}

/** The seqs of log `logId`'s records that `filter` keeps, in order; a search without an index goes chunk by chunk as `control` paces it (throws ScanStopped when stopped). */
export async function filterSeqs(db: Database, logId: number, filter: EventFilter, control: ScanControl = {}): Promise<Float64Array> {
  const { conditions, params, indexed } = filterSql(db, logId, filter);
  const where = ['log_id = ?', ...conditions].join(' AND ');
  const out: number[] = [];
  if (indexed) {
    seqsOf(db, `SELECT seq FROM events WHERE ${where} ORDER BY seq`, [logId, ...params], out);
    return Float64Array.from(out);
  }
  const [first, last] = db.exec('SELECT min(seq), max(seq) FROM events WHERE log_id = ?', [logId])[0]?.values[0] ?? [null, null];
  if (first === null || last === null) return new Float64Array(0);
  const from = Number(first);
  const to = Number(last);
  for (let lo = from; lo <= to; lo += SCAN_CHUNK) {
    if (control.stopped?.()) throw new ScanStopped();
    seqsOf(db, `SELECT seq FROM events WHERE ${where} AND seq >= ? AND seq < ? ORDER BY seq`, [logId, ...params, lo, lo + SCAN_CHUNK], out);
    control.onProgress?.(Math.min(to, lo + SCAN_CHUNK - 1) - from + 1, to - from + 1);
    if (lo + SCAN_CHUNK <= to) await control.pause?.();
  }
  if (control.stopped?.()) throw new ScanStopped();
  return Float64Array.from(out);
}
