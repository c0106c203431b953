/**
 * What every live source reader is (sources.md): batches of records in the shape of one
 * profile of logs.md, each batch ending at an opaque, exact position string that a later read
 * resumes after. Readers never disturb what they read (read-only transactions, an ordered
 * ephemeral JetStream consumer, a throwaway Kafka group that never commits). Pure types.
 */
import type { ProfileName } from '../logs/profiles';
import type { SkippedPositions } from '../logs/types';
import type { StreamNaming } from './streamNaming';

export type { SkippedPositions } from '../logs/types';

/** Where a read starts: the beginning, the end (new records only), after a position read before, or at a time. */
export type StartAt =
  | { readonly kind: 'start' }
  | { readonly kind: 'end' }
  | { readonly kind: 'after'; readonly position: string }
  | { readonly kind: 'time'; readonly time: string; readonly ms: number };

/** Where a read ends: the head as found when caught up, or never (tailing until stopped). */
export type Until = 'head' | 'live';

/** How a read goes. */
export interface ReadOptions {
  readonly from: StartAt;
  readonly until: Until;
  /** Records per batch (a query's LIMIT, a fetch's size). */
  readonly batch: number;
  /** Stops the read; the reader returns (not throws) at its next wait. */
  readonly signal?: AbortSignal;
  /** Milliseconds between polls while tailing (default 250). */
  readonly pollMs?: number;
}

/** One batch: its records, in read order, and the position after its last record. */
export interface SourceBatch {
  readonly records: readonly object[];
  /**
   * The position to resume after: the last record read so far, or, before any, where the read
   * started (`--from POSITION`, or the head at `--from end` where the engine tells it);
   * undefined when there is none (nothing read from the start, an empty store).
   */
  readonly position: string | undefined;
  /** True when the read has caught up with the head (no record was waiting). */
  readonly caughtUp: boolean;
  /**
   * What the read waits for before it can go on, for progress (a store's missing position that a
   * transaction still open may write: `waiting for position 1169: …`); absent when nothing.
   */
  readonly waiting?: string;
  /** Positions this batch passed without a record after the read waited at them (nothing can write them any more), each said once. */
  readonly skipped?: readonly SkippedPositions[];
}

/** A connected reader of one source. */
export interface SourceReader {
  /** The profile of logs.md its records are shaped for. */
  readonly profile: ProfileName;
  /** What the report's `framing` says for this source: `rows` or `messages`. */
  readonly framing: string;
  /** The source's last position when the read began, where the reader knows it: a `--from` past it reads nothing. */
  readonly lastAtStart?: string;
  /** What the read will not find, said when it reads nothing: the stream `stream=` names is not in the store, with similar names. */
  readonly absent?: string;
  /** A store that can be queried by stream (the PostgreSQL stores): its streams' events from before the read (./inspectSource). */
  readonly earlier?: EarlierEvents;
  /** The batches, until the head (or, tailing, until the signal stops it); a lost connection throws a SourceError. */
  batches(): AsyncGenerator<SourceBatch, void, undefined>;
  /** Ends the connection (idempotent). */
  close(): Promise<void>;
}

/**
 * A stream's events from before the read, from a store that can be queried by stream (README,
 * "Streams that began before the read"): asked between batches, on the reader's own connection.
 */
export interface EarlierEvents {
  /** How its records name their streams, as plain data (for a reader in another process: ../main/sourceSessions, ./remoteEarlier). */
  readonly naming?: StreamNaming;
  /** The record's stream: its `key` (with what scopes it: a partition, a tenant), its `name` for messages, and whether the record is past its first revision; undefined when the record names no stream or revision. */
  streamOf(record: object): { readonly key: string; readonly name: string; readonly pastFirst: boolean } | undefined;
  /** The records of `record`'s stream before it, in stream order, a page of at most `page` at a time. */
  before(record: object, page: number): AsyncGenerator<readonly object[], void, undefined>;
}

/** A source that could not be read: where (the URL, password hidden), when (connecting, or while reading) and why. */
export class SourceError extends Error {
  constructor(
    /** The URL as shown to a user. */
    readonly display: string,
    message: string,
    readonly stage: 'connect' | 'read' = 'connect',
  ) {
    super(message);
  }
}

/** The message of an error from a driver, in one line. */
export function reasonOf(error: unknown): string {
  const e = error as { message?: unknown; code?: unknown; errors?: unknown };
  let text = typeof e?.message === 'string' && e.message ? e.message : String(error);
  // Node's connection errors from several addresses (localhost: ::1 and 127.0.0.1) come as an AggregateError without a message
  if (!text || text === 'AggregateError') text = Array.isArray(e?.errors) ? e.errors.map((x) => reasonOf(x)).join('; ') : String(e?.code ?? 'unknown error');
  return text.replace(/\s+/g, ' ').trim();
}
