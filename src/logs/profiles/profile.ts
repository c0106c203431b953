/**
 * Profiles: how a log's records map to the common fields of logs.md. A profile is data —
 * candidate JSON Pointers per common field, tried in order — plus, where a format needs it,
 * a `prepare` step (decode a payload, turn headers into an object) and a `refine` step (what
 * kind of record it is, fields derived from others). One `FieldReader` applies any profile,
 * a map file's pointers included, and counts which pointer served each field (`fieldsUsed`).
 */
import type { AnomalyKind, EventRecord, LogRecord } from '../types';

/** The common fields of logs.md. */
export type CommonField = 'id' | 'type' | 'stream' | 'streamPosition' | 'globalPosition' | 'source' | 'time' | 'data' | 'metadata' | 'causationId' | 'correlationId';

/** Every common field, in report order. */
export const COMMON_FIELDS: readonly CommonField[] = ['id', 'type', 'stream', 'streamPosition', 'globalPosition', 'source', 'time', 'data', 'metadata', 'causationId', 'correlationId'];

/** The profiles of logs.md (and two extensions: `jetstream` for live NATS reads, sources.md's; `axon` for Axon Framework's `domain_event_entry` rows). */
export type ProfileName = 'purestream' | 'cloudevents' | 'kurrentdb' | 'kafka' | 'kinesis' | 'eventbridge' | 'debezium' | 'emmett' | 'marten' | 'message-db' | 'axon' | 'jetstream' | 'generic';

/** Every profile name, for `--profile`. */
export const PROFILE_NAMES: readonly ProfileName[] = ['purestream', 'cloudevents', 'kurrentdb', 'kafka', 'kinesis', 'eventbridge', 'debezium', 'emmett', 'marten', 'message-db', 'axon', 'jetstream', 'generic'];

/** A parsed record. */
export type JsonObject = Readonly<Record<string, unknown>>;

/** Candidate pointers per field, tried in order (`null`: the log has no such field). */
export type FieldPointers = Partial<Readonly<Record<CommonField, readonly string[] | null>>>;

/** A record that could not be read, and why. */
export interface ReadProblem {
  readonly kind: 'anomaly';
  readonly anomaly: AnomalyKind;
  readonly message: string;
}

/** What reading one record gives. */
export type ReadResult = LogRecord | ReadProblem;

/** A read problem. */
export const problem = (anomaly: AnomalyKind, message: string): ReadProblem => ({ kind: 'anomaly', anomaly, message });

/** Returned by a read that met a position too big for a double in a plain parse: parse with `parseWithNumberText` and read again. */
export const NEEDS_EXACT: unique symbol = Symbol('needs exact numbers');

/** A profile: how one engine's records map to the common fields. */
export interface Profile {
  readonly name: ProfileName;
  /** How well one record fits: 0 (not this profile) to 1 (certainly). */
  detect(record: JsonObject): number;
  /**
   * A record that alone shows the profile fits, where some records it scores fit others as well
   * (a Kafka tombstone fits `kafka` and `debezium`): the profile is chosen only for a sample that
   * holds one. Absent: every record it scores counts.
   */
  shows?(record: JsonObject): boolean;
  /** Candidate pointers per common field, applied to the prepared record. */
  readonly fields: FieldPointers;
  /** The record as the pointers see it: payloads decoded, headers as an object (the record itself when absent). */
  prepare?(record: JsonObject): JsonObject | typeof NEEDS_EXACT;
  /**
   * Finishes a read: the record's kind, fields derived from others. Gets the prepared record
   * and the event the pointers read (to change in place); returns a problem, or nothing.
   */
  refine?(prepared: JsonObject, event: MutableEvent): ReadProblem | void;
  /** Reads an event record straight from its text, when it is plainly one (undefined: parse it and `read`). */
  scan?(text: string): EventRecord | undefined;
  /** `scan` is purestream's scanner: records another thread scanned with it (../framing/framedBatch) read as `scan` would. */
  readonly framedScan?: boolean;
  /** Reads the record itself, bypassing the pointers (a format with several record forms, like purestream's). */
  read?(record: JsonObject): ReadResult | typeof NEEDS_EXACT;
  /**
   * Candidate pointers that are a last resort, each with what reading a field there means (the
   * Kafka topic as the type): the report says so, with the records it served, whenever one serves.
   */
  readonly fallbacks?: Partial<Readonly<Record<CommonField, Readonly<Record<string, string>>>>>;
  /** How `refine` derives a field, for `fieldsUsed` (e.g. `source: "/topic + /partition"`). */
  readonly derived?: Partial<Readonly<Record<CommonField, string>>>;
  /** How `refine` rewrites a field a pointer read, for `fieldsUsed` once it has (Marten's stream under a tenant: `/tenant_id + "/" + /stream_id`). */
  readonly scoped?: Partial<Readonly<Record<CommonField, string>>>;
  /**
   * A stream's first revision by the store's contract (`0`: KurrentDB, Message DB; `1`: Marten,
   * Emmett): a stream whose first event in the log is past it began before the read (../streamStarts).
   */
  readonly firstStreamPosition?: '0' | '1';
  /** Positions that are dense by contract, so a missing number is a `gap`. */
  readonly dense?: { readonly stream?: boolean; readonly global?: boolean };
  /** Times written without a zone are UTC by the format's contract (no `no-zone` anomaly). */
  readonly utcWithoutZone?: boolean;
  /**
   * What the pointers into the record `prepare` makes stand for in the record as written
   * (Debezium's prepared `/type` is its `/op`), for `fieldsUsed`, `fieldPointers` and messages:
   * a user copies those into a map.
   */
  readonly pointerNames?: Readonly<Record<string, string>>;
  /** JSON kept as text is the store's contract (a table's JSON columns exported as text): a payload read from its text is no note. */
  readonly textColumns?: boolean;
  /** What a numeric time counts by the format's contract: milliseconds or seconds since the epoch; none fixed (most profiles, a map's pointer): read by its magnitude (fieldReader's `timeOf`, `auto`). */
  readonly numericTime?: 'ms' | 's';
}

/** An event record while a profile reads it. */
export type MutableEvent = Writable<Omit<EventRecord, 'type'>> & { type: string | undefined };

type Writable<T> = { -readonly [K in keyof T]: T[K] };
