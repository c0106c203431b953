/**
 * Recorded event logs as plain data: the records of `purestream/events@1`, the anomalies an
 * inspection finds and the `purestream/inspection@1` report. See ../../../shared/spec/cli-and-reports.md.
 */
import type { HistoryStep } from '../engine/types';

/** An event record: `{ seq, id, type, at, data, stream?, causationId?, correlationId? }`. */
export interface EventRecord {
  readonly kind: 'event';
  readonly seq: number;
  readonly id: string;
  readonly type: string;
  /** Milliseconds: virtual ms, or ms since the Unix epoch for an ISO-8601 time. */
  readonly at: number;
  /** The time as written in the file, when it was not a number (kept for display). */
  readonly time?: string;
  readonly data: unknown;
  readonly stream?: string;
  readonly causationId?: string;
  readonly correlationId?: string;
  /** False when the source gave no sequence number (a CloudEvent without `sequence`). */
  readonly seqGiven: boolean;
}

/** One batch level a command was decided in. */
export interface BatchLevel {
  readonly id: string;
  readonly mode: 'all-or-nothing' | 'allow-partial';
}

/** The batches a command was decided in, from the root batch to the innermost one. */
export type BatchRef = readonly BatchLevel[];

/** A command record: `{ kind: "command", id, type, at, data, actor?, batch? }` (`batch` extends the spec: `[{ id, mode }...]`, root first). */
export interface CommandRecord {
  readonly kind: 'command';
  readonly id: string;
  readonly type: string;
  readonly at: number;
  readonly time?: string;
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
  readonly at: number;
  readonly time?: string;
}

/** The optional first line of an events file. */
export interface LogHeader {
  readonly kind: 'header';
  readonly domain?: string;
  /** Whether the recorded run used the authorization policy (drift decides the same way). */
  readonly authorize?: boolean;
}

export type LogRecord = EventRecord | CommandRecord | RejectionRecord;

export type AnomalyKind = 'malformed' | 'unknown-type' | 'invalid-data' | 'duplicate-id' | 'out-of-order' | 'gap';

/** Something wrong with one record, located by its line in the file (1-based). */
export interface Anomaly {
  readonly kind: AnomalyKind;
  readonly line: number;
  readonly message: string;
}

/** The anomaly kinds that make `inspect` refuse the log unless told to skip invalid records. */
export const BLOCKING_ANOMALIES: ReadonlySet<AnomalyKind> = new Set(['malformed', 'unknown-type', 'invalid-data']);

/** An invariant that went from holding to broken at an event. */
export interface LogViolation {
  readonly invariant: string;
  readonly eventSeq: number;
  readonly message: string;
}

/** A recorded outcome, or what the domain decides now: event types, or `rejected: <code>`. */
export type DriftOutcome = readonly string[] | string;

/** A command whose outcome today's rules would change. */
export interface Drift {
  readonly commandId: string;
  readonly recorded: DriftOutcome;
  readonly now: DriftOutcome;
}

/** The `purestream/inspection@1` report. */
export interface InspectionReport {
  readonly format: 'purestream/inspection@1';
  readonly domain: string;
  readonly source: string;
  readonly events: number;
  readonly commands: number;
  readonly types: Readonly<Record<string, number>>;
  readonly anomalies: readonly Anomaly[];
  /** Present only when anomalies were left out of the list (more than the cap): the full count. */
  readonly anomalyCount?: number;
  readonly violations: readonly LogViolation[];
  readonly drift: readonly Drift[];
  readonly stateHash: string;
  readonly finalState: Readonly<Record<string, unknown>>;
}

/** How a log file is laid out: `auto` detects it from the first non-empty line. */
export type LogFormat = 'auto' | 'events' | 'json' | 'cloudevents';

export const LOG_FORMATS: readonly LogFormat[] = ['auto', 'events', 'json', 'cloudevents'];

/** Progress of a long inspection. */
export interface InspectProgress {
  readonly bytes: number;
  readonly records: number;
}

/** What an inspection returns: the report, or the problems that stopped it. */
export type InspectResult =
  | { readonly ok: true; readonly report: InspectionReport; readonly history?: readonly HistoryStep[] }
  | { readonly ok: false; readonly problems: readonly Anomaly[]; readonly problemCount: number };

/** Thrown when `isCancelled` returned true during an inspection. */
export class InspectCancelled extends Error {
  constructor() {
    super('inspection cancelled');
  }
}
