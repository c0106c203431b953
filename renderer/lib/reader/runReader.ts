/**
 * The one way views read a run's result (Redux DevTools' shape: monitors over one reader).
 * Every view — history, event log, timeline, graph, metrics, compare, consumers — asks a
 * RunReader for what it shows, whatever the size of the run; the result itself stays where it
 * was computed (the engine worker). Every answer is plain data (structured-clone safe). `run`
 * is the index of a run in the report. Implemented by TraceReader (./traceReader.ts), served
 * by the engine worker over Comlink; the causation graph and the timeline read a run through
 * the smaller GraphSource and TimelineSource (bound to one run by `graphSourceOf` /
 * `timelineSourceOf`), which a recorded log implements too.
 */
import type { CommandEnvelope, TableDeclaration } from '../../../domain/kernel';
import type { ModuleImport } from '../../../src/engine/module/testText';
import type { RedriveResult } from '../../../src/engine/redrive';
import type { RealComparison } from '../../../src/sources/sinks/compareReal';
import type { HistoryStep, LogEntry, Report, Sample } from '../../../src/engine/types';
import type { Points } from '../compare/chartSeries';
import type { Columns } from '../metrics/chartData';
import type { TimeRange } from '../timeline/timelineModel';
import type { BrokenDecision } from './brokenDecision';
import type { GraphSource, GraphWindow, NodeDetail } from './graphSource';
import type { TimelineFrame, TimelineSource, TimelineWindow } from './timelineSource';

/**
 * A `sql` consumer's tables as the query worker loads them: the CREATE statements of the domain
 * the result was run with (a module's, read in its worker; none when that domain is not known
 * where the result is kept) and every row of each table, by table name.
 */
export interface SqlTablesToLoad {
  readonly declarations: readonly TableDeclaration[];
  readonly rows: ReadonlyMap<string, readonly Readonly<Record<string, unknown>>[]>;
}

/** A range of history steps (inclusive) during which some stream's aggregate broke an invariant. */
export interface BrokenRange {
  readonly from: number;
  readonly to: number;
  /** The invariants broken at `from`, with the stream, e.g. "stock-non-negative (stock:tee@main)". */
  readonly what: readonly string[];
}

/** A stream whose aggregate breaks invariants, and which (their names, in the domain's order). */
export interface BrokenStream {
  readonly stream: string;
  readonly invariants: readonly string[];
}

/** The sizes and markers of one run: what views need before asking for any part. */
export interface RunOverview {
  readonly name: string;
  readonly decisions: number;
  readonly log: number;
  readonly attempts: number;
  /** Delivery attempts by consumer name, in the order each consumer first attempted (the report's Deliveries is their sum). */
  readonly consumerAttempts: readonly (readonly [string, number])[];
  /** History steps (enactments by the state store). */
  readonly history: number;
  /** Steps where a stream newly broke an invariant, every one of them. */
  readonly violationSteps: readonly number[];
  /** Step ranges during which at least one stream is broken (from its break until it is repaired, or the end). */
  readonly broken: readonly BrokenRange[];
  /** The streams whose final aggregate breaks an invariant of the domain (at most MAX_BROKEN_STREAMS; none when the domain is not known where the result is kept). */
  readonly brokenAtEnd: readonly BrokenStream[];
}

/** A finished run as the UI receives it: the report (small) and each run's overview. */
export interface RunResultView {
  readonly report: Report;
  readonly runs: readonly RunOverview[];
}

/** The state history at one step. */
export interface HistoryState {
  readonly step: number;
  /** The enactment at `step` (undefined before the first). */
  readonly entry?: HistoryStep;
  /** The event it enacted. */
  readonly event?: LogEntry;
  /** The stream's aggregate before the step (undefined: a new stream). */
  readonly before?: unknown;
  /** The state after the step, the step's stream first, at most `maxStreams` streams, as [stream, aggregate]. */
  readonly streams: readonly (readonly [string, unknown])[];
  readonly streamCount: number;
  /** Streams breaking an invariant after this step, with what they break (at most 50). */
  readonly broken: readonly string[];
}

/** A slice of a list. */
export interface Page<T> {
  readonly offset: number;
  readonly items: readonly T[];
  readonly total: number;
}

/** A rejected command, placed in the history: after the last enactment at or before its decision's end. */
export interface RejectionAt {
  readonly commandId: string;
  readonly type: string;
  readonly code: string;
  readonly message: string;
  /** When its decision ended (ms). */
  readonly at: number;
  /** The history step it follows (-1: before the first enactment). */
  readonly afterStep: number;
}

/** One list of a consumer's output (an outbox, an audit log, one table of a `sql` consumer): its first rows and its size. */
export interface OutputTable {
  /** '' for a consumer whose output is one list. */
  readonly name: string;
  readonly rows: readonly Readonly<Record<string, unknown>>[];
  readonly total: number;
}

/** What one consumer did in a run. */
export interface ConsumerOutput {
  /** Attempts by outcome (enacted, failed, duplicate, lost, parked), every one counted. */
  readonly outcomes: ReadonlyMap<string, number>;
  /** Events parked in its dead-letter queue, and the log entries of the first ones. */
  readonly deadLetters: number;
  readonly deadLetterEntries: readonly LogEntry[];
  /** Its output lists: the first rows of each, with their full sizes. */
  readonly tables: readonly OutputTable[];
  /** Output that is not a list of rows (shown as JSON). */
  readonly other?: unknown;
}

/** The Metrics view's charts, over every run: step series thinned to their peaks, latencies binned exactly. */
export interface RunCharts {
  readonly queueDepth: readonly (readonly Sample[])[];
  readonly workers: readonly (readonly Sample[])[];
  /** Every command's latency in shared bins: x = bin start (ms), one count column per run. */
  readonly latency: Columns;
}

