/**
 * Brings node `id` whole into a pane of `view` px (its padding kept): the least pan, the zoom
 * kept (lib/graph/fitViewport's viewportShowing); nothing when it shows already or is not drawn.
 * Used where a node is selected (RevealSelected) or reached with Tab (CanvasKeys).
 */
import type { useSvelteFlow } from '@xyflow/svelte';
import { viewportShowing, type Padding } from '../../../lib/graph/fitViewport';

export function showNode(flow: ReturnType<typeof useSvelteFlow>, id: string, view: { readonly width: number; readonly height: number }, padding: Padding): void {
  if (!flow.getInternalNode(id)) return;
  const viewport = flow.getViewport();
  const next = viewportShowing(flow.getNodesBounds([id]), viewport, view, padding);
  if (next.x !== viewport.x || next.y !== viewport.y) void flow.setViewport(next);
}
