/**
 * Recorded event logs as plain data: the records a profile reads from any log (the common
 * fields of ../../../shared/spec/logs.md), the anomalies an inspection finds and the
 * `purestream/inspection@1` report (cli-and-reports.md, extended by logs.md).
 */
import type { HistoryStep } from '../engine/types';
import type { LogTime } from './json/logTime';

export type { LogTime } from './json/logTime';

/**
 * What a record is: an event; a tombstone (a Kafka record without a payload: counted, not an
 * event); a system event (KurrentDB `$`-types: counted apart); another message a store keeps
 * beside its events (Emmett rows whose `message_kind` is not `E`, archived rows: counted apart).
 */
export type EventKind = 'event' | 'tombstone' | 'system' | 'other';

/** One event-like record of any log, in the common fields of logs.md. */
export interface EventRecord {
  readonly kind: EventKind;
  readonly id?: string;
  /** The event's type as the log names it (after a map's renaming). */
  readonly type: string;
  readonly stream?: string;
  /** Position in its stream (revision, version), as an exact decimal string (or the text written, when not decimal). */
  readonly streamPosition?: string;
  /** Position in the log or its source (seq, global position, offset, `sequence`), exact as above. */
  readonly globalPosition?: string;
  /** The producer scope positions and ids are unique within (CloudEvents `source`, a Kafka topic-partition, a Kinesis shard). */
  readonly source?: string;
  /** Where ids are unique when that differs from `source` (CloudEvents binary-mode headers on Kafka: `ce_source`). */
  readonly idScope?: string;
  readonly time?: LogTime;
  /** The payload: JSON, or text (with `contentType`) when it is not JSON. */
  readonly data: unknown;
  readonly contentType?: string;
  readonly metadata?: unknown;
  readonly causationId?: string;
  readonly correlationId?: string;
  /** Another name causation ids may use for this record (Message DB: `<stream_name>/<position>`). */
  readonly address?: string;
  /**
   * The tenant a multi-tenant store keeps the record under, when not its default (Marten's
   * conjoined tenancy, `tenant_id`): part of the stream's identity — `stream` is
   * `<tenant>/<stream id>` — and of the domain's streams (an extension of logs.md).
   */
  readonly tenant?: string;
  /** Archived or deleted in its store (counted apart, still read). */
  readonly archived?: boolean;
  /** The text whose repetition makes a duplicate `identical` (a transport's payload); the whole record when absent. */
  readonly content?: string;
}

/** The earlier events a live read loaded from its store (InspectionReport's `earlierEvents`). */
export interface EarlierEventsLoaded {
  /** Streams whose earlier events were loaded and replayed, and how many events. */
  readonly streams: number;
  readonly events: number;
  /** The first stream whose load failed, and why (it and later streams were replayed without them). */
  readonly failed?: string;
}

/** One batch level a command was decided in. */
export interface BatchLevel {
  readonly id: string;
  readonly mode: 'all-or-nothing' | 'allow-partial';
}

/** The batches a command was decided in, from the root batch to the innermost one. */
export type BatchRef = readonly BatchLevel[];

/** A command record of a purestream log: `{ kind: "command", id, type, at, data, actor?, batch? }` (`batch` extends the spec: `[{ id, mode }...]`, root first). */
export interface CommandRecord {
  readonly kind: 'command';
  readonly id: string;
  readonly type: string;
  /** The command's time as the domain saw it: virtual ms for purestream's own logs, else ms since the epoch. */
  readonly at: number;
  readonly time?: LogTime;
  readonly data: unknown;
  readonly actor?: string;
  readonly batch?: BatchRef;
  /** The command was decided with the authorization policy (overrides the header's `authorize`). */
  readonly authorize?: boolean;
}

/** A rejection record: `{ kind: "rejection", commandId, code, at }`. */
export interface RejectionRecord {
  readonly kind: 'rejection';
  readonly commandId: string;
  readonly code: string;
  readonly time?: LogTime;
}

/** The optional first line of a purestream events file. */
export interface LogHeader {
  readonly kind: 'header';
  readonly domain?: string;
  /** Whether the recorded run used the authorization policy (drift decides the same way). */
  readonly authorize?: boolean;
}

/** Anything a record can be read as. */
export type LogRecord = EventRecord | CommandRecord | RejectionRecord | LogHeader;

/** Where a record is in its file: its physical line and its number in file order (both 1-based). */
export interface RecordPlace {
  readonly line: number;
  readonly record: number;
}

