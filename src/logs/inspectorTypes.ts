/**
 * What an inspection (./logInspector) is given and what it hands on as it reads: its options,
 * each record as read (for a caller that stores records), and its counts so far (for progress).
 */
import type { AnyDomainModule } from '../../domain/kernel';
import type { HasherFactory } from '../engine/report/stateHash';
import type { CarriedState } from './carriedState';
import type { LogMap, ProfileName } from './profiles';
import type { Anomaly, AnomalyKind, LogRecord, LogViolation } from './types';

/** Options of an inspection. */
export interface InspectorOptions {
  /** The domain to replay; without one, only the facts every log has. */
  readonly domain?: AnyDomainModule;
  /** The profile to read with; detected from the first records when absent. */
  readonly profile?: ProfileName;
  /**
   * `profile` is a source reader's own, not asked for: the first record with content may show a
   * profile that reads it more closely (a Kafka message whose value is a Debezium change event:
   * ./profiles closerProfile), which is then read with from that record on.
   */
  readonly profileOfReader?: boolean;
  readonly map?: LogMap;
  /** Replay the valid records and report the rest, instead of refusing the log. */
  readonly skipInvalid?: boolean;
  /** Keep the state history (`HistoryStep[]`) for the UI. */
  readonly history?: boolean;
  /** Decide drift with the authorization policy (a header's `authorize` overrides it). */
  readonly authorize?: boolean;
  /** The log's size in characters, when known up front (its tables are sized for it). */
  readonly sizeHint?: number;
  /** The SHA-256 of `stateHash` (Node passes a native one); pure JS by default. */
  readonly hasher?: HasherFactory;
  /** Sees every record (after its checks), read or not, in file order; for a caller that stores records. */
  readonly onRecord?: (record: InspectedRecord) => void;
  /** Hears each anomaly as it is found (a live source's tail prints them as they come). */
  readonly onAnomaly?: (anomaly: Anomaly) => void;
  /** With a domain: hears each invariant violation as it is found (as `onAnomaly`). */
  readonly onViolation?: (violation: LogViolation) => void;
  /**
   * The read began after the log's first record (a source read `--from` a position, a time or its
   * end), so streams' earlier events are missing: with a domain, a stream that nothing shows began
   * in the read is replayed from an unknown state — its invariants not checked, a module's evolve
   * that fails on it leaving it out — and said in a note (./streamStarts; a file's streams whose
   * first revision is past the store's first are read so without it).
   */
  readonly partial?: boolean;
  /** With a domain: the states an earlier read of the same source left (a checkpoint, ./carriedState), the replay's start; the read goes on from where that one ended (`partial`). */
  readonly carried?: CarriedState;
  /** How messages name a record's place (./placeWord): a file's lines (the default), a store's rows, a broker's messages. */
  readonly placeWord?: 'line' | 'row' | 'message';
  /** A live source's: what its global position is called (./placeWord's positionName); its records' places in messages are their positions then. */
  readonly positionName?: string;
}

/** A record as the inspection read it — every record, in file order — with its place in the file and what the domain made of it. */
export interface InspectedRecord {
  readonly line: number;
  /** 1-based number among the file's records (blank lines excluded). */
  readonly record: number;
  /** The record's text as the file has it. */
  readonly text: string;
  /** What it was read as; absent when it could not be read (see `problem`). */
  readonly read?: LogRecord;
  /** Why it could not be read (`malformed`, `unmapped`). */
  readonly problem?: { readonly kind: AnomalyKind; readonly message: string };
  /** The domain's stream of an event, when a domain read it. */
  readonly domainStream?: string;
  /** False for a duplicate (not replayed again). */
  readonly counted: boolean;
}

/** What a read found so far (the report's counts of them as they stand), for a live read's progress. */
export interface InspectionFound {
  readonly anomalies: number;
  /** With a domain: the invariant violations found so far (each a stream's event that broke one, as the report lists them). */
  readonly violations?: number;
  /** Once a command record was read: the stale decisions found so far (the report's `staleDecisions.count`, ./staleDecisions). */
  readonly staleDecisions?: number;
}

/** Counts so far, for progress while a log is read: what was read, and what was found. */
export interface InspectionCounts extends InspectionFound {
  readonly events: number;
  readonly commands: number;
  readonly types: Readonly<Record<string, number>>;
}
