/**
 * The one thing the PostgreSQL store readers need from a driver — queries on one connection,
 * which the readers group in read-only, repeatable-read transactions — and its implementation on
 * `pg` (node-postgres). Another driver (`postgres`, a pool's client) replaces it by implementing
 * {@link PgSession}.
 *
 * Values come as the store profiles of logs.md read them: every integer position as an exact
 * decimal string (the SQL casts them to text), json/jsonb parsed, booleans as booleans. The
 * parsers are this client's own (pg's `types` option), never pg's process-wide defaults, which
 * other code in the same process may have changed (Emmett's driver turns int8 into BigInt).
 */
import pg from 'pg';
import type { PostgresSourceUrl } from '../sourceUrl';
import { reasonOf } from '../types';
import { tlsFailure } from '../tlsTrust';

/** Runs one query in the current transaction; rows as plain objects. */
export type PgQuery = (sql: string, params?: readonly unknown[]) => Promise<Record<string, unknown>[]>;

/** A connection to one database. */
export interface PgSession {
  /** Runs one statement; rejects when the connection was lost. */
  readonly query: PgQuery;
  close(): Promise<void>;
}

/** The statement that opens the readers' transactions: one snapshot, and never a write. */
export const READ_ONLY = 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY';

/** Runs `work` in one read-only, repeatable-read transaction (one snapshot). */
export async function readOnly<T>(session: PgSession, work: (query: PgQuery) => Promise<T>): Promise<T> {
  await session.query(READ_ONLY);
  try {
    const result = await work(session.query);
    await session.query('COMMIT');
    return result;
  } catch (error) {
    await session.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** Opens a session; rejects with the driver's reason (the caller adds the URL). */
export type PgConnect = (source: PostgresSourceUrl) => Promise<PgSession>;

const asText = (value: string): string => value;
/** Parsers by type oid: json (114), jsonb (3802), bool (16), int2/int4/oid (21, 23, 26), float4/8 (700, 701); text for the rest. */
const PARSERS: Readonly<Record<number, (value: string) => unknown>> = {
  114: (v) => JSON.parse(v),
  3802: (v) => JSON.parse(v),
  16: (v) => v === 't' || v === 'true',
  21: Number,
  23: Number,
  26: Number,
  700: Number,
  701: Number,
};

/** This client's type parsers (pg's `CustomTypesConfig`). */
const ownTypes = {
  getTypeParser: ((oid: number) => PARSERS[oid] ?? asText) as unknown as typeof pg.types.getTypeParser,
};

/**
 * Connects with node-postgres: this client's own type parsers, `application_name` purestream, a
 * 10-second connect timeout. pg-connection-string's multi-line SECURITY WARNING about
 * `sslmode=prefer|require|verify-ca` is not printed: a failed connection says it in its one line
 * instead ({@link sslModeNote}).
 */
export const connectPg: PgConnect = async (source) => {
  const client = withoutSslModeWarning(() => new pg.Client({ connectionString: source.connectionString, types: ownTypes, application_name: 'purestream', connectionTimeoutMillis: 10_000 }));
  let lost: Error | undefined;
  // a connection that drops between queries emits 'error' on the client: kept, and given to the next query
  client.on('error', (e) => (lost = e));
  await client.connect();
  return {
    query: async (sql, params) => {
      if (lost) throw lost;
      return (await client.query(sql, params as unknown[] | undefined)).rows as Record<string, unknown>[];
    },
    close: () => client.end().catch(() => undefined),
  };
};

/** Whether a process warning is pg-connection-string's notice that it reads `sslmode=prefer|require|verify-ca` as verify-full (raised while a client reads its URL). */
const isSslModeWarning = (warning: unknown): boolean => String(warning instanceof Error ? warning.message : warning).startsWith("SECURITY WARNING: The SSL modes 'prefer', 'require', and 'verify-ca'");

/** Runs `make` (synchronous: a pg.Client reads its URL in its constructor) with that one warning held back; every other warning is emitted. */
function withoutSslModeWarning<T>(make: () => T): T {
  const emit = process.emitWarning;
  process.emitWarning = function (this: unknown, warning: string | Error, ...rest: unknown[]): void {
    if (isSslModeWarning(warning)) return;
    return (emit as (...args: unknown[]) => void).call(process, warning, ...rest);
  } as NodeJS.Process['emitWarning'];
  try {
    return make();
  } finally {
    process.emitWarning = emit;
  }
}

/**
 * What the held-back warning said, for the one line of a failed connection: node-postgres reads
 * `sslmode=prefer`, `require` and `verify-ca` as `verify-full` (pg-connection-string 2.x), unless
 * `uselibpqcompat=true`; empty for other URLs.
 */
export function sslModeNote(connectionString: string): string {
  let params: URLSearchParams;
  try {
    params = new URL(connectionString).searchParams;
  } catch {
    return '';
  }
  const mode = params.get('sslmode');
  if (mode === null || !['prefer', 'require', 'verify-ca'].includes(mode) || params.get('uselibpqcompat') === 'true') return '';
  return `; note: node-postgres reads sslmode=${mode} as verify-full (TLS required, the server's certificate checked): add uselibpqcompat=true for libpq's meaning of ${mode}`;
}

/** One line saying why a connection failed, from pg's error (codes of PostgreSQL and of Node's sockets), with {@link sslModeNote}. */
export function connectFailure(error: unknown, source: PostgresSourceUrl): string {
  return connectReason(error, source) + sslModeNote(source.connectionString);
}

function connectReason(error: unknown, source: PostgresSourceUrl): string {
  const e = error as { code?: string };
  if (source.password === undefined || source.password === '') {
    // node-postgres's SASL (scram-sha-256) without a password: "SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a string"
    // and md5 without one: the server refuses the hash of no password
    if (/^SASL: .*client password must be a (non-empty )?string/.test(reasonOf(error)) || (e?.code === '28P01' && !process.env.PGPASSWORD)) return `cannot connect: ${noPasswordText(source)}`;
  }
  const tls = tlsFailure(error, 'postgres');
  if (tls) return tls;
  // pg_hba.conf has only hostssl lines for this client: PostgreSQL says "…, no encryption"
  if (e?.code === '28000' && /no encryption/.test(reasonOf(error))) {
    return `cannot connect: the server takes only TLS connections from here (${reasonOf(error)}); add sslmode=verify-full to the URL (and sslrootcert=/path/to/ca.pem for a private CA)`;
  }
  switch (e?.code) {
    case 'ECONNREFUSED':
      return 'cannot connect: connection refused (is PostgreSQL running there?)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'cannot connect: unknown host';
    case 'ETIMEDOUT':
      return 'cannot connect: timed out';
    case '28P01':
    case '28000':
      return `cannot connect: authentication failed${source.user ? ` for user "${source.user}"` : ''} (${reasonOf(error)})`;
    case '3D000':
      return `cannot connect: ${reasonOf(error)}`;
    default:
      return `cannot connect: ${reasonOf(error)}`;
  }
}

/** What a server that asks for a password is told about a URL without one: the user, and where the password goes. */
export function noPasswordText(source: PostgresSourceUrl): string {
  let host = 'host';
  try {
    host = new URL(source.display).host || host;
  } catch {
    // the display is a URL Purestream parsed: kept as `host` if not
  }
  const user = source.user !== undefined && source.user !== '' ? source.user : undefined;
  return `the server asks for a password${user !== undefined ? ` for user "${user}"` : ''}; the URL has none (postgres://${user ?? 'USER'}:PASSWORD@${host}/…)`;
}
