/**
 * Who moved a graph's view: the graph itself (a fit; a selected or focused node brought into the
 * pane) or the user (a drag, the wheel, the arrow and +/− keys, the zoom buttons, the minimap).
 * The graph moves its view through one setter that tells this record; a view found anywhere else
 * than where the graph put it was moved by the user. Pure; never reads the screen.
 */
import type { Viewport } from './fitViewport';

/** The graph's own moves: a fit (the whole graph, or its start, placed afresh) or a node brought into the pane (the least pan, the zoom kept). */
export type OwnMove = 'fit' | 'reveal';

/** Closer than this the view is where it was put (xyflow's transform is not read back bit for bit). */
const near = (a: Viewport, b: Viewport): boolean => Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5 && Math.abs(a.zoom - b.zoom) < 1e-4;

/** One graph's record of its own moves, to tell whether the user has moved its view since it was last fitted. */
export class ViewPlacement {
  private placed: Viewport | undefined;
  /** The user moved the view before the graph's last reveal (which keeps the user's view, only panned). */
  private movedBefore = false;

  /**
   * Records the graph's own move of its view from `from` to `to`. A fit starts afresh; a reveal
   * keeps what the user did before it (a view they zoomed stays theirs once a node is shown in it).
   */
  moved(from: Viewport, to: Viewport, move: OwnMove): void {
    this.movedBefore = move === 'reveal' && this.movedByUser(from);
    this.placed = { x: to.x, y: to.y, zoom: to.zoom };
  }

  /** Whether the view, now at `now`, was moved by the user since the graph last fitted it (or the graph never placed it). */
  movedByUser(now: Viewport): boolean {
    return this.placed === undefined || this.movedBefore || !near(now, this.placed);
  }
}