/** A record's global position and producer scope, where the log has them: what names a live source's record (`sequence 21`, `offset 41 of orders-0`; ./placeWord). */
export interface Positioned {
  readonly globalPosition?: string;
  readonly source?: string;
}

/** Anomaly kinds (logs.md). */
export type AnomalyKind = 'malformed' | 'unmapped' | 'unknown-type' | 'invalid-data' | 'duplicate-id' | 'out-of-order' | 'gap' | 'time-reversal' | 'no-zone';

/** Something wrong with one record, located by its physical line (1-based) and its place in the file's records (1-based). */
export interface Anomaly {
  readonly kind: AnomalyKind;
  readonly line: number;
  readonly message: string;
  /** The record's number in file order (1-based; extends the spec: several records can share a line). */
  readonly record?: number;
  readonly stream?: string;
  readonly position?: string;
  /** `duplicate-id` only: true when the whole record repeats (a redelivery). */
  readonly identical?: boolean;
  /** `no-zone` only: how many times had no zone. */
  readonly count?: number;
  /**
   * The record's own positions and producer scope (extends the spec: the common fields of logs.md),
   * where known: `position` above is the one the check was about — the stream position for a
   * stream's order, the global one for a source's order or the domain's checks — and these say
   * each unambiguously (a live source's `globalPosition` is its place in the store or broker).
   */
  readonly streamPosition?: string;
  readonly globalPosition?: string;
  readonly source?: string;
}

/** The anomaly kinds that make `inspect` refuse the log unless told to skip invalid records. */
export const BLOCKING_ANOMALIES: ReadonlySet<AnomalyKind> = new Set(['malformed', 'unmapped', 'unknown-type', 'invalid-data']);

/** An enactment that made a stream's aggregate break an invariant (logs.md, "Violations"). */
export interface LogViolation {
  readonly invariant: string;
  readonly stream: string;
  /** The event's global position (decimal string), when the log has one. */
  readonly position?: string;
  /** The same as a number, when it is at most 2^53−1. */
  readonly eventSeq?: number;
  readonly line: number;
  readonly record: number;
  readonly message: string;
  /**
   * The event's positions and producer scope as the log records them (extends the spec, as an
   * anomaly's: `globalPosition` is `position` again, `streamPosition` its position in the log's
   * stream — `stream` above is the domain's), where known.
   */
  readonly streamPosition?: string;
  readonly globalPosition?: string;
  readonly source?: string;
  /** The event's id (extends the spec: what on-call greps a log for), where it has one. */
  readonly eventId?: string;
}

/**
 * Positions a live source's read passed without a record after waiting at them (extends the spec;
 * sources.md's commit-order trap, src/sources/postgres/gapWatch): numbers a transaction took and
 * never wrote, `first` through `last` (exact decimal strings), with a sentence saying so.
 */
export interface SkippedPositions {
  readonly first: string;
  readonly last: string;
  readonly message: string;
}

/** A recorded outcome, or what the domain decides now: event types, or `rejected: <code>`. */
export type DriftOutcome = readonly string[] | string;

/** A command whose outcome today's rules would change; its global position and producer scope where its record has them (extends the spec: a live source's place, ./placeWord). */
export interface Drift extends Positioned {
  readonly commandId: string;
  readonly recorded: DriftOutcome;
  readonly now: DriftOutcome;
  /** When the command is rejected now: the rejection's message (extends the spec, so views can say why). */
  readonly nowMessage?: string;
  /** The command's physical line (1-based; extends the spec, so views can link to the record). */
  readonly line?: number;
  /** The command's record number in file order (1-based; extends the spec). */
  readonly record?: number;
}

/**
 * A stale decision of a recorded log (extends logs.md, see ./staleDecisions): a command whose
 * events went on a stream that an event of another decision (or of none) changed after the
 * command's record — the point its decision read the state — and before its first event.
 */
export interface StaleDecision extends Positioned {
  readonly commandId: string;
  /** The stream that changed: the domain's (its streamOf) with a domain, as violations and the final state name them; else the log's `stream`. */
  readonly stream: string;
  /** The command record's physical line and its record number in file order (1-based). */
  readonly line: number;
  readonly record: number;
  /** The event that came in between (the stream's latest by another decision): its line, record number, its global position and producer scope where the log has them, and `causationId` when it has one. */
  readonly changedAt: RecordPlace & Positioned & { readonly causationId?: string };
}

/** The stale decisions of a log: how many, and the first ones in the order found (at most MAX_STALE_LISTED, ./staleDecisions). */
export interface StaleDecisions {
  readonly count: number;
  readonly first: readonly StaleDecision[];
}

