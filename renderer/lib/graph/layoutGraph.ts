/** Automatic layout of a causation graph with dagre (left to right: commands, events, enactments). Pure. */
import dagre from '@dagrejs/dagre';
import type { CausationGraph, GraphNode } from './causationGraph';

/** A node's box: top-left position relative to its parent (if any), and size. */
export interface NodeBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Node sizes by kind (groups are sized by dagre around their children). */
export const NODE_SIZE: Record<Exclude<GraphNode['kind'], 'batch'>, { width: number; height: number }> = {
  command: { width: 220, height: 48 },
  event: { width: 220, height: 48 },
  rejection: { width: 220, height: 48 },
  enactment: { width: 170, height: 44 },
  group: { width: 220, height: 52 },
};

const PAD = 8;
const HEADER = 24;

/** Lays the graph out; batch groups get boxes around their commands; children's positions are parent-relative. */
export function layoutGraph(graph: CausationGraph): Map<string, NodeBox> {
  const g = new dagre.graphlib.Graph({ compound: true, multigraph: false });
  g.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 70, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of graph.nodes) {
    if (n.kind === 'batch') g.setNode(n.id, { paddingTop: PAD + HEADER, paddingBottom: PAD, paddingLeft: PAD, paddingRight: PAD });
    else g.setNode(n.id, { ...NODE_SIZE[n.kind] });
  }
  for (const n of graph.nodes) if (n.parent && g.hasNode(n.parent)) g.setParent(n.id, n.parent);
  for (const e of graph.edges) if (g.hasNode(e.source) && g.hasNode(e.target)) g.setEdge(e.source, e.target);
  dagre.layout(g);

  const abs = new Map<string, NodeBox>();
  for (const n of graph.nodes) {
    const d = g.node(n.id);
    if (!d) continue;
    abs.set(n.id, { x: d.x - d.width / 2, y: d.y - d.height / 2, width: d.width, height: d.height });
  }
  // Batch boxes: make room for the header above the children.
  for (const n of graph.nodes) {
    if (n.kind !== 'batch') continue;
    const children = graph.nodes.filter((c) => c.parent === n.id).map((c) => abs.get(c.id)!).filter(Boolean);
    if (children.length === 0) continue;
    const x = Math.min(...children.map((c) => c.x)) - PAD;
    const y = Math.min(...children.map((c) => c.y)) - PAD - HEADER;
    const right = Math.max(...children.map((c) => c.x + c.width)) + PAD;
    const bottom = Math.max(...children.map((c) => c.y + c.height)) + PAD;
    abs.set(n.id, { x, y, width: right - x, height: bottom - y });
  }
  const out = new Map<string, NodeBox>();
  for (const n of graph.nodes) {
    const box = abs.get(n.id);
    if (!box) continue;
    const parent = n.parent ? abs.get(n.parent) : undefined;
    out.set(n.id, parent ? { ...box, x: box.x - parent.x, y: box.y - parent.y } : box);
  }
  return out;
}
