/** Messages between the UI and the engine worker. Plain data only (structured clone). */
import type { DryRunResult, RunProgress, RunResult } from '../../../src/engine/api';
import type { DecisionRecord, HistoryStep, LogEntry, Scenario } from '../../../src/engine/types';
import type { TimelineFrame, TimelineWindow } from '../../lib/timeline/timelineWindow';
import type { CommandEnvelope } from '../../../domain/kernel';

/**
 * A request to the worker. `run` with `keepAbove` keeps a big result (more arrivals than that)
 * in the worker and replies with a bounded summary plus `big`; the other kinds read the kept
 * result (`run` is the index of the run in the report).
 */
export type EngineRequest =
  | { readonly id: number; readonly type: 'dryRun'; readonly scenario: Scenario; readonly arrivalOrder: number }
  | { readonly id: number; readonly type: 'run'; readonly scenario: Scenario; readonly runs?: readonly string[]; readonly keepAbove?: number }
  | { readonly id: number; readonly type: 'historyState'; readonly run: number; readonly step: number; readonly maxStreams: number }
  | { readonly id: number; readonly type: 'logPage'; readonly run: number; readonly offset: number; readonly limit: number }
  | { readonly id: number; readonly type: 'decisionPage'; readonly run: number; readonly offset: number; readonly limit: number }
  | { readonly id: number; readonly type: 'historyPage'; readonly run: number; readonly offset: number; readonly limit: number }
  | { readonly id: number; readonly type: 'stepOfSeq'; readonly run: number; readonly seq: number }
  | { readonly id: number; readonly type: 'timelineWindow'; readonly run: number; readonly from: number; readonly to: number; readonly max: number }
  | { readonly id: number; readonly type: 'commands'; readonly ids: readonly string[] };

/** A reply from the worker: progress while running, then a result or an error. */
export type EngineReply =
  | { readonly id: number; readonly type: 'progress'; readonly progress: RunProgress }
  | { readonly id: number; readonly type: 'dryRun'; readonly result: DryRunResult; readonly inputId: string }
  | { readonly id: number; readonly type: 'run'; readonly result: RunResult; readonly big?: BigRun }
  | { readonly id: number; readonly type: 'historyState'; readonly state: HistoryState }
  | { readonly id: number; readonly type: 'logPage'; readonly page: Page<LogEntry> }
  | { readonly id: number; readonly type: 'decisionPage'; readonly page: Page<DecisionRecord> }
  | { readonly id: number; readonly type: 'historyPage'; readonly page: Page<HistoryStep> }
  /** The history step that enacted event `seq` (-1: none did). */
  | { readonly id: number; readonly type: 'stepOfSeq'; readonly step: number }
  | { readonly id: number; readonly type: 'timelineWindow'; readonly frame: TimelineFrame; readonly window: TimelineWindow }
  /** The kept run's commands asked for (those it has). */
  | { readonly id: number; readonly type: 'commands'; readonly commands: readonly CommandEnvelope[] }
  | { readonly id: number; readonly type: 'error'; readonly message: string };

/** How a big result was cut down: the summary traces hold the first `kept` records of each list, and charts' samples thinned. */
export interface BigRun {
  readonly arrivals: number;
  /** Records kept per list (decisions, log, attempts, history, dead letters) in the summary traces. */
  readonly kept: number;
  readonly runs: readonly BigRunTotals[];
}

/** The full sizes of one run's trace, and what the summary cannot show by its first records. */
export interface BigRunTotals {
  readonly decisions: number;
  readonly log: number;
  readonly attempts: number;
  readonly history: number;
  /** Steps where an invariant became broken (the first MAX_VIOLATION_STEPS). */
  readonly violationSteps: readonly number[];
  /** Command latencies (ms) of every `latencyStride`-th decision, for the latency chart. */
  readonly latencySample: readonly number[];
  /** Decisions each sampled one stands for (multiply histogram counts by it). */
  readonly latencyStride: number;
  /** Per consumer: attempts by outcome, dead letters, output entries (the summary holds the first ones of each). */
  readonly consumers: Readonly<Record<string, BigConsumerTotals>>;
}

/** One consumer's full figures in a big run. */
export interface BigConsumerTotals {
  readonly outcomes: Readonly<Record<string, number>>;
  readonly deadLetters: number;
  /** The log entries of the dead letters the summary lists (the summary's log holds only its first entries). */
  readonly deadLetterEntries: readonly LogEntry[];
  /** Rows of its output (per table for `sql`): the summary's output holds the first OUTPUT_ROWS of each. */
  readonly outputRows: Readonly<Record<string, number>>;
}

/** The state history at one step, read from a kept result. */
export interface HistoryState {
  readonly step: number;
  /** The enactment at `step` (undefined before the first). */
  readonly entry?: HistoryStep;
  /** The event it enacted. */
  readonly event?: LogEntry;
  /** The stream's aggregate before the step. */
  readonly before?: unknown;
  /** The state after the step, the step's stream first, at most `maxStreams` streams. */
  readonly streams: Readonly<Record<string, unknown>>;
  readonly streamCount: number;
}

/** A slice of one of a kept trace's lists. */
export interface Page<T> {
  readonly offset: number;
  readonly items: readonly T[];
  readonly total: number;
}
