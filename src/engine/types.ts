/**
 * The engine's public data types: scenarios (`purestream/scenario@1`), traces and reports
 * (`purestream/report@1`). Plain readonly JSON values; see ../../../shared/spec.
 */
import type { BatchMode, DecisionInput, EventEnvelope, Rejection } from '../../domain/kernel';

// ---------------------------------------------------------------- scenario

/** Milliseconds, or a seeded distribution. */
export type Duration = number | { readonly dist: 'uniform'; readonly min: number; readonly max: number } | { readonly dist: 'exponential'; readonly mean: number };

export interface CommandNode {
  readonly type: string;
  readonly data: unknown;
  readonly id?: string;
  readonly at?: number;
  readonly actor?: string;
}
export interface BatchNode {
  readonly batch: BatchMode;
  readonly id?: string;
  readonly at?: number;
  readonly items: readonly ScenarioNode[];
}
export interface RepeatNode {
  readonly repeat: number;
  readonly template: ScenarioNode;
  readonly at?: number;
  readonly every?: number;
  readonly jitterMs?: number;
}
export interface OfflineNode {
  readonly offline: string;
  readonly syncAt: number;
  readonly items: readonly CommandNode[];
}
export type ScenarioNode = CommandNode | BatchNode | RepeatNode | OfflineNode;

export type SchedulerKind = 'serial' | 'pool' | 'autoscale' | 'partitioned' | 'single-writer' | 'capacity-aware';

/** A scheduler configuration with every default filled in. */
export interface SchedulerConfig {
  readonly kind: SchedulerKind;
  readonly workers: number;
  readonly min: number;
  readonly max: number;
  readonly scaleUpDepth: number;
  readonly startupMs: number;
  readonly idleMs: number;
  /** Partition-key override: a data field name, or undefined for the domain default. */
  readonly key?: string;
}

export type DeliveryGuarantee = 'exactly-once' | 'at-least-once' | 'at-most-once';

/** A consumer's retries after a failed attempt: at most `max`, the n-th after `backoffMs × factor^(n − 1)` ms (see retryWaitMs). */
export interface RetryPolicy {
  readonly max: number;
  readonly backoffMs: number;
  readonly factor: number;
}

/** A consumer configuration with every default filled in. */
export interface ConsumerConfig {
  readonly name: string;
  readonly interpreter: string;
  readonly events: '*' | readonly string[];
  readonly latencyMs: Duration;
  readonly workers: number;
  readonly failureRate: number;
  readonly retry?: RetryPolicy;
  readonly delivery: DeliveryGuarantee;
  readonly duplicateRate: number;
  readonly idempotent: boolean;
  readonly deadLetter: boolean;
  readonly downtime: readonly { readonly from: number; readonly to: number }[];
}

/** A run configuration with every default filled in. */
export interface RunConfig {
  readonly name: string;
  readonly scheduler: SchedulerConfig;
  readonly serviceMs: Duration;
  readonly consumers: readonly ConsumerConfig[];
  readonly authorize: boolean;
}

/** A validated scenario with defaults applied (runs and consumers complete). */
export interface Scenario {
  readonly format: 'purestream/scenario@1';
  readonly name: string;
  readonly description: string;
  readonly domain: string;
  readonly seed: number;
  readonly setup: readonly ScenarioNode[];
  readonly commands: readonly ScenarioNode[];
  readonly runs: readonly RunConfig[];
  /** `x-…` keys of the file, kept as they are. */
  readonly extensions: Readonly<Record<string, unknown>>;
}

/**
 * A problem in an input file: where (JSON path or line) and what. A value two places may not share
 * (a run name) is a problem at each of them: each names the other in `sameAs`, and the one at the
 * first place is a `repeat` of the one at the second, which a list in text shows alone
 * ({@link listedProblems} in ./scenario/parse).
 */
export interface InputError {
  readonly path: string;
  readonly message: string;
  /** The path of the other place that has the same value, for a value two places may not share. */
  readonly sameAs?: string;
  /** True when this problem says again, at the first of two places, the problem listed at the second (`sameAs`). */
  readonly repeat?: true;
}

/** One input arriving at a decision queue: a command or a whole batch. */
export interface Arrival {
  readonly at: number;
  /** Depth-first position in the file: ties in `at` keep file order. */
  readonly order: number;
  readonly input: DecisionInput;
  /** The offline client it was made on, when it came from an `offline` node. */
  readonly offline?: string;
}

// ---------------------------------------------------------------- trace

