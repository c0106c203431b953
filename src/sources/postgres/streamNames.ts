/**
 * Whether the stream a URL's `stream=` names is in the store, and if not, the names it may have
 * meant: a store names streams in full (`shopping_cart-c-2` for Emmett's cart `c-2`), and a read
 * of a stream that is not there reads nothing without saying why. Asked once, when the reader
 * opens.
 */
import { filterConditions, ident, type StoreTable } from './storeTables';
import type { PgQuery } from './pgSession';

/** Similar names a message lists at most. */
const MAX_SIMILAR = 3;

/** A LIKE pattern's text with its wildcards taken literally (`\` escapes). */
const literal = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Undefined when `stream` has a record in the table (`from`: `schema.table m`); else what to say: there is none, and up to three streams whose name ends with it or holds it (any case). */
export async function absentStream(q: PgQuery, table: StoreTable, types: ReadonlyMap<string, string>, from: string, stream: string): Promise<string | undefined> {
  const { sql, params } = filterConditions(table, types, { stream }, 1);
  if ((await q(`SELECT 1 FROM ${from} WHERE ${sql.join(' AND ')} LIMIT 1`, params)).length > 0) return undefined;
  const column = `m.${ident(table.streamColumn)}::text`;
  const rows = await q(
    `SELECT name FROM (SELECT DISTINCT ${column} AS name FROM ${from} WHERE ${column} ILIKE $1) found ORDER BY (name ILIKE $2) DESC, length(name), name LIMIT ${MAX_SIMILAR}`,
    [`%${literal(stream)}%`, `%${literal(stream)}`],
  );
  const names = rows.map((r) => JSON.stringify(r.name));
  return `no stream ${JSON.stringify(stream)} in the store${names.length > 0 ? ` (similar: ${names.join(', ')}; stream= names a stream in full)` : ''}`;
}
