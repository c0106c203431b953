/**
 * Automatic layout of a causation graph with dagre (left to right: commands, events, enactments),
 * then its separate pieces (a command or batch with everything it caused) stacked top to bottom
 * in time order, so the graph reads like the run. The effects of one cause keep the graph's order
 * (recording order) top to bottom: a decision's `TransferSent` is drawn above the
 * `TransferReceived` recorded after it. Pure.
 */
import dagre from '@dagrejs/dagre';
import { markerLines } from './brokenInvariants';
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
  cause: { width: 220, height: 48 },
  event: { width: 220, height: 48 },
  rejection: { width: 220, height: 48 },
  enactment: { width: 170, height: 44 },
  group: { width: 220, height: 52 },
};

/** The height of a line of a node's violation marker, under its detail line (FlowNode.svelte). */
export const MARKER_LINE = 15;

/** The width of a character of a node's detail line (11 px sans-serif: about 5.5 px in Chromium's, a little over so the line never reaches the CSS ellipsis). */
export const SUB_CHAR_PX = 6.2;
/** A node's padding and borders across (FlowNode.svelte: 9 px each side, a 4 px left border, a 1 px right one). */
const NODE_CHROME_PX = 23;
/** The widest a group grows for its detail line; past it the line ends in an ellipsis (whole in the tooltip). */
export const GROUP_MAX_WIDTH = 320;

/**
 * A node's box size: its kind's, taller by the `markerLines` of its violation marker (see
 * ./brokenInvariants.ts); a group as wide as its detail line `sub` needs ("enactment · 6 failed · from
 * PlaceOrder", ./groupGraph.ts), from its kind's width up to {@link GROUP_MAX_WIDTH}.
 */
export function nodeSize(kind: Exclude<GraphNode['kind'], 'batch'>, markerLines: number, sub = ''): { width: number; height: number } {
  const size = NODE_SIZE[kind];
  const width = kind === 'group' ? Math.min(GROUP_MAX_WIDTH, Math.max(size.width, Math.ceil(sub.length * SUB_CHAR_PX) + NODE_CHROME_PX)) : size.width;
  return { width, height: size.height + markerLines * MARKER_LINE };
}

const PAD = 8;
const HEADER = 24;

/** Lays the graph out; batch groups get boxes around their commands; children's positions are parent-relative. */
export function layoutGraph(graph: CausationGraph): Map<string, NodeBox> {
  const g = new dagre.graphlib.Graph({ compound: true, multigraph: false });
  // ranks 56 apart: a run's three columns, nested batches and all, fit at readable labels beside a lesson at 1280 px
  g.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 56, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of graph.nodes) {
    if (n.kind === 'batch') g.setNode(n.id, { paddingTop: PAD + HEADER, paddingBottom: PAD, paddingLeft: PAD, paddingRight: PAD });
    else g.setNode(n.id, nodeSize(n.kind, markerLines(n), n.sub));
  }
  for (const n of graph.nodes) if (n.parent && g.hasNode(n.parent)) g.setParent(n.id, n.parent);
  for (const e of graph.edges) if (g.hasNode(e.source) && g.hasNode(e.target)) g.setEdge(e.source, e.target);
  dagre.layout(g, { constraints: siblingOrder(graph) });

  const abs = new Map<string, NodeBox>();
  for (const n of graph.nodes) {
    const d = g.node(n.id);
    if (!d) continue;
    abs.set(n.id, { x: d.x - d.width / 2, y: d.y - d.height / 2, width: d.width, height: d.height });
  }
  // Batch boxes: make room for the header above the children; inner batches (listed after their parents) first.
  for (const n of [...graph.nodes].reverse()) {
    if (n.kind !== 'batch') continue;
    const children = graph.nodes.filter((c) => c.parent === n.id).map((c) => abs.get(c.id)!).filter(Boolean);
    if (children.length === 0) continue;
    const x = Math.min(...children.map((c) => c.x)) - PAD;
    const y = Math.min(...children.map((c) => c.y)) - PAD - HEADER;
    const right = Math.max(...children.map((c) => c.x + c.width)) + PAD;
    const bottom = Math.max(...children.map((c) => c.y + c.height)) + PAD;
    abs.set(n.id, { x, y, width: right - x, height: bottom - y });
  }
  stackByTime(graph, abs);
  const out = new Map<string, NodeBox>();
  for (const n of graph.nodes) {
    const box = abs.get(n.id);
    if (!box) continue;
    const parent = n.parent ? abs.get(n.parent) : undefined;
    out.set(n.id, parent ? { ...box, x: box.x - parent.x, y: box.y - parent.y } : box);
  }
  return out;
}

/**
 * Order constraints for dagre (`left` before `right` within a rank: above it, left to right):
 * each pair of consecutive effects of one cause in the graph's node order (recording order).
 * Without them dagre's crossing reduction may swap two effects of one decision. Built from one
 * total order, so they never form a cycle. Batches are left to dagre, which orders subgraphs with
 * constraints of its own (and keeps a batch's commands in order without more: constraining them
 * too made it cross their effects' edges).
 */
export function siblingOrder(graph: CausationGraph): { left: string; right: string }[] {
  const batches = new Set(graph.nodes.filter((n) => n.kind === 'batch').map((n) => n.id));
  const causes = new Map<string, string[]>();
  for (const e of graph.edges) if (!batches.has(e.target)) causes.set(e.target, [...(causes.get(e.target) ?? []), e.source]);
  const lastEffect = new Map<string, string>();
  const out: { left: string; right: string }[] = [];
  for (const n of graph.nodes) {
    for (const cause of causes.get(n.id) ?? []) {
      const before = lastEffect.get(cause);
      if (before !== undefined) out.push({ left: before, right: n.id });
      lastEffect.set(cause, n.id);
    }
  }
  return out;
}

const STACK_GAP = 24;

/** Restacks the graph's connected pieces (absolute boxes) vertically by their earliest time; in place. */
function stackByTime(graph: CausationGraph, abs: Map<string, NodeBox>): void {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.has(root)) root = parent.get(root)!;
    return root;
  };
  const union = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  };
  for (const e of graph.edges) if (abs.has(e.source) && abs.has(e.target)) union(e.source, e.target);
  for (const n of graph.nodes) if (n.parent && abs.has(n.parent) && abs.has(n.id)) union(n.id, n.parent);
  const pieces = new Map<string, { ids: string[]; t: number; order: number; top: number; bottom: number }>();
  graph.nodes.forEach((n, order) => {
    const box = abs.get(n.id);
    if (!box) return;
    const root = find(n.id);
    const piece = pieces.get(root) ?? { ids: [], t: Infinity, order, top: Infinity, bottom: -Infinity };
    piece.ids.push(n.id);
    piece.t = Math.min(piece.t, n.t);
    piece.top = Math.min(piece.top, box.y);
    piece.bottom = Math.max(piece.bottom, box.y + box.height);
    pieces.set(root, piece);
  });
  if (pieces.size < 2) return;
  let cursor = Math.min(...[...pieces.values()].map((p) => p.top));
  for (const piece of [...pieces.values()].sort((a, b) => a.t - b.t || a.order - b.order)) {
    const shift = cursor - piece.top;
    for (const id of piece.ids) {
      const box = abs.get(id)!;
      abs.set(id, { ...box, y: box.y + shift });
    }
    cursor += piece.bottom - piece.top + STACK_GAP;
  }
}