/** What the Compare view's "why" hints and charts need of one run. */
export interface RunFacts {
  /** Stale decisions: how many, on how many workers, and at most how many events behind when they committed. */
  readonly stale: { readonly decisions: number; readonly workers: number; readonly maxBehind: number };
  /** The largest group of decisions that started at one instant. */
  readonly together: { readonly count: number; readonly at: number; readonly rejected: number };
  /** Rejections by code, every one counted. */
  readonly rejections: ReadonlyMap<string, number>;
  readonly decisions: number;
  /** Queue depth over time, thinned to the peak of each stretch. */
  readonly queueDepth: Points;
  /** Each command's latency (ms) at its arrival, thinned to the peak of each stretch (a spike stays). */
  readonly latency: Points;
}

/** A real run (or a comparison `compare-real --json` wrote) set beside the run of the result it belongs to. */
export interface RealRunView {
  /** The run's index in the result. */
  readonly run: number;
  /** The comparison, as `purestream compare-real --json` gives it. */
  readonly comparison: RealComparison;
  /** What the file was: a real run (compared here) or a comparison made before. */
  readonly from: 'real-run' | 'comparison';
}

/** The log export formats (as `purestream export --format`). */
export type ExportFormat = 'events' | 'cloudevents';

/** Reads a finished run's result; see the module comment. */
export interface RunReader {
  /** The report and per-run overviews. */
  result(): Promise<RunResultView>;
  /** The state at history step `step` (-1: before the first), the step's stream first, at most `maxStreams` streams. */
  historyState(run: number, step: number, maxStreams: number): Promise<HistoryState>;
  /**
   * "Step together" by time: the history step of run `other` at the virtual time of run `run`'s
   * step `step` (held to `run`'s range), of the same rank among the steps at that time (held to
   * the last at it), else `other`'s last step before it; -1 when `step` is before the first
   * enactment or `other` had enacted nothing by then (the rule: stepAtSameTime in history/stepAtTime).
   */
  stepAtSameTime(run: number, step: number, other: number): Promise<number>;
  /** The history step a graph node, timeline bar or log row corresponds to (its event's enactment, its command's first event's). */
  stepOfNode(run: number, nodeId: string): Promise<number | undefined>;
  /** Rejected commands `offset`.. in decision order (at most 10,000), each placed after a history step. */
  rejections(run: number, offset: number, limit: number): Promise<Page<RejectionAt>>;
  /** Log entries `offset`.. (at most 10,000). */
  logPage(run: number, offset: number, limit: number): Promise<Page<LogEntry>>;
  /** The scenario's commands with these ids (setup and arrivals, batch items included). */
  commands(ids: readonly string[]): Promise<readonly CommandEnvelope[]>;
  /** Each consumer's figures and output (the state store the engine added to a run that lists none included), first `rows` rows of each list. Keys are consumer names (a Map: names are the user's). */
  consumers(run: number, rows: number): Promise<ReadonlyMap<string, ConsumerOutput>>;
  /** A `sql` consumer's tables, to load into the query worker: the result's domain's declarations and every row of each. */
  outputTables(run: number, consumer: string): Promise<SqlTablesToLoad>;
  /** The Metrics view's charts (at most `points` samples per series). */
  charts(points: number): Promise<RunCharts>;
  /** The Compare view's facts of one run (at most `points` chart points). */
  facts(run: number, points: number): Promise<RunFacts>;
  /**
   * A real run (`purestream enact --state` file) or a real comparison (`compare-real --json` file),
   * given as its text, set beside the run of this result it belongs to — compared by the code
   * `compare-real` runs; rejects with one message naming `file` and what differs when it is not
   * this result's, or cannot be read.
   */
  compareReal(text: string, file: string): Promise<RealRunView>;
  /** GraphSource of one run. */
  graphWindow(run: number, range: TimeRange | undefined, max: number): Promise<GraphWindow>;
  nodeDetail(run: number, id: string): Promise<NodeDetail | undefined>;
  /** TimelineSource of one run. */
  timelineFrame(run: number): Promise<TimelineFrame>;
  timelineWindow(run: number, range: TimeRange, maxBars: number, buckets: number): Promise<TimelineWindow>;
  /** The run's log as `purestream export` writes it (same bytes). */
  exportLog(run: number, format: ExportFormat): Promise<string>;
  /** Delivers a consumer's parked events once more (the run itself is not changed). */
  redrive(run: number, consumer: string): Promise<RedriveResult>;
  /** Command `commandId`'s decision as test texts importing the domain as `module`; undefined for setup, an item its batch aborted, or an unknown command. */
  decisionTests(run: number, commandId: string, module: ModuleImport): Promise<DecisionTests | undefined>;
  /** The decision behind the run's first invariant violation ("Where it broke" of the exported comparison); undefined when it broke none. */
  brokenDecision(run: number): Promise<BrokenDecision | undefined>;
}

/** One decision of a run as tests ("Copy as test"): a Purestream given/when/then test and an Emmett DeciderSpecification test. */
export interface DecisionTests {
  readonly purestream: string;
  readonly emmett: string;
}

/** One run of a reader as a GraphSource. */
export const graphSourceOf = (reader: RunReader, run: number): GraphSource => ({
  graphWindow: (range, max) => reader.graphWindow(run, range, max),
  nodeDetail: (id) => reader.nodeDetail(run, id),
});

/** One run of a reader as a TimelineSource. */
export const timelineSourceOf = (reader: RunReader, run: number): TimelineSource => ({
  timelineFrame: () => reader.timelineFrame(run),
  timelineWindow: (range, maxBars, buckets) => reader.timelineWindow(run, range, maxBars, buckets),
});
