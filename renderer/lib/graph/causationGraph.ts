/**
 * The causation graph of one run's trace as plain data: commands (batches as groups), the
 * events they produced, rejections, and consumer enactments, with causation edges. Pure.
 */
import type { AttemptOutcome, Trace } from '../../../src/engine/types';

/** What a graph node stands for. */
export type GraphNodeKind = 'batch' | 'command' | 'event' | 'rejection' | 'enactment' | 'group';

/** The colour class of a node. */
export type GraphOutcome = 'accepted' | 'rejected' | 'event' | 'enacted' | 'failed' | 'group';

/** One node of the causation graph. */
export interface GraphNode {
  readonly id: string;
  readonly kind: GraphNodeKind;
  readonly label: string;
  readonly sub: string;
  readonly outcome: GraphOutcome;
  /** The batch group containing this command. */
  readonly parent?: string;
  /** Virtual time (ms) it happened: decision end, append, enactment end. */
  readonly t: number;
  /** Command type, for grouping (events and enactments carry their command's type). */
  readonly commandType: string;
  readonly stream?: string;
  /** Index into trace.decisions. */
  readonly decision?: number;
  readonly commandId?: string;
  readonly eventSeq?: number;
  readonly consumer?: string;
  /** For group nodes: how many nodes it stands for, and their ids. */
  readonly count?: number;
  readonly members?: readonly string[];
}

/** A causation edge. */
export interface GraphEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly count?: number;
}

/** A graph: nodes (parents before children) and edges. */
export interface CausationGraph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

/** Node ids, one constructor each. */
export const nodeIds = {
  input: (inputId: string) => `batch:${inputId}`,
  command: (commandId: string) => `cmd:${commandId}`,
  event: (seq: number) => `ev:${seq}`,
  rejection: (commandId: string) => `rej:${commandId}`,
  enactment: (consumer: string, seq: number) => `act:${consumer}:${seq}`,
};

const enactedOutcome = (o: AttemptOutcome): GraphOutcome => (o === 'enacted' || o === 'duplicate' ? 'enacted' : 'failed');

/**
 * Builds the full (ungrouped) causation graph of a trace. `commandTypes` (command id → type,
 * from the expanded scenario) names the commands inside batches, whose decision records carry
 * only the batch mode.
 */
export function causationGraph(trace: Trace, commandTypes: ReadonlyMap<string, string> = new Map()): CausationGraph {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const typeOfCommand = new Map<string, string>();
  const known = new Set<string>();
  trace.decisions.forEach((d, di) => {
    const parent = d.kind === 'batch' ? nodeIds.input(d.inputId) : undefined;
    const rejected = new Map(d.rejections.map((r) => [r.commandId, r.rejection]));
    if (parent) {
      nodes.push({ id: parent, kind: 'batch', label: `Batch ${d.inputId}`, sub: `${d.commandIds.length} commands · worker ${d.worker}`, outcome: d.accepted ? 'accepted' : 'rejected', t: d.endedAt, commandType: d.type, decision: di });
    }
    d.commandIds.forEach((commandId) => {
      const rejection = rejected.get(commandId);
      const type = d.kind === 'command' ? d.type : (commandTypes.get(commandId) ?? 'command');
      typeOfCommand.set(commandId, type);
      const id = nodeIds.command(commandId);
      known.add(id);
      nodes.push({
        id, kind: 'command', label: type, sub: `${commandId} · t=${d.endedAt} · w${d.worker}`, outcome: rejection ? 'rejected' : 'accepted',
        ...(parent ? { parent } : {}), t: d.endedAt, commandType: type, decision: di, commandId,
      });
      if (rejection) {
        const rid = nodeIds.rejection(commandId);
        nodes.push({ id: rid, kind: 'rejection', label: rejection.code, sub: rejection.message, outcome: 'rejected', t: d.endedAt, commandType: type, decision: di, commandId });
        edges.push({ id: `${id}->${rid}`, source: id, target: rid });
      }
    });
  });
  for (const e of trace.log) {
    const id = nodeIds.event(e.seq);
    const cause = nodeIds.command(e.causationId);
    if (!known.has(cause)) {
      // Setup commands are decided before time 0 and have no decision record.
      known.add(cause);
      const type = commandTypes.get(e.causationId) ?? 'setup';
      typeOfCommand.set(e.causationId, type);
      nodes.push({ id: cause, kind: 'command', label: type, sub: `${e.causationId} · setup`, outcome: 'accepted', t: e.appendedAt, commandType: type, commandId: e.causationId });
    }
    const type = typeOfCommand.get(e.causationId) ?? e.type;
    nodes.push({ id, kind: 'event', label: e.type, sub: `#${e.seq} · ${e.stream}`, outcome: 'event', t: e.appendedAt, commandType: type, stream: e.stream, eventSeq: e.seq, commandId: e.causationId });
    edges.push({ id: `${cause}->${id}`, source: cause, target: id });
  }
  // One enactment node per (consumer, event): its last attempt decides the colour.
  const lastAttempt = new Map<string, (typeof trace.attempts)[number]>();
  for (const a of trace.attempts) lastAttempt.set(nodeIds.enactment(a.consumer, a.eventSeq), a);
  const streamOf = new Map(trace.log.map((e) => [e.seq, e]));
  for (const [id, a] of lastAttempt) {
    const e = streamOf.get(a.eventSeq);
    nodes.push({
      id, kind: 'enactment', label: a.consumer, sub: `${a.outcome}${a.attempt > 1 ? ` after ${a.attempt} attempts` : ''} · t=${a.end}`, outcome: enactedOutcome(a.outcome),
      t: a.end, commandType: e ? (typeOfCommand.get(e.causationId) ?? e.type) : '?', ...(e ? { stream: e.stream } : {}), eventSeq: a.eventSeq, consumer: a.consumer,
    });
    edges.push({ id: `${nodeIds.event(a.eventSeq)}->${id}`, source: nodeIds.event(a.eventSeq), target: id });
  }
  return { nodes, edges };
}
