/**
 * Reads a PostgreSQL event store (Emmett, Marten, Message DB) in batches, in read-only
 * transactions, never skipping a row that commits after a higher-numbered one (sources.md,
 * the commit-order trap):
 * - Emmett: rows whose transaction ended before every transaction still in progress
 *   (`transaction_id < pg_snapshot_xmin(pg_current_snapshot())`, Emmett's own filter), in
 *   (transaction id, global position) order; the position is `TRANSACTION:GLOBAL_POSITION`.
 * - Marten: `seq_id` up to the async daemon's high-water mark (`mt_event_progression`'s
 *   `HighWaterMark` row) where there is one; the position is the `seq_id`.
 * - Message DB, and Marten without a high-water mark: `global_position`/`seq_id` order, stopping
 *   before a missing number for as long as a transaction that was in progress when it was seen may
 *   still commit it, then passing it and saying so (./gapWatch: no time limit); a read of one
 *   stream or category needs no such wait (the stores serialise writes to a stream; Message DB to
 *   a category). `--from TIME` starts there after the first position at or after the time.
 */
import { hideSecrets, secretsOf, type PostgresSourceUrl } from '../sourceUrl';
import { reasonOf, SourceError, type EarlierEvents, type ReadOptions, type SourceBatch, type SourceReader } from '../types';
import { sleep } from '../sleep';
import { connectFailure, connectPg, READ_ONLY, readOnly, type PgConnect, type PgQuery, type PgSession } from './pgSession';
import { GapWatch } from './gapWatch';
import { storeEarlierEvents } from './earlierEvents';
import { absentStream } from './streamNames';
import { filterConditions, ident, OTHER_STORE_PROBES, selectExpression, STORE_TABLES, type RowFilter, type StoreTable } from './storeTables';

/** Tuning a test or a caller may change. */
export interface PostgresTuning {
  /** Milliseconds a read waits at a missing position before its progress says so (default 1000). */
  readonly waitNoticeMs?: number;
}

/** Opens a reader of the store `source` names; a SourceError (password hidden) when it cannot connect or the table is not the store's. */
export async function openPostgresReader(source: PostgresSourceUrl, options: ReadOptions, connect: PgConnect = connectPg, tuning: PostgresTuning = {}): Promise<SourceReader> {
  const fail = (message: string, stage: 'connect' | 'read' = 'connect') => new SourceError(source.display, hideSecrets(message, secretsOf(source)), stage);
  let session: PgSession;
  try {
    session = await connect(source);
  } catch (error) {
    throw fail(connectFailure(error, source));
  }
  try {
    const table = STORE_TABLES[source.store];
    const schema = source.schema ?? table.defaultSchema;
    const types = await readOnly(session, (q) => tableColumns(q, table, schema));
    if (types.size === 0) throw fail(await readOnly(session, (q) => missingTable(q, table, schema)));
    const missing = table.required.filter((c) => !types.has(c));
    if (missing.length > 0) throw fail(`${schema}.${table.table} is not ${table.name}: it has no column ${missing.join(', ')}`);
    const hasProgression = table.store === 'marten' && (await readOnly(session, async (q) => (await q('SELECT to_regclass($1) IS NOT NULL AS found', [`${ident(schema)}.mt_event_progression`]))[0].found === true));
    const reader = new PostgresStoreReader(session, table, schema, types, source, options, hasProgression, tuning, fail);
    await reader.start();
    if (source.stream !== undefined) reader.absent = await readOnly(session, (q) => absentStream(q, table, types, `${ident(schema)}.${ident(table.table)} m`, source.stream!));
    return reader;
  } catch (error) {
    await session.close();
    if (error instanceof SourceError) throw error;
    throw fail(`cannot read the store: ${reasonOf(error)}`);
  }
}

/** The table's columns and their types (information_schema's data_type); empty when there is no such table. */
async function tableColumns(q: PgQuery, table: StoreTable, schema: string): Promise<Map<string, string>> {
  const rows = await q('SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2', [schema, table.table]);
  return new Map(rows.map((r) => [r.column_name as string, r.data_type as string]));
}

/**
 * Why the table's columns cannot be seen (information_schema lists only what the role may use):
 * the table is there but the role may not read it, another store's table is there (store= names
 * the wrong kind), or none.
 */
