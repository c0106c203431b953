/**
 * Installs Message DB (the SQL shipped in its npm package, @eventide/message-db) into a database and
 * writes messages with its own `write_message` function. The install runs the package's SQL files in
 * the order its install.sh runs them (role, schema, extension, table, types, functions, indexes,
 * views, privileges), through `pg` rather than psql, so no client binary is needed.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import pg from 'pg';

const databaseDir = join(dirname(createRequire(import.meta.url).resolve('@eventide/message-db/package.json')), 'database');

/** The package's SQL files, in install.sh's order (install-functions.sh, install-indexes.sh, install-views.sh, install-privileges.sh). */
const installOrder = [
  'roles/message-store.sql',
  'schema/message-store.sql',
  'extensions/pgcrypto.sql',
  'tables/messages.sql',
  'types/message.sql',
  ...['message-store-version', 'hash-64', 'acquire-lock', 'category', 'is-category', 'id', 'cardinal-id', 'stream-version', 'write-message', 'get-stream-messages', 'get-category-messages', 'get-last-stream-message'].map((f) => `functions/${f}.sql`),
  ...['messages-id', 'messages-stream', 'messages-category'].map((f) => `indexes/${f}.sql`),
  ...['stream-summary', 'type-summary', 'stream-type-summary', 'type-stream-summary', 'category-type-summary', 'type-category-summary'].map((f) => `views/${f}.sql`),
  ...['schema', 'table', 'sequence', 'functions', 'views'].map((f) => `privileges/${f}.sql`),
];

/** Message DB's functions name their table unqualified: clients connect with this search_path (as Eventide's do). */
export const messageDbSearchPath = '-c search_path=message_store,public';

/** One message for `write_message(id, stream_name, type, data, metadata, expected_version)`. */
export interface MessageDbMessage {
  readonly id: string;
  readonly streamName: string;
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly metadata?: Record<string, unknown>;
  readonly expectedVersion?: number;
}

/** Installs Message DB into the database at `url` (an existing, empty database). */
export async function installMessageDb(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, options: messageDbSearchPath });
  await client.connect();
  try {
    await client.query("SET client_min_messages = 'warning'");
    for (const file of installOrder) await client.query(readFileSync(join(databaseDir, file), 'utf8'));
  } finally {
    await client.end();
  }
}

/** Writes the messages in order with `write_message`; returns each one's stream position (as written by Message DB). */
export async function writeMessages(url: string, messages: readonly MessageDbMessage[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: url, options: messageDbSearchPath });
  await client.connect();
  try {
    const positions: string[] = [];
    for (const m of messages) {
      const { rows } = await client.query('SELECT write_message($1, $2, $3, $4, $5, $6) AS position', [m.id, m.streamName, m.type, JSON.stringify(m.data), m.metadata ? JSON.stringify(m.metadata) : null, m.expectedVersion ?? null]);
      positions.push(String(rows[0].position));
    }
    return positions;
  } finally {
    await client.end();
  }
}
