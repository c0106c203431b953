/**
 * Where a record of a stored log leads: the record its causation id names (its cause), and the
 * records whose causation id names it (what it caused), so a record's details link both ways.
 * A Message DB record is named by its address, `<stream>/<position>` (logs.md), as well as by
 * its id. Neither id has an index: each lookup reads the log's id columns once (a fraction of a
 * second for a million records), so the details ask for links after the record itself. Pure
 * over a sql.js database.
 */
import type { Database, SqlValue } from 'sql.js';
import { selectRows as select } from '../../../src/store/selectRows';

/** Records of what a record caused listed at most; the rest are counted. */
export const MAX_CAUSED = 20;

/** A record linked to: its number in the file, type and stream. */
export interface LinkedRecord {
  readonly seq: number;
  readonly type: string;
  readonly stream: string;
}

/** Where record `seq` leads. */
export interface RecordLinks {
  /** Its causation id names a record of the log (the first with that id): that record. */
  readonly cause?: LinkedRecord;
  /** It has a causation id that names no record of the log (an HTTP request's id, a command kept elsewhere). */
  readonly causeMissing?: boolean;
  /** The records whose causation id names it, the first MAX_CAUSED in file order, and how many there are. */
  readonly caused: readonly LinkedRecord[];
  readonly causedCount: number;
}

const linked = (r: SqlValue[]): LinkedRecord => ({ seq: Number(r[0]), type: String(r[1]), stream: String(r[2]) });

/** Record `seq` of log `logId`'s cause and what it caused; `addresses`: records are also named `<stream>/<position>` (a Message DB log). Undefined when there is no such record. */
export function recordLinks(db: Database, logId: number, seq: number, addresses = false): RecordLinks | undefined {
  const [r] = select(db, 'SELECT id, kind, stream, position, causation_id FROM events WHERE log_id = ? AND seq = ?', [logId, seq]);
  if (!r) return undefined;
  const self = { id: String(r[0]), kind: String(r[1]), stream: String(r[2]), position: r[3] === null ? null : String(r[3]), causationId: r[4] === null ? null : String(r[4]) };
  let cause: LinkedRecord | undefined;
  const causationId = self.causationId;
  if (causationId !== null && causationId !== '' && causationId !== self.id) {
    // a rejection repeats its command's id: the cause is the command
    const [byId] = select(db, "SELECT seq, type, stream FROM events WHERE log_id = ? AND id = ? AND kind != 'rejection' ORDER BY seq LIMIT 1", [logId, causationId]);
    const address = addresses ? /^(.+)\/(\d+)$/.exec(causationId) : null;
    const [byAddress] = !byId && address ? select(db, 'SELECT seq, type, stream FROM events WHERE log_id = ? AND stream = ? AND position = ? ORDER BY seq LIMIT 1', [logId, address[1], address[2]]) : [];
    const found = byId ?? byAddress;
    if (found) cause = linked(found);
  }
  const names = [self.id, ...(addresses && self.position !== null ? [`${self.stream}/${self.position}`] : [])].filter((n) => n !== '');
  // a record with no id names nothing; a rejection's id is its command's, which causes it
  const causedRows = names.length > 0 && self.kind !== 'rejection'
    ? select(db, `SELECT seq, type, stream FROM events WHERE log_id = ? AND causation_id IN (${names.map(() => '?').join(', ')}) AND seq != ? ORDER BY seq`, [logId, ...names, seq])
    : [];
  const caused = causedRows.slice(0, MAX_CAUSED).map(linked);
  const causedCount = causedRows.length;
  return { ...(cause ? { cause } : {}), ...(causationId !== null && causationId !== '' && causationId !== self.id && !cause ? { causeMissing: true } : {}), caused, causedCount };
}
