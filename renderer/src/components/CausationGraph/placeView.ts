/**
 * The one setter of a graph's view for the graph's own moves: fits (FitOnChange), bringing a
 * selected node into the pane (RevealSelected) or one reached with Tab (CanvasKeys). It tells the
 * graph's ViewPlacement, so FitOnChange tells them from the user's own moves, which go to xyflow
 * directly (a drag, the wheel, the arrow and +/− keys, the zoom buttons, the minimap).
 */
import type { useSvelteFlow } from '@xyflow/svelte';
import type { Viewport } from '../../../lib/graph/fitViewport';
import type { OwnMove, ViewPlacement } from '../../../lib/graph/viewPlacement';

export type Flow = ReturnType<typeof useSvelteFlow>;

/** Moves the view to `view` as the graph's own `move`, not the user's. */
export function placeView(flow: Flow, placement: ViewPlacement, view: Viewport, move: OwnMove): void {
  const from = flow.getViewport();
  void flow.setViewport(view);
  // without a duration xyflow applies the move at once: what it holds now is the place, as it kept it
  placement.moved(from, flow.getViewport(), move);
}