async function missingTable(q: PgQuery, table: StoreTable, schema: string): Promise<string> {
  const own = `${ident(schema)}.${ident(table.table)}`;
  const [{ who, usable }] = await q('SELECT current_user AS who, (SELECT has_schema_privilege(n.oid, \'USAGE\') FROM pg_namespace n WHERE n.nspname = $1) AS usable', [schema]);
  const grant = (what: string) => `grant it (GRANT ${what} TO ${ident(String(who))}) or use another user`;
  if (usable === false) return `the user ${JSON.stringify(who)} may not use schema ${schema}: ${grant(`USAGE ON SCHEMA ${ident(schema)}`)}`;
  if (usable === true) {
    const [{ found, readable }] = await q("SELECT to_regclass($1) IS NOT NULL AS found, COALESCE(has_table_privilege(to_regclass($1), 'SELECT'), false) AS readable", [own]);
    if (found === true && readable !== true) return `the user ${JSON.stringify(who)} may not read ${schema}.${table.table}: ${grant(`SELECT ON ${own}`)}`;
  }
  for (const probe of OTHER_STORE_PROBES) {
    if (probe.store === table.store) continue;
    const relation = probe.relation(schema);
    const found = (await q('SELECT to_regclass($1) IS NOT NULL AS found', [relation]))[0].found === true;
    if (found) return `no ${table.table} table in schema ${schema}: this database holds ${STORE_TABLES[probe.store].name} (${relation.replace(/"/g, '')}), use store=${probe.store}`;
  }
  return `no ${table.table} table in schema ${schema}: is this ${table.name.replace(/'s .*$/, '')}'s database? (schema= names another schema)`;
}

/** The reader of one store table. */
class PostgresStoreReader implements SourceReader {
  readonly framing = 'rows';
  readonly profile;
  /** A stream's events before the read, on this reader's connection (./earlierEvents). */
  readonly earlier: EarlierEvents;
  absent: string | undefined;
  /** With `--from POSITION`: the store's highest position (Emmett: global position) when the read began, so a position past it is told apart from a read caught up. */
  lastAtStart: string | undefined;
  private readonly select: string;
  private readonly from: string;
  private filter: RowFilter;
  private readonly positionColumn: string;
  /** Emmett: the last (transaction, global position) read; others: the last position. */
  private after: { tx?: string; position: string } | undefined;
  /** The missing positions waited for (whole-store reads of Marten without a high-water mark, Message DB). */
  private gaps!: GapWatch;
  private closed = false;

  constructor(
    private readonly session: PgSession,
    private readonly table: StoreTable,
    schema: string,
    private readonly types: ReadonlyMap<string, string>,
    private readonly source: PostgresSourceUrl,
    private readonly options: ReadOptions,
    private readonly hasProgression: boolean,
    private readonly tuning: PostgresTuning,
    private readonly fail: (message: string, stage?: 'connect' | 'read') => SourceError,
  ) {
    this.profile = table.store;
    const columns = table.columns.filter((c) => types.has(c));
    this.from = `${ident(schema)}.${ident(table.table)} m`;
    this.select = `SELECT ${columns.map((c) => selectExpression(c, types.get(c)!)).join(', ')} FROM ${this.from}`;
    this.earlier = storeEarlierEvents(session.query, table, types, this.select);
    this.filter = {
      ...(source.stream !== undefined ? { stream: source.stream } : {}),
      ...(source.category !== undefined ? { category: source.category } : {}),
      ...(options.from.kind === 'time' ? { since: options.from.time } : {}),
    };
    this.positionColumn = `m.${ident(table.position)}`;
    this.progression = `${ident(schema)}.mt_event_progression`;
  }

  private readonly progression: string;

  /** Finds where to start: after a given position, or after the head (`--from end`). */
  async start(): Promise<void> {
    const from = this.options.from;
    if (from.kind === 'after') {
      const [a, b] = from.position.split(':');
      this.after = b === undefined ? { position: a } : { tx: a, position: b };
      const max = (await readOnly(this.session, (q) => q(`SELECT max(${this.positionColumn})::text AS max FROM ${this.from}`)))[0].max;
      this.lastAtStart = typeof max === 'string' ? max : undefined;
    } else if (from.kind === 'end') {
      this.after = await readOnly(this.session, (q) => this.head(q));
    } else if (from.kind === 'time' && this.gapGuarded) {
      // the read goes by position from the first one at the time: a row of an earlier time after it is no gap
      this.after = await readOnly(this.session, (q) => this.beforeTime(q));
      const { since: _since, ...rest } = this.filter;
      this.filter = rest;
    }
    this.gaps = new GapWatch(this.after?.position, `SELECT max(${this.positionColumn})::text AS max FROM ${this.from}`);
  }

  /** The position before the first one at or after `--from TIME` (the head when there is none). */
  private async beforeTime(q: PgQuery): Promise<{ position: string } | undefined> {
    const { sql, params } = filterConditions(this.table, this.types, this.filter, 1);
    if (sql.length === 0) return undefined;
    const first = (await q(`SELECT (min(${this.positionColumn}) - 1)::text AS position FROM ${this.from} WHERE ${sql.join(' AND ')}`, params))[0].position as string | null;
    return first !== null ? { position: first } : this.head(q);
  }

  private get gapGuarded(): boolean {
    return this.table.store !== 'emmett' && this.source.stream === undefined && this.source.category === undefined;
  }

