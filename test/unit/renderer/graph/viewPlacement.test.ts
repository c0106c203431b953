/** The graph tells its own moves of the view (fits, a node brought into the pane) from the user's, so a resize refits a view the user has not moved. */
import { describe, expect, it } from 'vitest';
import { ViewPlacement } from '../../../../renderer/lib/graph/viewPlacement';

const fitted = { x: 16, y: 16, zoom: 0.9 };

describe('who moved the graph view', () => {
  it('before the graph placed it, the view is not the graph’s own (xyflow’s first fit is left alone)', () => {
    expect(new ViewPlacement().movedByUser(fitted)).toBe(true);
  });

  it('a fitted view is the graph’s; dragged, wheeled or moved with the arrow keys it is the user’s', () => {
    const placement = new ViewPlacement();
    placement.moved({ x: 0, y: 0, zoom: 1 }, fitted, 'fit');
    expect(placement.movedByUser(fitted)).toBe(false);
    // read back from the transform a hair off
    expect(placement.movedByUser({ x: 16.2, y: 15.9, zoom: 0.9 })).toBe(false);
    expect(placement.movedByUser({ x: -64, y: 16, zoom: 0.9 })).toBe(true);
    expect(placement.movedByUser({ x: 16, y: 16, zoom: 1.1 })).toBe(true);
  });

  it('a selected or focused node brought into the pane after a fit leaves the view the graph’s own: a resize fits it again', () => {
    const placement = new ViewPlacement();
    placement.moved({ x: 0, y: 0, zoom: 1 }, fitted, 'fit');
    const shown = { x: -420, y: 16, zoom: 0.9 };
    placement.moved(fitted, shown, 'reveal');
    expect(placement.movedByUser(shown)).toBe(false);
  });

  it('a node brought into a view the user had moved leaves it the user’s; the next fit makes it the graph’s again', () => {
    const placement = new ViewPlacement();
    placement.moved({ x: 0, y: 0, zoom: 1 }, fitted, 'fit');
    const zoomed = { x: 16, y: 16, zoom: 1.2 };
    const shown = { x: -300, y: 16, zoom: 1.2 };
    placement.moved(zoomed, shown, 'reveal');
    expect(placement.movedByUser(shown)).toBe(true);
    placement.moved(shown, fitted, 'fit');
    expect(placement.movedByUser(fitted)).toBe(false);
  });
});
