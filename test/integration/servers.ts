/** What integration tests use to reach the run's servers (started by globalSetup.ts). */
import { beforeEach, inject } from 'vitest';
import pg from 'pg';
import type { TestServers } from './servers/types';
import './servers/types';

type Ready<K extends keyof TestServers> = Extract<TestServers[K], { ok: true }>;

/** The server's URLs; throws one line (which binary, how to install it) when it is not available. */
export function requireServer<K extends keyof TestServers>(name: K): Ready<K> {
  const server = inject('servers')[name];
  if (server.ok) return server as Ready<K>;
  const error = new Error(server.missing);
  error.stack = `Error: ${server.missing}`; // one line: a missing binary is not a bug to trace
  throw error;
}

/**
 * Declares that the tests of the enclosing `describe` need `name`: each fails with requireServer's one
 * line when it is missing (a failing beforeAll would only skip them). Returns whether it is available,
 * so a beforeAll can skip connecting.
 */
export function needsServer(name: keyof TestServers): boolean {
  beforeEach(() => {
    requireServer(name);
  });
  return inject('servers')[name].ok;
}

let counter = 0;
/** A name unique in this run (lowercase letters, digits, `_`), for databases, streams and topics. */
export function uniqueName(prefix: string): string {
  counter += 1;
  return `${prefix}_${process.pid}_${Date.now().toString(36)}_${counter}`.toLowerCase();
}

/** Creates an empty database on the run's PostgreSQL and returns its URL. */
export async function freshDatabase(prefix = 'db'): Promise<string> {
  const { url } = requireServer('postgres');
  const name = uniqueName(prefix);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Creates a topic with `partitions` partitions on the mock cluster (it has no CreateTopics API). */
export async function createTopic(name: string, partitions: number): Promise<void> {
  const { controlUrl } = requireServer('kafka');
  const res = await fetch(`${controlUrl}/topics?name=${encodeURIComponent(name)}&partitions=${partitions}`, { method: 'POST' });
  if (res.status !== 204) throw new Error(`creating topic ${name}: ${await res.text()}`);
}

/** Runs one statement on a fresh connection to `url` (pg's own parsers: int8 as strings); its rows. */
export async function sql(url: string, text: string, params: unknown[] = [], options?: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: url, options });
  await client.connect();
  try {
    return (await client.query(text, params)).rows;
  } finally {
    await client.end();
  }
}
