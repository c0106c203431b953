import { describe, expect, it } from 'vitest';
import { fitViewport, fitViewportShowing, READABLE_ZOOM, viewportShowing, widthShort } from '../../../../renderer/lib/graph/fitViewport';

const pad = { top: 16, right: 16, bottom: 16, left: 56 };

describe('fitting the causation graph', () => {
  it('shows a small graph whole and centred, no larger than the most zoom', () => {
    const v = fitViewport({ x: 0, y: 0, width: 200, height: 100 }, { width: 672, height: 532 }, pad);
    expect(v.zoom).toBe(1.2);
    expect(v.x).toBeCloseTo(56 + (600 - 240) / 2);
    expect(v.y).toBeCloseTo(16 + (500 - 120) / 2);
  });

  it('shrinks a graph that fits at a readable zoom', () => {
    const v = fitViewport({ x: 10, y: 20, width: 600, height: 540 }, { width: 672, height: 532 }, pad);
    expect(v.zoom).toBeCloseTo(500 / 540);
    expect(v.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
  });

  it('keeps labels readable on a big graph: the zoom stops at 11 px labels and the graph starts top left', () => {
    // the graph of a 40-order run at 1280×720: a column three times the height of the canvas
    const v = fitViewport({ x: -30, y: -40, width: 420, height: 1500 }, { width: 614, height: 545 }, pad);
    expect(v.zoom).toBe(READABLE_ZOOM);
    expect(12 * v.zoom).toBeCloseTo(11);
    expect(v.y).toBeCloseTo(16 + 40 * READABLE_ZOOM); // its top at the padding
    expect(v.x).toBeCloseTo(56 + (542 - 420 * READABLE_ZOOM) / 2 + 30 * READABLE_ZOOM); // centred across: it fits that way
  });
});

describe('keeping a node in view', () => {
  const view = { width: 600, height: 400 };
  const even = { top: 16, right: 16, bottom: 16, left: 16 };

  it('leaves the viewport alone when the node already shows', () => {
    const at = { x: -100, y: -50, zoom: 1 };
    expect(viewportShowing({ x: 200, y: 100, width: 220, height: 48 }, at, view, even)).toEqual(at);
  });

  it('pans the least that brings a node cut off on the right or below back inside the padding', () => {
    // the pane narrowed to 600 px (details opened): the node's right edge at 700 px
    const v = viewportShowing({ x: 480, y: 380, width: 220, height: 48 }, { x: 0, y: 0, zoom: 1 }, view, even);
    expect(v).toEqual({ x: 600 - 16 - 700, y: 400 - 16 - 428, zoom: 1 });
  });

  it('pans a node above or left of the pane down and right, at the zoom it was', () => {
    const v = viewportShowing({ x: 100, y: 100, width: 200, height: 40 }, { x: -150, y: -150, zoom: 0.5 }, view, even);
    expect(v).toEqual({ x: 16 - 50, y: 16 - 50, zoom: 0.5 });
  });

  it('shows the start of a node bigger than the room (a tall batch)', () => {
    const v = viewportShowing({ x: 0, y: 0, width: 300, height: 900 }, { x: 0, y: -200, zoom: 1 }, view, even);
    expect(v.y).toBe(16);
    expect(v.x).toBe(16);
  });
});

describe('widthShort', () => {
  const pad = { top: 16, right: 16, bottom: 16, left: 16 };
  it('says how many px a pane lacks to show the whole width of a graph at readable labels, 0 or less (the px to spare) when it shows', () => {
    const bounds = { x: 0, y: 0, width: 720, height: 300 };
    // 720 × 11/12 = 660, and the padding: 692
    expect(widthShort(bounds, 645, pad)).toBe(47);
    expect(widthShort(bounds, 692, pad)).toBe(0);
    expect(widthShort(bounds, 900, pad)).toBe(-208);
  });
});

describe('fitting with a node selected', () => {
  // a drilled-down group of 104 orders at 1440×900 with the details open: a column 6,700 px tall
  const bounds = { x: 0, y: 0, width: 660, height: 6700 };
  const view = { width: 766, height: 714 };
  const even = { top: 16, right: 16, bottom: 16, left: 16 };
  const inside = (box: { x: number; y: number; width: number; height: number }, v: { x: number; y: number; zoom: number }): boolean =>
    v.x + box.x * v.zoom >= even.left && v.x + (box.x + box.width) * v.zoom <= view.width - even.right &&
    v.y + box.y * v.zoom >= even.top && v.y + (box.y + box.height) * v.zoom <= view.height - even.bottom;

  it('shows the selected node far down a tall graph at the readable zoom, not the start', () => {
    const node = { x: 245, y: 6620, width: 190, height: 40 };
    const v = fitViewportShowing(bounds, view, even, node);
    expect(v.zoom).toBe(READABLE_ZOOM);
    expect(inside(node, v)).toBe(true);
    expect(v.x).toBe(fitViewport(bounds, view, even).x);
  });

  it('is the plain fit with no node selected, or one the fit already shows', () => {
    const fitted = fitViewport(bounds, view, even);
    expect(fitViewportShowing(bounds, view, even, undefined)).toEqual(fitted);
    expect(fitViewportShowing(bounds, view, even, { x: 0, y: 0, width: 190, height: 40 })).toEqual(fitted);
  });
});
