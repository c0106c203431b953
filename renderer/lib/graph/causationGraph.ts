/**
 * The causation graph of a window of causal records (a run's or a log's, see
 * ../reader/graphSource.ts) as plain data: one node per record, batches as groups of their
 * items, an edge from each record's cause. A cause outside the window is drawn once as a
 * placeholder node, so no record hangs loose: a run's command as a command, any other as a
 * `cause` — said to be in no record of the source when the source says so (`missing`: a log's
 * orphan causation ids). Pure.
 */
import { escapeControls } from '../../../src/engine/text/controlChars';
import type { BrokenInvariant, CausalKind, CausalOutcome, CausalRecord } from '../reader/graphSource';
export { nodeIds } from './nodeIds';

/** What a graph node stands for (a group stands for many nodes of a grouped graph; a `cause`, a causation id whose record is not drawn). */
export type GraphNodeKind = CausalKind | 'group' | 'cause';

/** The colour class of a node. */
export type GraphOutcome = CausalOutcome | 'group';

/** One node of the causation graph. */
export interface GraphNode {
  readonly id: string;
  readonly kind: GraphNodeKind;
  readonly label: string;
  /** The end of `label` the canvas keeps whole when it shortens the label: a group of repeats' count (` ×9 more`, ./collapseRepeats.ts). */
  readonly labelTail?: string;
  readonly sub: string;
  readonly outcome: GraphOutcome;
  /** The batch group containing this node. */
  readonly parent?: string;
  /** When it happened (ms of the source's clock). */
  readonly t: number;
  /** Grouping "by type" key: the root command's type of a run's node. */
  readonly flow: string;
  readonly stream?: string;
  /** For group nodes: how many nodes it stands for, and their ids. */
  readonly count?: number;
  readonly members?: readonly string[];
  /** A cause that is not in the window (or not in the log): drawn dashed, without details. */
  readonly outside?: boolean;
  /** An outside cause that no record of the source has (a log's orphan): "not in this log". */
  readonly missing?: boolean;
  /** The invariants it broke; for a group, every one broken by a node inside it (see ./brokenInvariants.ts). */
  readonly broke?: readonly BrokenInvariant[];
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

/** Builds the graph of a window's records (given parents before children, as sources do); `missing`: causation ids no record of the source has. */
export function causationGraph(records: readonly CausalRecord[], missing: ReadonlySet<string> = new Set()): CausationGraph {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const present = new Set(records.map((r) => r.id));
  const outside = new Map<string, GraphNode>();
  for (const r of records) {
    nodes.push({ id: r.id, kind: r.kind, label: r.type, sub: r.sub, outcome: r.outcome, t: r.time, flow: r.flow, ...(r.parent && present.has(r.parent) ? { parent: r.parent } : {}), ...(r.stream !== undefined ? { stream: r.stream } : {}), ...(r.broke ? { broke: r.broke } : {}) });
    if (r.causationId === undefined || r.causationId === r.id) continue;
    if (!present.has(r.causationId) && !outside.has(r.causationId)) outside.set(r.causationId, placeholder(r, r.causationId, missing.has(r.causationId)));
    edges.push({ id: `${r.causationId}->${r.id}`, source: r.causationId, target: r.id });
  }
  return { nodes: [...outside.values(), ...nodes], edges };
}

/** The node of record `r`'s cause `id`, which is not among the records: a run's command (`cmd:c5`), or any other cause, in the source or not (`missing`). */
function placeholder(r: CausalRecord, id: string, missing: boolean): GraphNode {
  const base = { id, t: r.time, flow: r.flow, outside: true } as const;
  if (id.startsWith('cmd:')) return { ...base, kind: 'command', label: escapeControls(id.slice(4)), sub: 'cause outside this view', outcome: 'accepted' };
  return { ...base, kind: 'cause', label: escapeControls(id), sub: missing ? 'not in this log' : 'cause outside this view', outcome: 'event', ...(missing ? { missing: true } : {}) };
}