/** Per stream: how many events and its first/last positions and times (logs.md). */
export interface StreamFacts {
  readonly stream: string;
  readonly events: number;
  readonly firstPosition?: string;
  readonly lastPosition?: string;
  readonly firstTime?: string;
  readonly lastTime?: string;
}

/** The causation facts: counts (logs.md). */
export interface CausationFacts {
  readonly roots: number;
  readonly orphans: number;
  readonly maxDepth: number;
  readonly correlations: number;
}

/** An inferred JSON Schema (the subset logs.md names). */
export interface InferredSchema {
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, InferredSchema>>;
  readonly required?: readonly string[];
  readonly items?: InferredSchema;
  readonly enum?: readonly string[];
}

/** One pointer that served a common field: how many records it served, and what it means when it is a profile's fallback. */
export interface PointerUse {
  readonly pointer: string;
  readonly records: number;
  /** Said when the pointer is a fallback of the profile (`the topic: no type header or payload type`). */
  readonly note?: string;
}

/** The `purestream/inspection@1` report, with the facts of logs.md. */
export interface InspectionReport {
  readonly format: 'purestream/inspection@1';
  /** The domain replayed, or null when the log was read without one. */
  readonly domain: string | null;
  readonly source: string;
  readonly framing: string;
  readonly profile: string;
  readonly fieldsUsed: Readonly<Record<string, string | null>>;
  /**
   * Extends the spec beside `fieldsUsed` (which names the pointer that served a field most):
   * per common field whose records were read through more than one pointer, or through a
   * profile's fallback (the Kafka topic as the type), every pointer that served it with its
   * record count, most first. Absent when no field is either.
   */
  readonly fieldPointers?: Readonly<Record<string, readonly PointerUse[]>>;
  readonly events: number;
  readonly commands: number;
  /** Rejection records read (extends the spec: a `purestream` log's rejections; absent when none), so a log's record count adds up. */
  readonly rejections?: number;
  readonly types: Readonly<Record<string, number>>;
  readonly sources: readonly { readonly source: string; readonly events: number }[];
  readonly tombstones: number;
  readonly systemEvents: number;
  /** Records a store keeps beside its events that are not archived (extends the spec: Emmett non-`E` rows). */
  readonly otherRecords: number;
  /** Archived rows (extends the spec: Marten's and Emmett's `is_archived`; absent when none): counted apart, in neither `events` nor `otherRecords`. */
  readonly archivedRecords?: number;
  /**
   * Records that repeat one read before, content and all — identical `duplicate-id`s, a
   * redelivery — (extends the spec; absent when none): counted once, as the record they repeat, so
   * in none of `events`, `types`, `sources` or the streams' counts; with the counts above they add
   * up to the records read.
   */
  readonly redeliveries?: number;
  readonly streamCount: number;
  /**
   * Extends the spec (absent when none): of `streamCount`, the streams whose records are all
   * counted apart — archived or a store's other records, no event — listed with 0 events.
   */
  readonly streamsWithoutEvents?: number;
  /** Extends the spec (absent when none): of `streamsWithoutEvents`, those whose records are all archived. */
  readonly streamsArchivedOnly?: number;
  readonly streams: readonly StreamFacts[];
  readonly timeRange: { readonly first: string; readonly last: string } | null;
  readonly causation: CausationFacts;
  readonly schemas: Readonly<Record<string, InferredSchema>>;
  readonly anomalies: readonly Anomaly[];
  /** Present only when anomalies were left out of the list (more than the cap): the full count. */
  readonly anomalyCount?: number;
  readonly violations: readonly LogViolation[];
  /**
   * Extends the spec (additive; ./checkedClaims defines it): `false` with a domain when the log has
   * events but none could be read as the domain's (every one an unknown type or invalid data), so no
   * invariant was checked — `violations: []` then claims nothing, and `--fail-on violations` fails.
   * Absent otherwise.
   */
  readonly invariantsChecked?: false;
  /**
   * Extends the spec (additive): with a domain, the events read as the domain's (replayed, their
   * invariants checked) when fewer than `events`; absent when it read them all.
   */
  readonly eventsChecked?: number;
  /**
   * Extends the spec (additive; ./streamStarts defines it): with a domain, how many of its
   * streams began before the read — their first event here is past the store's first stream
   * revision, or the read began after the log's start — and so were replayed from an unknown
   * state, their invariants not checked (said in a note too). Present only when there is one.
   */
  readonly streamsBeforeRead?: number;
  /**
   * Extends the spec (additive; src/sources/earlierReplay defines it): a live store's read that
   * began after its start, with a domain, loads the earlier events of the streams it meets past
   * their start and replays them first (not counted in `events` or `types`). Present only when
   * a stream's were loaded, or a load failed.
   */
  readonly earlierEvents?: EarlierEventsLoaded;
  /**
   * Extends the spec (additive): a live read keeping a
   * checkpoint (`--checkpoint FILE`) — the file, the position it resumed after, the streams' states
   * it carried, and whether its chain of reads began at the source's start.
   */
  readonly checkpoint?: CheckpointReport;
  readonly drift: readonly Drift[];
  /**
   * Extends the spec (additive; ./staleDecisions defines it): commands decided on a state that
   * another decision changed before their events were recorded — with or without a domain.
   * Present only when the log has command records (without them there is nothing to check).
   */
  readonly staleDecisions?: StaleDecisions;
  /**
   * Extends the spec: the positions a live source's read passed without a record after waiting at
   * them (a store's number a transaction took and never wrote), in the order passed — the first
   * MAX_SKIPPED_LISTED (src/sources/inspectSource); absent when none.
   */
  readonly skippedPositions?: readonly SkippedPositions[];
  /** Present only when runs of skipped positions were left out of `skippedPositions`: how many runs there were. */
  readonly skippedPositionCount?: number;
  /** What the file is when it is plainly not a log (a Purestream scenario): an extension, said first. */
  readonly notice?: string;
  /**
   * How the log was read where the user's choice differs from what the log says (extends the
   * spec): a header, or CloudEvents `source`, naming another domain than the one chosen
   * (./headerDomainNote), said first. Not problems of the log; present only when there is one.
   */
  readonly notes?: readonly string[];
  /**
   * The domain a Purestream log's header names (cli-and-reports.md: "The first line may be a
   * header {format, domain}") when the log was read without a domain: never applied silently,
   * offered instead (the text report's hint, the app's Replay button). Not written by `--json`.
   */
  readonly headerDomain?: string;
  /**
   * The domain CloudEvents name in their `source` as a purestream export writes it
   * (`/purestream/<domain>`: ./cloudEventWriter.ts), when the log was read without a domain and
   * has no header naming one: offered as `headerDomain` is. Not written by `--json`.
   */
  readonly sourceDomain?: string;
  /**
   * The profile the records look like when the one asked for read no event from them (a Marten
   * profile on Emmett's rows): said with why nothing was read (../nothingRead). Not written by `--json`.
   */
  readonly detectedProfile?: string;
  /** Present with a domain: the replayed state's hash and the state. */
  readonly stateHash?: string;
  readonly finalState?: Readonly<Record<string, unknown>>;
}

