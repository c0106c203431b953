import { describe, expect, it } from 'vitest';
import { PAN_BIG_STEP_PX, PAN_STEP_PX, panFor } from '../../../../renderer/lib/graph/canvasKeys';
import { viewportWithColumns } from '../../../../renderer/lib/graph/fitViewport';

describe('panFor', () => {
  it('moves the view toward the arrow: the graph shifts the other way', () => {
    expect(panFor('ArrowRight', false)).toEqual({ x: -PAN_STEP_PX, y: 0 });
    expect(panFor('ArrowLeft', false)).toEqual({ x: PAN_STEP_PX, y: 0 });
    expect(panFor('ArrowDown', true)).toEqual({ x: 0, y: -PAN_BIG_STEP_PX });
    expect(panFor('ArrowUp', false)).toEqual({ x: 0, y: PAN_STEP_PX });
    expect(panFor('Enter', false)).toBeUndefined();
  });
});

describe('viewportWithColumns', () => {
  const pad = { top: 16, right: 16, bottom: 16, left: 16 };
  it('shifts a graph that fits the pane sideways so every column shows, and leaves a wider one', () => {
    const bounds = { x: 0, y: 0, width: 600, height: 3000 };
    expect(viewportWithColumns(bounds, { x: 0, y: -400, zoom: 1 }, { width: 700 }, pad)).toEqual({ x: 16, y: -400, zoom: 1 });
    expect(viewportWithColumns(bounds, { x: 90, y: -400, zoom: 1 }, { width: 700 }, pad)).toEqual({ x: 84, y: -400, zoom: 1 });
    expect(viewportWithColumns(bounds, { x: 40, y: 0, zoom: 1 }, { width: 700 }, pad)).toEqual({ x: 40, y: 0, zoom: 1 });
    expect(viewportWithColumns(bounds, { x: -50, y: 0, zoom: 1 }, { width: 500 }, pad)).toEqual({ x: -50, y: 0, zoom: 1 });
  });
});
