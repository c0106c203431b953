/**
 * A PostgreSQL store's stream events from before the read (../types' EarlierEvents): the rows of
 * one stream — by its stream column and what scopes it (Emmett's `partition`, Marten's
 * `tenant_id`) — whose revision is below the record's, in revision order, a page at a time
 * (keyset on the revision: a huge stream is read whole, never in one query's memory). The stores
 * write one stream serially, so its revisions below a committed one are committed. The rows are
 * the reader's own (same columns, same text for positions), read on its connection: between
 * batches the reader's snapshot is still open, so they come from it.
 */
import type { EarlierEvents } from '../types';
import { positionText, streamOfRecord, type StreamNaming } from '../streamNaming';
import { ident, type StoreTable } from './storeTables';
import type { PgQuery } from './pgSession';

/** The earlier events of `table`'s streams, with the reader's `select` (`SELECT … FROM … m`) and the table's column types. */
export function storeEarlierEvents(query: PgQuery, table: StoreTable, types: ReadonlyMap<string, string>, select: string): EarlierEvents {
  const naming: StreamNaming = { stream: table.streamColumn, revision: table.revision, scope: table.streamScope.filter((c) => types.has(c)), first: String(table.firstRevision) };
  const { scope } = naming;
  // compared in the column's own type, so the stream's index serves (a Marten stream id may be a uuid)
  const streamType = types.get(table.streamColumn) === 'uuid' ? '::uuid' : '';
  const text = positionText;
  return {
    naming,
    streamOf: streamOfRecord(naming),
    async *before(record, page) {
      const r = record as Record<string, unknown>;
      const params: unknown[] = [text(r[table.streamColumn]), text(r[table.revision])];
      const where = [`m.${ident(table.streamColumn)} = $1${streamType}`, `m.${ident(table.revision)} < $2::bigint`];
      for (const c of scope) {
        if (r[c] === null || r[c] === undefined) where.push(`m.${ident(c)} IS NULL`);
        else {
          params.push(r[c]);
          where.push(`m.${ident(c)} = $${params.length}`);
        }
      }
      const revision = `m.${ident(table.revision)}`;
      let after: string | undefined;
      for (;;) {
        const sql = `${select} WHERE ${where.join(' AND ')}${after !== undefined ? ` AND ${revision} > $${params.length + 1}::bigint` : ''} ORDER BY ${revision} LIMIT ${page}`;
        const rows = await query(sql, after !== undefined ? [...params, after] : params);
        if (rows.length > 0) yield rows;
        if (rows.length < page) return;
        after = text(rows[rows.length - 1][table.revision]);
      }
    },
  };
}
