/**
 * Keeps big causation graphs drawable: past {@link GROUP_THRESHOLD} nodes, nodes are grouped
 * (by command type, stream or time window) and edges between groups are counted; a group keeps
 * the invariants its nodes broke. Pure.
 */
import { brokeField } from './brokenInvariants';
import type { CausationGraph, GraphEdge, GraphNode } from './causationGraph';
import { collapseRepeats } from './collapseRepeats';

/** Above this many nodes the graph is grouped instead of drawn node by node. */
export const GROUP_THRESHOLD = 500;

/** How nodes are grouped. */
export type GroupBy = 'type' | 'stream' | 'time';

const KIND_ORDER: Record<GraphNode['kind'], number> = { cause: 0, batch: 0, command: 1, rejection: 2, event: 3, enactment: 4, group: 5 };

/** The group a node falls in: its kind plus the grouping key. */
export function groupKeyOf(node: GraphNode, by: GroupBy, windowMs: number): string {
  const kind = node.kind === 'batch' ? 'command' : node.kind;
  const what = kind === 'enactment' ? `${kind}:${node.label}` : kind === 'event' || kind === 'rejection' ? `${kind}:${node.label}` : kind;
  switch (by) {
    case 'type':
      return `${what}|${node.flow}`;
    case 'stream':
      return `${what}|${node.stream ?? node.flow}`;
    case 'time':
      return `${what}|${Math.floor(node.t / windowMs) * windowMs}`;
  }
}

/** A time window that splits `nodes` into about 10 groups per kind. */
export function windowFor(nodes: readonly GraphNode[]): number {
  const max = nodes.reduce((m, n) => Math.max(m, n.t), 0);
  const raw = Math.max(1, max / 10);
  const pow = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((f) => f * pow).find((w) => w >= raw) ?? raw;
}

/**
 * A group's detail line: its members' kind, how many of them failed (enactments) or were rejected
 * (commands), then where they are from — "enactment · 6 failed · from PlaceOrder"; the count before
 * the place, so a line too long for its node (layoutGraph's nodeSize) loses the place, not the count.
 * A group of rejections gives no count: each of its members is one.
 */
export function groupSub(kind: Exclude<GraphNode['kind'], 'batch'>, where: string, rejected: number): string {
  const count = rejected > 0 && kind !== 'rejection' ? `${rejected} ${kind === 'enactment' ? 'failed' : 'rejected'}` : '';
  return [kind, count, where].filter(Boolean).join(' · ');
}

/** The graph as drawn: itself when small enough, else one node per group with counted edges. */
export function groupGraph(graph: CausationGraph, by: GroupBy, threshold = GROUP_THRESHOLD): CausationGraph & { readonly grouped: boolean } {
  if (graph.nodes.length <= threshold) return { ...graph, grouped: false };
  const windowMs = windowFor(graph.nodes);
  const groupOf = new Map<string, string>();
  const groups = new Map<string, { first: GraphNode; members: string[]; rejected: number; broke: GraphNode[] }>();
  for (const n of graph.nodes) {
    const key = `group:${groupKeyOf(n, by, windowMs)}`;
    groupOf.set(n.id, key);
    const g = groups.get(key) ?? { first: n, members: [], rejected: 0, broke: [] };
    if (n.kind !== 'batch') g.members.push(n.id);
    if (n.outcome === 'rejected' || n.outcome === 'failed') g.rejected++;
    if (n.broke && n.kind !== 'batch') g.broke.push(n);
    groups.set(key, g);
  }
  const nodes: GraphNode[] = [...groups.entries()]
    .filter(([, g]) => g.members.length > 0)
    .map(([id, g]) => {
      const n = g.first;
      const kind = n.kind === 'batch' ? 'command' : n.kind;
      const what = kind === 'enactment' ? n.label : kind === 'command' ? n.flow : n.label;
      const where = by === 'time' ? `t ${Math.floor(n.t / windowMs) * windowMs}–${Math.floor(n.t / windowMs) * windowMs + windowMs} ms` : by === 'stream' ? (n.stream ?? n.flow) : kind === 'command' ? '' : `from ${n.flow}`;
      const outcome = kind === 'command' ? (g.rejected === g.members.length ? 'rejected' : 'accepted') : kind === 'enactment' ? (g.rejected > 0 ? 'failed' : 'enacted') : n.outcome;
      return {
        id, kind: 'group' as const, label: `${what} ×${g.members.length}`, sub: groupSub(kind, where, g.rejected),
        outcome, t: n.t, flow: n.flow, ...(n.stream ? { stream: n.stream } : {}), count: g.members.length, members: g.members, ...brokeField(g.broke),
      };
    })
    .sort((a, b) => KIND_ORDER[groups.get(a.id)!.first.kind] - KIND_ORDER[groups.get(b.id)!.first.kind] || a.t - b.t);
  const counts = new Map<string, number>();
  for (const e of graph.edges) {
    const s = groupOf.get(e.source);
    const t = groupOf.get(e.target);
    if (!s || !t || s === t) continue;
    const key = `${s}->${t}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const live = new Set(nodes.map((n) => n.id));
  const edges: GraphEdge[] = [...counts.entries()]
    .map(([id, count]) => {
      const [source, target] = id.split('->');
      return { id, source, target, count };
    })
    .filter((e) => live.has(e.source) && live.has(e.target));
  return { nodes, edges, grouped: true };
}

/** The part of the full graph a group stands for, with the nodes directly caused by or causing it. */
export function drillInto(graph: CausationGraph, members: readonly string[]): CausationGraph {
  const inGroup = new Set(members);
  const keep = new Set(members);
  for (const e of graph.edges) {
    if (inGroup.has(e.source) || inGroup.has(e.target)) {
      keep.add(e.source);
      keep.add(e.target);
    }
  }
  // Keep batch parents of kept commands so the groups still draw.
  for (const n of graph.nodes) if (keep.has(n.id) && n.parent) keep.add(n.parent);
  return { nodes: graph.nodes.filter((n) => keep.has(n.id)), edges: graph.edges.filter((e) => keep.has(e.source) && keep.has(e.target)) };
}

/**
 * What the graph draws of `graph`: grouped past `threshold` nodes; below it, repeated units
 * collapsed (./collapseRepeats.ts) — unless `drilled` (the graph is a group's nodes, asked for).
 */
export function drawnGraph(graph: CausationGraph, by: GroupBy, drilled: boolean, threshold = GROUP_THRESHOLD): CausationGraph & { readonly grouped: boolean; readonly collapsed: number } {
  const grouped = groupGraph(graph, by, threshold);
  return grouped.grouped || drilled ? { ...grouped, collapsed: 0 } : { ...collapseRepeats(graph), grouped: false };
}

/** The group among `nodes` (drawn nodes: groups of a grouped graph, or of repeats) that holds node `id`, if any. */
export function groupHolding(nodes: readonly GraphNode[], id: string): GraphNode | undefined {
  return nodes.find((n) => n.kind === 'group' && n.members?.includes(id));
}