  /** The last committed position now (Emmett: under its transaction filter; Marten: under the high-water mark). */
  private async head(q: PgQuery): Promise<{ tx?: string; position: string } | undefined> {
    if (this.table.store === 'emmett') {
      const rows = await q(`SELECT m.transaction_id::text AS tx, m.global_position::text AS position FROM ${this.from} WHERE m.transaction_id < pg_snapshot_xmin(pg_current_snapshot()) ORDER BY m.transaction_id DESC, m.global_position DESC LIMIT 1`);
      return rows.length ? { tx: rows[0].tx as string, position: rows[0].position as string } : undefined;
    }
    const mark = await this.highWaterMark(q);
    const rows = await q(`SELECT max(${this.positionColumn})::text AS position FROM ${this.from}${mark !== undefined ? ` WHERE ${this.positionColumn} <= $1::bigint` : ''}`, mark !== undefined ? [mark] : []);
    return rows[0].position === null ? undefined : { position: rows[0].position as string };
  }

  /** Marten's high-water mark, when its daemon keeps one. */
  private async highWaterMark(q: PgQuery): Promise<string | undefined> {
    if (!this.hasProgression) return undefined;
    const rows = await q(`SELECT last_seq_id::text AS mark FROM ${this.progression} WHERE name = 'HighWaterMark'`);
    return rows.length && rows[0].mark !== null ? (rows[0].mark as string) : undefined;
  }

  /**
   * The batches: each round opens one snapshot and reads everything after the position through
   * a cursor (one query, however large the store: the server sorts once and hands rows over a
   * batch at a time), until it is exhausted (caught up) or stops before a missing position.
   */
  async *batches(): AsyncGenerator<SourceBatch, void, undefined> {
    const { batch, until, signal } = this.options;
    const q = this.session.query;
    for (;;) {
      if (signal?.aborted || this.closed) return;
      let exhausted = false;
      let blocked = false;
      let open = false;
      try {
        // whether the gap waited at can still be filled: asked before this round's snapshot, never in it
        if (this.gaps.blocked) await this.gaps.settle(q);
        await q(READ_ONLY);
        open = true;
        const { sql, params, guarded } = await this.plan(q);
        await q(`DECLARE purestream_read NO SCROLL CURSOR FOR ${sql}`, params);
        while (!exhausted && !blocked) {
          const rows = await q(`FETCH ${batch} FROM purestream_read`);
          const { kept, passed } = guarded ? await this.gaps.untilGap(q, rows, this.after?.position, (r) => r[this.table.position] as string) : { kept: rows, passed: [] };
          const last = kept[kept.length - 1];
          if (last) this.after = this.table.store === 'emmett' ? { tx: last.transaction_id as string, position: last.global_position as string } : { position: last[this.table.position] as string };
          exhausted = rows.length < batch;
          blocked = kept.length < rows.length;
          const waiting = blocked ? this.gaps.waiting(this.tuning.waitNoticeMs ?? 1000) : undefined;
          yield { records: kept, position: this.position, caughtUp: exhausted && !blocked, ...(passed.length ? { skipped: passed } : {}), ...(waiting !== undefined ? { waiting } : {}) };
          if (signal?.aborted || this.closed) return;
        }
        await q('COMMIT');
        open = false;
      } catch (error) {
        if (signal?.aborted || this.closed) return;
        throw this.fail(`read failed: ${reasonOf(error)}`, 'read');
      } finally {
        // a read stopped mid-round leaves no transaction behind
        if (open && !this.closed) await q('ROLLBACK').catch(() => undefined);
      }
      if (exhausted && !blocked && until === 'head') return;
      await sleep(this.options.pollMs ?? 250, signal);
    }
  }

  /** The position of the last row read. */
  get position(): string | undefined {
    if (!this.after) return undefined;
    return this.after.tx !== undefined ? `${this.after.tx}:${this.after.position}` : this.after.position;
  }

  /** The query of one round (everything after the position, in order) and whether its rows must stop at a missing position. */
  private async plan(q: PgQuery): Promise<{ sql: string; params: unknown[]; guarded: boolean }> {
    const { sql: filters, params } = filterConditions(this.table, this.types, this.filter, 1);
    const where = [...filters];
    const add = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    let order: string;
    let guarded = false;
    if (this.table.store === 'emmett') {
      where.unshift('m.transaction_id < pg_snapshot_xmin(pg_current_snapshot())');
      if (this.after?.tx !== undefined) where.push(`(m.transaction_id, m.global_position) > (${add(this.after.tx)}::xid8, ${add(this.after.position)}::bigint)`);
      else if (this.after) where.push(`m.global_position > ${add(this.after.position)}::bigint`);
      order = 'm.transaction_id, m.global_position';
    } else {
      if (this.after) where.push(`${this.positionColumn} > ${add(this.after.position)}::bigint`);
      const mark = await this.highWaterMark(q);
      if (mark !== undefined) where.push(`${this.positionColumn} <= ${add(mark)}::bigint`);
      order = this.positionColumn;
      guarded = mark === undefined && this.gapGuarded;
    }
    return { sql: `${this.select}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order}`, params, guarded };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.session.close();
  }
}
