/** How the causation graph's minimap paints a node. Pure. */
import type { GraphNode } from './causationGraph';

/** A node's fill and outline in the minimap: a rejection stands out, a batch is an outline round its commands (CSS colors). */
export function minimapPaint(node: Pick<GraphNode, 'kind' | 'outcome'>): { readonly fill: string; readonly stroke: string } {
  const color = node.outcome === 'rejected' ? 'var(--bad)' : node.kind === 'batch' ? 'var(--warn)' : 'var(--border-strong)';
  return node.kind === 'batch' ? { fill: 'transparent', stroke: color } : { fill: color, stroke: 'transparent' };
}
