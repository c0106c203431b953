/**
 * Brings node `id` whole into a pane of `view` px (its padding kept): the least pan, the zoom
 * kept (lib/graph/fitViewport's viewportShowing); nothing when it shows already or is not drawn.
 * Used where a node is selected (RevealSelected) or reached with Tab (CanvasKeys): the graph's own
 * move (placeView), which a resize of the pane may fit again, not the user's.
 */
import { viewportShowing, type Padding } from '../../../lib/graph/fitViewport';
import type { ViewPlacement } from '../../../lib/graph/viewPlacement';
import { placeView, type Flow } from './placeView';

export function showNode(flow: Flow, placement: ViewPlacement, id: string, view: { readonly width: number; readonly height: number }, padding: Padding): void {
  if (!flow.getInternalNode(id)) return;
  const viewport = flow.getViewport();
  const next = viewportShowing(flow.getNodesBounds([id]), viewport, view, padding);
  if (next.x !== viewport.x || next.y !== viewport.y) placeView(flow, placement, next, 'reveal');
}