/** `--format`: a shorthand for a framing and a profile (cli-and-reports.md; logs.md keeps it). */
export type LogFormat = 'auto' | 'events' | 'json' | 'cloudevents';

export const LOG_FORMATS: readonly LogFormat[] = ['auto', 'events', 'json', 'cloudevents'];

/** Progress of a long inspection. */
export interface InspectProgress {
  readonly bytes: number;
  readonly records: number;
}

/** What an inspection returns: the report, or the problems that stopped it (`problems`: the first 10,000, in file order; `problemCount`: all; `records`: the log's records, read or not). */
export type InspectResult =
  | { readonly ok: true; readonly report: InspectionReport; readonly history?: readonly HistoryStep[] }
  | {
      readonly ok: false;
      readonly problems: readonly Anomaly[];
      readonly problemCount: number;
      readonly reason: string;
      readonly notes?: readonly string[];
      readonly records: number;
      /** The profile asked for (`used`) and the one the records look like, as the report's `profile` and `detectedProfile`. */
      readonly otherProfile?: { readonly used: string; readonly detected: string };
    };

/** Thrown when `isCancelled` returned true during an inspection. */
export class InspectCancelled extends Error {
  constructor() {
    super('inspection cancelled');
  }
}

/** The report's `checkpoint` (an extension of the inspection, additive; src/sources/checkpointRead fills it). */
export interface CheckpointReport {
  readonly file: string;
  /** The position the read resumed after; absent when the file did not exist yet (the read began at `--from`). */
  readonly resumedFrom?: string;
  /** The streams whose states the checkpoint carried, and how many of them were unknown. */
  readonly streamsCarried: number;
  readonly unknownCarried: number;
  /** Whether the chain of reads began at the source's start (a stream first met in a later read is then checked). */
  readonly chainFromStart: boolean;
}
