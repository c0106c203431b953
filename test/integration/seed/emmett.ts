/**
 * Loads events into Emmett's PostgreSQL event store with Emmett's own package
 * (@event-driven-io/emmett-postgresql): Emmett creates its schema (emt_streams, emt_messages, …) on
 * first use, and every row is written by Emmett's own `emt_append_to_stream`.
 */
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
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

/** Appends each batch to its stream, in order, one transaction per batch (Emmett's unit of append). */
export async function seedEmmett(url: string, batches: readonly { streamName: string; messages: readonly EmmettMessage[] }[]): Promise<EmmettAppend[]> {
  // dumbo sets pg's global parsers once per process (int8 becomes BigInt for every pg client after it);
  // put pg's own back afterwards, so readers under test see what they see in production.
  const saved = globalParsers.map((oid) => pg.types.getTypeParser(oid, 'text'));
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
    globalParsers.forEach((oid, i) => pg.types.setTypeParser(oid, 'text', saved[i]));
  }
}
