/**
 * Loads events into Emmett's PostgreSQL event store with Emmett's own package
 * (@event-driven-io/emmett-postgresql): Emmett creates its schema (emt_streams, emt_messages, …) on
 * first use, and every row is written by Emmett's own `emt_append_to_stream`.
 */
import { projections } from '@event-driven-io/emmett';
import { getPostgreSQLEventStore, postgreSQLProjection } from '@event-driven-io/emmett-postgresql';
import pg from 'pg';

/** int8, jsonb, json: the pg type parsers Emmett's driver (dumbo) replaces process-wide (int8 → BigInt). */
const globalParsers = [20, 3802, 114] as const;

/** One message to append: `kind: 'Command'` makes Emmett write a `message_kind = 'C'` row (not an event). */
export interface EmmettMessage {
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly metadata?: Record<string, unknown>;
  readonly kind?: 'Event' | 'Command';
}

/** What one append returned: the stream's next position and its last message's global position, as exact decimal strings. */
export interface EmmettAppend {
  readonly streamName: string;
  readonly nextStreamPosition: string;
  readonly lastGlobalPosition: string;
}

/** Runs `work` with pg's own global parsers restored afterwards (Emmett's driver replaces them once per process). */
async function keepingPgParsers<T>(work: () => Promise<T>): Promise<T> {
  // dumbo sets pg's global parsers once per process (int8 becomes BigInt for every pg client after it);
  // put pg's own back afterwards, so readers under test see what they see in production.
  const saved = globalParsers.map((oid) => pg.types.getTypeParser(oid, 'text'));
  try {
    return await work();
  } finally {
    globalParsers.forEach((oid, i) => pg.types.setTypeParser(oid, 'text', saved[i]));
  }
}

/** Appends each batch to its stream, in order, one transaction per batch (Emmett's unit of append). */
export async function seedEmmett(url: string, batches: readonly { streamName: string; messages: readonly EmmettMessage[] }[]): Promise<EmmettAppend[]> {
  return keepingPgParsers(async () => {
    const store = getPostgreSQLEventStore(url);
    try {
      const results: EmmettAppend[] = [];
      for (const { streamName, messages } of batches) {
        // Emmett's types take events; its runtime honours each message's `kind` (Command → 'C').
        const result = await store.appendToStream(streamName, messages as never[]);
        results.push({ streamName, nextStreamPosition: String(result.nextExpectedStreamVersion), lastGlobalPosition: String(result.lastEventGlobalPosition) });
      }
      return results;
    } finally {
      await store.close();
    }
  });
}

/** An append whose transaction Emmett holds open until `release()`: its rows exist (global positions taken) but are not committed. */
export interface HeldEmmettAppend {
  /** Resolves once Emmett has inserted the rows, with the transaction still open. */
  readonly inserted: Promise<void>;
  /** Lets the transaction commit; resolves with the append's result once committed. */
  release(): Promise<EmmettAppend>;
}

/**
 * Starts an append that stays uncommitted until released — the PostgreSQL commit-order trap
 * (sources.md): append A, then B, commit B, then A, and A's lower global_position commits last.
 * It uses Emmett's own inline-projection hook, which Emmett runs inside the append's transaction.
 */
export function holdEmmettAppend(url: string, streamName: string, messages: readonly EmmettMessage[]): HeldEmmettAppend {
  let signalInserted!: () => void;
  let letCommit!: () => void;
  const inserted = new Promise<void>((r) => (signalInserted = r));
  const gate = new Promise<void>((r) => (letCommit = r));
  const holder = postgreSQLProjection({
    name: 'purestream-test-hold',
    canHandle: [...new Set(messages.map((m) => m.type))],
    handle: async () => {
      signalInserted();
      await gate;
    },
  });
  const done = keepingPgParsers(async () => {
    const store = getPostgreSQLEventStore(url, { projections: projections.inline([holder]) });
    try {
      const result = await store.appendToStream(streamName, messages as never[]);
      return { streamName, nextStreamPosition: String(result.nextExpectedStreamVersion), lastGlobalPosition: String(result.lastEventGlobalPosition) };
    } finally {
      await store.close();
    }
  });
  done.catch(() => signalInserted()); // a failed append must not leave `inserted` pending
  return {
    inserted,
    release: () => {
      letCommit();
      return done;
    },
  };
}
