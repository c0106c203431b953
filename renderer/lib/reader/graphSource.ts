/**
 * What the causation graph view reads, whatever it shows: a run (commands, batches, events,
 * rejections, consumer enactments) or a recorded log (its events, and the commands or events
 * their causation ids name). A source answers with the causal records of a window of time;
 * the view builds the graph from them (renderer/lib/graph/causationGraph.ts), groups and lays
 * it out. Node details are asked of the source by node id.
 *
 * A recorded log implements it from its stored events: each event is a record (`id` = its
 * id, `kind` 'event', `type`, `stream`, `time` = its time in epoch ms, `causationId` and
 * `correlationId` as recorded, `flow` = its type, `outcome` 'event'); a log's command records,
 * if any, are `kind` 'command' and its rejections `kind` 'rejection' caused by their command. A
 * causation id that names nothing in the window is drawn as a placeholder (an orphan, or a cause
 * in another window). `graphWindow` reads the events of a time range in time order (an index on
 * time), at most `max`, narrowing `range.to` to the last one kept; `nodeDetail` gives stream,
 * position, time, causation and correlation as facts, the payload, and — with a domain — the
 * stream's aggregate before and after as one change.
 */
import type { TimeRange } from '../timeline/timelineModel';
import type { BrokenDecision } from './brokenDecision';

/** What a record stands for. */
export type CausalKind = 'batch' | 'command' | 'event' | 'rejection' | 'enactment';

/** The colour class of a record: how it ended. */
export type CausalOutcome = 'accepted' | 'rejected' | 'event' | 'enacted' | 'failed';

/** An invariant a record broke: which, on what stream, the invariant's message, and the node id of the event whose enactment broke it. */
export interface BrokenInvariant {
  readonly invariant: string;
  readonly stream: string;
  readonly message: string;
  readonly event: string;
}

/**
 * One node of a causation graph as a source gives it. `causationId` is the `id` of the record
 * that caused this one (an edge is drawn when that record is in the same window); a log's
 * event ids and causation ids are used as they are.
 */
export interface CausalRecord {
  /** Unique in the source (a run prefixes its kinds: `cmd:c1`, `ev:5`, `rej:c1`, `act:state:5`, `batch:b1`). */
  readonly id: string;
  readonly kind: CausalKind;
  /** Command or event type, rejection code, consumer name: the node's title. */
  readonly type: string;
  /** One line under the title (id, time, worker, stream, position…). */
  readonly sub: string;
  /** When it happened, in ms of the source's clock (a run's virtual time; a log's epoch ms). */
  readonly time: number;
  readonly outcome: CausalOutcome;
  /** The stream (aggregate, entity, subject, key) it belongs to. */
  readonly stream?: string;
  /** The `id` of the record that caused it. */
  readonly causationId?: string;
  /** The flow (correlation id) it belongs to. */
  readonly correlationId?: string;
  /** The `id` of the batch record it is an item of (batches nest). */
  readonly parent?: string;
  /** What grouping "by type" puts it with: its root command's type in a run, its own type in a log. */
  readonly flow: string;
  /** The invariants it broke (a run's event whose enactment broke them, and the command that decided that event); absent when none. */
  readonly broke?: readonly BrokenInvariant[];
}

/** The records of one window of time. */
export interface GraphWindow {
  /** The window the records cover: the one asked for, narrowed to its first `max` records' times when there were more. */
  readonly range: TimeRange;
  readonly records: readonly CausalRecord[];
  /** Records in the whole source. */
  readonly total: number;
  /** Records in the window asked for (more than `records.length` when it was narrowed). */
  readonly inRange: number;
  /** The extent of the source's time. */
  readonly start: number;
  readonly end: number;
  /** How its times read: a run's virtual ms (the default) or a log's epoch ms, shown as UTC ISO times. */
  readonly clock?: 'virtual' | 'epoch';
  /** Records of the window left out because they repeat an id drawn already (a log's redelivered duplicates): `records` plus these are the window's records. */
  readonly repeated?: number;
  /** Causation ids of the window's records that no record of the whole source has (a log's orphans: an HTTP request's id, a command kept elsewhere). */
  readonly missing?: readonly string[];
}

/** A node's details, as facts, payloads and the aggregate of its stream before and after. */
export interface NodeDetail {
  /** Label → value lines (worker, times, stream, position, causation…). */
  readonly facts: readonly (readonly [string, string])[];
  /** A rejection's or failure's reason. */
  readonly reason?: { readonly code: string; readonly message: string };
  /** The command's or event's data. */
  readonly payload?: unknown;
  /** Delivery attempts of an enactment. */
  readonly attempts?: readonly { readonly attempt: number; readonly worker: number; readonly start: number; readonly end: number; readonly outcome: string }[];
  /** The stream changes it made: the aggregate before (undefined: a new stream) and after, at `step` as shown (counted from 1: a run's history step number, a log's record number). */
  readonly changes: readonly { readonly stream: string; readonly step: number; readonly before: unknown; readonly after: unknown }[];
  /** A run's command or event that broke an invariant: the decision behind each of its events that broke one, first violation of each (what it read, the stream before and after, whether its read was stale). */
  readonly broke?: readonly BrokenDecision[];
}

/** A source of causation-graph windows (a run of a RunReader, or a recorded log). */
export interface GraphSource {
  /** The records whose time falls in `range` (the whole source when undefined), at most `max`, earliest first. */
  graphWindow(range: TimeRange | undefined, max: number): Promise<GraphWindow>;
  /** Details of the record `id` (undefined: not in the source). */
  nodeDetail(id: string): Promise<NodeDetail | undefined>;
}