/** Every decision a worker made. */
export interface DecisionRecord {
  readonly inputId: string;
  readonly kind: 'command' | 'batch';
  readonly commandIds: readonly string[];
  readonly type: string;
  readonly worker: number;
  readonly arrivedAt: number;
  readonly startedAt: number;
  readonly endedAt: number;
  /** The state store's version (events enacted) when the decision read it. */
  readonly stateVersion: number;
  /** Events appended but not yet enacted by the state store at read time (staleness). */
  readonly lag: number;
  /** A stream it read or appended to was changed by another decision after this one read the state (before it ended), or it read a state store that was behind (lag > 0). */
  readonly stale?: boolean;
  readonly accepted: boolean;
  readonly rejections: readonly { readonly commandId: string; readonly rejection: Rejection }[];
  /** seq numbers of the events it appended. */
  readonly eventSeqs: readonly number[];
  /** The partition keys it held, comma-separated (commerce: a place holds `sku@warehouse,order:<id>`). */
  readonly partitionKey?: string;
}

/** An event in the run's log. */
export interface LogEntry extends EventEnvelope {
  readonly seq: number;
  /** Virtual time it was appended. */
  readonly appendedAt: number;
}

export type AttemptOutcome = 'enacted' | 'failed' | 'duplicate' | 'lost' | 'parked';

/** One delivery attempt of one event to one consumer. */
export interface AttemptRecord {
  readonly consumer: string;
  readonly eventSeq: number;
  readonly attempt: number;
  readonly worker: number;
  readonly start: number;
  readonly end: number;
  readonly outcome: AttemptOutcome;
}

/** One enactment by the state store: the stream's aggregate after it. */
export interface HistoryStep {
  readonly step: number;
  readonly eventSeq: number;
  readonly t: number;
  readonly stream: string;
  /** Step index of the previous change of this stream, or -1 (its `after` is this step's before). */
  readonly prevStep: number;
  readonly after: unknown;
  /** Invariants that became broken at this step. */
  readonly violations?: readonly string[];
}

export interface Sample {
  readonly t: number;
  readonly value: number;
}

export interface Trace {
  readonly run: string;
  readonly decisions: readonly DecisionRecord[];
  readonly log: readonly LogEntry[];
  readonly attempts: readonly AttemptRecord[];
  readonly history: readonly HistoryStep[];
  readonly queueDepth: readonly Sample[];
  readonly workers: readonly Sample[];
  readonly consumerQueueDepth: Readonly<Record<string, readonly Sample[]>>;
  /** Per consumer: events parked in its dead-letter queue. */
  readonly deadLetters: Readonly<Record<string, readonly number[]>>;
  /** Per consumer, interpreter output for views (e.g. notifier outbox, audit log). */
  readonly outputs: Readonly<Record<string, unknown>>;
}

// ---------------------------------------------------------------- report

export interface Percentiles {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

export interface Metrics {
  readonly commands: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly events: number;
  readonly deliveries: number;
  readonly failures: number;
  readonly retries: number;
  readonly deadLettered: number;
  readonly lost: number;
  readonly duplicates: number;
  readonly makespanMs: number;
  readonly commandLatencyMs: Percentiles;
  readonly enactLatencyMs: Percentiles;
  readonly maxQueueDepth: number;
  readonly maxWorkers: number;
  /**
   * Extension: decisions (a batch counts one) whose read state changed before they ended — a
   * stream they read or appended to was changed by another decision after they read it — or that
   * read a state store which was behind: the stale reads behind oversells.
   */
  readonly staleDecisions?: number;
}

export interface Violation {
  readonly invariant: string;
  readonly atMs: number;
  readonly eventSeq: number;
  readonly message: string;
}

export interface RunReport {
  readonly name: string;
  readonly metrics: Metrics;
  readonly rejections: Readonly<Record<string, number>>;
  readonly violations: readonly Violation[];
  readonly stateHash: string;
  readonly finalState: Readonly<Record<string, unknown>>;
}

export interface StateDifference {
  readonly path: readonly string[];
  readonly a: unknown;
  readonly b: unknown;
}

export interface Comparison {
  readonly a: string;
  readonly b: string;
  readonly sameFinalState: boolean;
  readonly differences: readonly StateDifference[];
}

export interface Report {
  readonly format: 'purestream/report@1';
  readonly scenario: string;
  readonly domain: string;
  readonly seed: number;
  readonly runs: readonly RunReport[];
  readonly comparison?: readonly Comparison[];
}
