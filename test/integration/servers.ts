/** What integration tests use to reach the run's servers (started by globalSetup.ts). */
import { afterAll, beforeAll, beforeEach, inject } from 'vitest';
import pg from 'pg';
import { connect } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { Kafka, logLevel, type Message } from 'kafkajs';
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

/** A connection to the run's NATS server for the tests of the enclosing `describe`, with its JetStream manager and client. */
export interface NatsForTests {
  /** Whether the server runs (needsServer: without it each test fails with the one line saying so). */
  readonly available: boolean;
  nc: NatsConnection;
  jsm: JetStreamManager;
  js: JetStreamClient;
  /** `nats://host:port/STREAM` plus a query. */
  url(stream: string, query?: string): string;
}

/** Connects before the enclosing `describe`'s tests (when the server runs) and closes after them. */
export function natsForTests(): NatsForTests {
  const nats = { available: needsServer('nats'), url: (stream: string, query = '') => `${requireServer('nats').url}/${stream}${query}` } as NatsForTests;
  beforeAll(async () => {
    if (!nats.available) return;
    nats.nc = await connect({ servers: requireServer('nats').url });
    nats.jsm = await jetstreamManager(nats.nc);
    nats.js = jetstream(nats.nc);
  });
  afterAll(async () => nats.nc?.close());
  return nats;
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

/** A new topic of one partition (named from `prefix`) holding `messages`, produced with kafkajs; its name. */
export async function topicWith(prefix: string, messages: Message[]): Promise<string> {
  const topic = uniqueName(prefix);
  await createTopic(topic, 1);
  const kafka = new Kafka({ brokers: [requireServer('kafka').bootstrap], clientId: 'purestream-test', logLevel: logLevel.NOTHING });
  const producer = kafka.producer();
  await producer.connect();
  try {
    await producer.send({ topic, messages });
  } finally {
    await producer.disconnect();
  }
  return topic;
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
