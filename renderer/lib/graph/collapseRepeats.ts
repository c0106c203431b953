/**
 * Keeps a graph readable at fit: where three or more sibling units repeat the same shape — a
 * command (or nested batch) with everything it caused, the same types and outcomes, one after
 * another under the same parent — the first is drawn and the others become one group node
 * ("×11 more like it"), which drills into them like any group. A unit whose decision broke an
 * invariant is not like one that broke nothing: it is drawn, not hidden in a group. Pure.
 */
import { brokeField, invariantNames } from './brokenInvariants';
import type { CausationGraph, GraphNode } from './causationGraph';

/** Sibling units repeated this many times or more are collapsed. */
export const REPEAT_RUN = 3;

/** A unit: a command or batch node and every node it contains or caused. */
interface Unit {
  readonly root: GraphNode;
  readonly ids: readonly string[];
  readonly signature: string;
}

/** The graph with runs of same-shaped sibling units collapsed; itself when nothing repeats. */
export function collapseRepeats(graph: CausationGraph): CausationGraph & { readonly collapsed: number } {
  const effects = new Map<string, string[]>();
  for (const e of graph.edges) effects.set(e.source, [...(effects.get(e.source) ?? []), e.target]);
  const children = new Map<string, string[]>();
  for (const n of graph.nodes) if (n.parent) children.set(n.parent, [...(children.get(n.parent) ?? []), n.id]);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const order = new Map(graph.nodes.map((n, i) => [n.id, i]));

  const unitOf = (root: GraphNode): Unit => {
    const seen = new Set<string>();
    const stack = [root.id];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      for (const next of [...(effects.get(id) ?? []), ...(children.get(id) ?? [])]) stack.push(next);
    }
    const ids = [...seen].sort((a, b) => order.get(a)! - order.get(b)!);
    const signature = ids.map((id) => {
      const n = byId.get(id)!;
      return `${n.kind}:${n.kind === 'batch' ? '' : n.label}:${n.outcome}${n.broke ? `:broke ${invariantNames(n.broke).join(',')}` : ''}`;
    }).join('|');
    return { root, ids, signature };
  };

  // sibling units under each parent ('' = the top level), in drawing order
  const siblings = new Map<string, Unit[]>();
  for (const n of graph.nodes) {
    if ((n.kind !== 'command' && n.kind !== 'batch') || n.outside) continue;
    const key = n.parent ?? '';
    siblings.set(key, [...(siblings.get(key) ?? []), unitOf(n)]);
  }

  const hidden = new Set<string>();
  const groups: GraphNode[] = [];
  for (const units of siblings.values()) {
    for (let start = 0; start < units.length; ) {
      let end = start + 1;
      while (end < units.length && units[end].signature === units[start].signature) end++;
      if (end - start >= REPEAT_RUN) {
        const rest = units.slice(start + 1, end);
        const members = rest.flatMap((u) => u.ids);
        for (const id of members) hidden.add(id);
        const first = units[start].root;
        const count = ` ×${rest.length} more`;
        groups.push({
          id: `repeat:${rest[0].root.id}`,
          kind: 'group',
          label: `${first.label}${count}`,
          labelTail: count,
          sub: `like the one above · ${members.length} nodes`,
          outcome: first.outcome,
          t: rest[0].root.t,
          flow: first.flow,
          ...(first.parent ? { parent: first.parent } : {}),
          ...(first.stream !== undefined ? { stream: first.stream } : {}),
          count: members.length,
          members,
          ...brokeField(members.map((id) => byId.get(id)!)),
        });
      }
      start = end;
    }
  }
  if (groups.length === 0) return { ...graph, collapsed: 0 };
  // each group goes where its first hidden unit was, so the drawing keeps the run's order
  const nodes: GraphNode[] = [];
  const groupAt = new Map(groups.map((g) => [g.members![0], g]));
  for (const n of graph.nodes) {
    const g = groupAt.get(n.id);
    if (g) nodes.push(g);
    if (!hidden.has(n.id)) nodes.push(n);
  }
  const edges = graph.edges.filter((e) => !hidden.has(e.source) && !hidden.has(e.target));
  return { nodes, edges, collapsed: hidden.size };
}
