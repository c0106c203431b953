/**
 * The PostgreSQL event stores' tables as the readers query them (sources.md): Emmett's
 * `emt_messages`, Marten's `mt_events`, Message DB's `messages` — their default schema, the
 * columns the profiles of logs.md read (selected only where the table has them: older versions
 * lack some), how each column is turned into what the profile expects (positions as exact
 * text, times as RFC 3339 text, UTC), the column a position is read from and filters by stream,
 * category and time. Pure: builds SQL text; the values go as parameters.
 */
import type { StoreKind } from '../sourceUrl';

/** How one store's table is read. */
export interface StoreTable {
  readonly store: StoreKind;
  readonly table: string;
  readonly defaultSchema: string;
  /** Columns the profile reads, in the order selected. */
  readonly columns: readonly string[];
  /** Columns without which this is not the store's table. */
  readonly required: readonly string[];
  /** The column of the store-wide position, and the stream column. */
  readonly position: string;
  readonly streamColumn: string;
  /** The column of a record's revision in its stream, and a stream's first revision (logs.md's dense stream revisions). */
  readonly revision: string;
  readonly firstRevision: number;
  /** Columns that, with the stream column, identify a stream where the table has them (Emmett's `partition`, Marten's `tenant_id`). */
  readonly streamScope: readonly string[];
  /** The column of the record's time, and whether it is stored without a zone (UTC by the store's contract). */
  readonly timeColumn: string;
  readonly name: string;
}

/** Emmett's `emt_messages` (Emmett's PostgreSQL event store, @event-driven-io/emmett-postgresql). */
const emmett: StoreTable = {
  store: 'emmett',
  name: "Emmett's emt_messages",
  table: 'emt_messages',
  defaultSchema: 'public',
  columns: ['stream_id', 'stream_position', 'global_position', 'transaction_id', 'partition', 'message_kind', 'message_type', 'message_data', 'message_metadata', 'message_schema_version', 'message_id', 'is_archived', 'created'],
  required: ['stream_id', 'stream_position', 'global_position', 'transaction_id', 'message_type', 'message_data'],
  position: 'global_position',
  streamColumn: 'stream_id',
  revision: 'stream_position',
  firstRevision: 1,
  streamScope: ['partition'],
  timeColumn: 'created',
};

/** Marten's `mt_events` (the opt-in metadata columns where present). */
const marten: StoreTable = {
  store: 'marten',
  name: "Marten's mt_events",
  table: 'mt_events',
  defaultSchema: 'public',
  columns: ['seq_id', 'id', 'stream_id', 'version', 'type', 'data', 'timestamp', 'tenant_id', 'mt_dotnet_type', 'correlation_id', 'causation_id', 'headers', 'user_name', 'is_archived'],
  required: ['seq_id', 'stream_id', 'version', 'type', 'data'],
  position: 'seq_id',
  streamColumn: 'stream_id',
  revision: 'version',
  firstRevision: 1,
  streamScope: ['tenant_id'],
  timeColumn: 'timestamp',
};

/** Message DB's `messages` (schema `message_store`). */
const messageDb: StoreTable = {
  store: 'message-db',
  name: "Message DB's messages",
  table: 'messages',
  defaultSchema: 'message_store',
  columns: ['global_position', 'position', 'time', 'stream_name', 'type', 'data', 'metadata', 'id'],
  required: ['global_position', 'position', 'stream_name', 'type', 'data'],
  position: 'global_position',
  streamColumn: 'stream_name',
  revision: 'position',
  firstRevision: 0,
  streamScope: [],
  timeColumn: 'time',
};

/** Every store's table. */
export const STORE_TABLES: Readonly<Record<StoreKind, StoreTable>> = { emmett, marten, 'message-db': messageDb };

/** A quoted identifier. */
export const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** The select expression of a column of PostgreSQL type `type` (information_schema's data_type), aliased to its name. */
export function selectExpression(column: string, type: string): string {
  const c = `m.${ident(column)}`;
  switch (type) {
    case 'bigint':
    case 'integer':
    case 'smallint':
    case 'numeric':
    case 'xid8':
    case 'xid':
    case 'uuid':
      return `${c}::text AS ${ident(column)}`;
    case 'timestamp with time zone':
      return `to_char(${c} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS ${ident(column)}`;
    case 'timestamp without time zone':
      return `to_char(${c}, 'YYYY-MM-DD"T"HH24:MI:SS.US') AS ${ident(column)}`;
    default:
      return `${c} AS ${ident(column)}`;
  }
}

/** What the reader filters on besides the position. */
export interface RowFilter {
  readonly stream?: string;
  readonly category?: string;
  /** RFC 3339 (UTC) text. */
  readonly since?: string;
}

/** SQL conditions (joined with AND) and their parameters, numbered from `first`. */
export function filterConditions(t: StoreTable, types: ReadonlyMap<string, string>, filter: RowFilter, first: number): { sql: string[]; params: unknown[] } {
  const sql: string[] = [];
  const params: unknown[] = [];
  const next = (value: unknown) => {
    params.push(value);
    return `$${first + params.length - 1}`;
  };
  const stream = `m.${ident(t.streamColumn)}${types.get(t.streamColumn) === 'uuid' ? '::text' : ''}`;
  if (filter.stream !== undefined) sql.push(`${stream} = ${next(filter.stream)}`);
  // a category is the stream name's part before the first '-' (Message DB's category())
  if (filter.category !== undefined) sql.push(`split_part(${stream}, '-', 1) = ${next(filter.category)}`);
  if (filter.since !== undefined && types.has(t.timeColumn)) {
    const zoneless = types.get(t.timeColumn) === 'timestamp without time zone';
    sql.push(`m.${ident(t.timeColumn)} >= ${zoneless ? `(${next(filter.since)}::timestamptz AT TIME ZONE 'UTC')` : `${next(filter.since)}::timestamptz`}`);
  }
  return { sql, params };
}

/** Which other store's table a schema holds, for the message when `store=` names the wrong one. */
export const OTHER_STORE_PROBES: readonly { readonly store: StoreKind; readonly relation: (schema: string) => string }[] = [
  { store: 'emmett', relation: (s) => `${ident(s)}.emt_messages` },
  { store: 'marten', relation: (s) => `${ident(s)}.mt_events` },
  { store: 'message-db', relation: (s) => `${ident(s)}.messages` },
  { store: 'message-db', relation: () => 'message_store.messages' },
];
