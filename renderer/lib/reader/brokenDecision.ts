/**
 * The decision behind a run's first invariant violation, as a page can say it ("Where it
 * broke"): found as the causation graph finds it — the run report's violation names the event
 * whose enactment broke the invariant, that event's causation id names the command — and read
 * as "Copy as test" reads the command's decision (decisionCase, src/engine/module/testText.ts:
 * the command and the aggregates it read), with the stream before and after the event as the
 * graph's node details give them. Pure.
 */
import type { DecisionCase } from '../../../src/engine/module/testText';
import type { Violation } from '../../../src/engine/types';
import { nodeIds } from '../graph/nodeIds';
import type { TraceGraph } from './traceGraph';
import type { TraceIndex } from './traceIndex';

/** One event a command decided: its log position, type, stream and data. */
export interface DecidedEvent {
  readonly seq: number;
  readonly type: string;
  readonly stream: string;
  readonly data: unknown;
}

/** What a run's first violation came from; see the module comment. Plain data. */
export interface BrokenDecision {
  readonly invariant: string;
  /** The invariant's message on the aggregate the event made ("stock of tee@main is -1"). */
  readonly message: string;
  /** When the event was enacted (ms of the run's clock). */
  readonly atMs: number;
  /** The stream that broke, and the seq of the event whose enactment broke it. */
  readonly stream: string;
  readonly eventSeq: number;
  /** The command (its data absent when the scenario is not known, as for a stored result without it). */
  readonly command: { readonly id: string; readonly type: string; readonly data?: unknown };
  /** Its decision: the worker, when it started and ended (ms), whether its read was stale (DecisionRecord.stale). */
  readonly decision?: { readonly worker: number; readonly startedAt: number; readonly endedAt: number; readonly stale: boolean };
  /** The stream's aggregate as the decision read it (`aggregate` undefined: the stream was new); absent when it did not read the stream, or that is not known. */
  readonly read?: { readonly aggregate: unknown };
  /** The events it decided, in order. */
  readonly events: readonly DecidedEvent[];
  /** The stream's aggregate just before the event was enacted (undefined: a new stream), and just after. */
  readonly before: unknown;
  readonly after: unknown;
  /** The invariant's message on the stream's final aggregate; undefined when the stream ends allowed (repaired). */
  readonly atEnd?: string;
}

/**
 * The decision behind `violation` in a traced run; `found`: its command's decision case (undefined
 * when the scenario is not known), `atEnd`: the invariant's message on the stream's final
 * aggregate. Undefined when the violation's event is not in the trace.
 */
export function brokenDecision(violation: Violation, index: TraceIndex, graph: TraceGraph, found: DecisionCase | undefined, atEnd: string | undefined): BrokenDecision | undefined {
  const event = index.event(violation.eventSeq);
  if (!event) return undefined;
  const commandId = event.causationId;
  const d = index.decision(index.decisionOf(commandId) ?? -1);
  const change = graph.detail(nodeIds.event(event.seq))?.changes[0];
  const events = graph.seqsOf(commandId, d).flatMap((seq) => {
    const e = index.event(seq);
    return e ? [{ seq, type: e.type, stream: e.stream, data: e.data }] : [];
  });
  const read = found?.read.find((r) => r.stream === event.stream);
  const command = found?.command ?? index.command(commandId);
  return {
    invariant: violation.invariant,
    message: violation.message,
    atMs: violation.atMs,
    stream: event.stream,
    eventSeq: event.seq,
    command: command ? { id: command.id, type: command.type, data: command.data } : { id: commandId, type: d?.type ?? 'command' },
    ...(d ? { decision: { worker: d.worker, startedAt: d.startedAt, endedAt: d.endedAt, stale: d.stale ?? d.lag > 0 } } : {}),
    ...(read ? { read: { aggregate: read.aggregate } } : {}),
    events,
    before: change?.before,
    after: change?.after,
    ...(atEnd !== undefined ? { atEnd } : {}),
  };
}
