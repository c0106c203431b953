/**
 * Marten's event tables, made from Marten's documented DDL (Marten itself needs .NET, which cannot run
 * here): `mt_streams`, `mt_events` with the opt-in metadata columns (causation_id, correlation_id,
 * headers, user_name) and `mt_event_progression`, whose `HighWaterMark` row is the async daemon's
 * high-water mark. Sources: Marten docs events/storage.md (columns of mt_events) and events/metadata.md
 * (opt-in metadata columns); src/Marten/Events/Schema/{EventsTable,StreamsTable,EventProgressionTable}.cs
 * and src/Marten/Storage/Metadata/*Column.cs (types, defaults, keys) in JasperFx/marten.
 * Stream identity: Guid (Marten's default, `uuid` columns); single tenant (`*DEFAULT*`); no archive partitioning.
 */
import pg from 'pg';

/** The DDL, in the order Marten's schema migration creates these objects. */
export const martenDdl = `
CREATE SEQUENCE IF NOT EXISTS mt_events_sequence;
CREATE TABLE IF NOT EXISTS mt_streams (
  id               uuid                     NOT NULL,
  type             varchar                  NULL,
  version          bigint                   NULL,
  timestamp        timestamptz              NOT NULL DEFAULT (now()),
  snapshot         jsonb                    NULL,
  snapshot_version integer                  NULL,
  created          timestamptz              NOT NULL DEFAULT (now()),
  tenant_id        varchar                  NULL DEFAULT '*DEFAULT*',
  is_archived      bool                     NULL DEFAULT FALSE,
  CONSTRAINT pkey_mt_streams_id PRIMARY KEY (id)
);
CREATE TABLE IF NOT EXISTS mt_events (
  seq_id           bigint                   NOT NULL,
  id               uuid                     NOT NULL,
  stream_id        uuid                     NULL,
  version          bigint                   NOT NULL,
  data             jsonb                    NOT NULL,
  bdata            bytea                    NULL,
  type             varchar(500)             NOT NULL,
  timestamp        timestamptz              NOT NULL DEFAULT (now()),
  tenant_id        varchar                  NULL DEFAULT '*DEFAULT*',
  mt_dotnet_type   varchar                  NULL,
  correlation_id   varchar                  NULL,
  causation_id     varchar                  NULL,
  headers          jsonb                    NULL,
  user_name        varchar                  NULL,
  is_archived      bool                     NULL DEFAULT FALSE,
  CONSTRAINT pkey_mt_events_seq_id PRIMARY KEY (seq_id),
  CONSTRAINT fkey_mt_events_stream_id FOREIGN KEY (stream_id) REFERENCES mt_streams(id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX IF NOT EXISTS pk_mt_events_stream_and_version ON mt_events (stream_id, version);
CREATE UNIQUE INDEX IF NOT EXISTS mt_events_id_idx ON mt_events (id);
CREATE TABLE IF NOT EXISTS mt_event_progression (
  name             varchar                  NOT NULL,
  last_seq_id      bigint                   NULL,
  last_updated     timestamptz              NULL DEFAULT (transaction_timestamp()),
  CONSTRAINT pk_mt_event_progression PRIMARY KEY (name)
);
`;

/** One event to append, as Marten's session would capture it. */
export interface MartenEvent {
  readonly id: string;
  readonly type: string;
  readonly dotnetType?: string;
  readonly data: Record<string, unknown>;
  readonly correlationId?: string;
  readonly causationId?: string;
  readonly headers?: Record<string, unknown>;
  readonly timestamp?: string;
}

/** Creates Marten's event tables in the database at `url`. */
export async function createMartenSchema(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(martenDdl);
  } finally {
    await client.end();
  }
}

/**
 * Appends events to a stream in one transaction, as Marten's "Quick" append mode does: seq_id from
 * `mt_events_sequence` inside the INSERT, version = the stream's version + 1, 2, …; mt_streams upserted.
 * `client` lets a test hold the transaction open (commit-order trap); without it a connection is opened.
 * Returns the seq_ids assigned, as exact decimal strings.
 */
export async function appendMartenEvents(url: string, streamId: string, events: readonly MartenEvent[], client?: pg.ClientBase): Promise<string[]> {
  const own = client ? undefined : new pg.Client({ connectionString: url });
  const db = client ?? own!;
  if (own) await own.connect();
  try {
    if (own) await db.query('BEGIN');
    const { rows } = await db.query('SELECT version FROM mt_streams WHERE id = $1 FOR UPDATE', [streamId]);
    let version = rows.length ? BigInt(rows[0].version) : 0n;
    if (!rows.length) await db.query('INSERT INTO mt_streams (id, version) VALUES ($1, 0)', [streamId]);
    const seqIds: string[] = [];
    for (const e of events) {
      version += 1n;
      const inserted = await db.query(
        `INSERT INTO mt_events (seq_id, id, stream_id, version, data, type, timestamp, mt_dotnet_type, correlation_id, causation_id, headers)
         VALUES (nextval('mt_events_sequence'), $1, $2, $3, $4, $5, COALESCE($6::timestamptz, now()), $7, $8, $9, $10) RETURNING seq_id`,
        [e.id, streamId, version.toString(), JSON.stringify(e.data), e.type, e.timestamp ?? null, e.dotnetType ?? null, e.correlationId ?? null, e.causationId ?? null, e.headers ? JSON.stringify(e.headers) : null],
      );
      seqIds.push(String(inserted.rows[0].seq_id));
    }
    await db.query('UPDATE mt_streams SET version = $2, timestamp = now() WHERE id = $1', [streamId, version.toString()]);
    if (own) await db.query('COMMIT');
    return seqIds;
  } catch (error) {
    if (own) await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    if (own) await own.end();
  }
}

/** Sets Marten's high-water mark (the async daemon's `HighWaterMark` row): readers take seq_id up to it only. */
export async function setMartenHighWaterMark(url: string, seqId: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO mt_event_progression (name, last_seq_id, last_updated) VALUES ('HighWaterMark', $1, now())
       ON CONFLICT (name) DO UPDATE SET last_seq_id = EXCLUDED.last_seq_id, last_updated = now()`,
      [seqId],
    );
  } finally {
    await client.end();
  }
}
