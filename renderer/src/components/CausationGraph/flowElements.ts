/**
 * The drawn causation graph as xyflow's nodes and edges, laid out (lib/graph/layoutGraph): a
 * batch is drawn under its commands, a group's member count on an edge of many. Nodes are not
 * dragged or connected; the selection is applied apart (selecting only restyles). Nodes and edges
 * are named in words (nodeName, edgeName), never by their internal ids.
 */
import type { Edge, Node } from '@xyflow/svelte';
import type { CausationGraph } from '../../../lib/graph/causationGraph';
import { layoutGraph } from '../../../lib/graph/layoutGraph';
import { edgeName, nodeName } from '../../../lib/graph/nodeName';

export function flowElements(graph: CausationGraph | undefined): { nodes: Node[]; edges: Edge[] } {
  if (!graph) return { nodes: [], edges: [] };
  const boxes = layoutGraph(graph);
  const nodes: Node[] = graph.nodes.map((n) => {
    const b = boxes.get(n.id) ?? { x: 0, y: 0, width: 180, height: 48 };
    return {
      id: n.id,
      type: n.kind === 'batch' ? 'batch' : 'flow',
      position: { x: b.x, y: b.y },
      width: b.width,
      height: b.height,
      data: { node: n },
      draggable: false,
      connectable: false,
      ariaLabel: nodeName(n),
      ...(n.parent ? { parentId: n.parent } : {}),
      ...(n.kind === 'batch' ? { zIndex: -1, selectable: true } : {}),
    };
  });
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const edges: Edge[] = graph.edges.map((e) => ({
    id: e.id, source: e.source, target: e.target, selectable: false, ariaLabel: edgeName(byId.get(e.source), byId.get(e.target), e.count),
    ...(e.count && e.count > 1 ? { label: `×${e.count}` } : {}),
  }));
  return { nodes, edges };
}
