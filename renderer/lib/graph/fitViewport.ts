/**
 * Where the causation graph is shown when it is fitted: the whole graph when its labels stay
 * readable, else the zoom that keeps them readable, showing the start of the graph (its first
 * commands, top left) with the rest a pan away. Pure; lengths in CSS px, `zoom` a scale.
 */

/** A rectangle: its top-left corner and size. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The room kept free around the fitted graph (for the zoom controls and the minimap). */
export interface Padding {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

/** A viewport as xyflow takes it: the graph's origin on screen and the scale. */
export interface Viewport {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

/** A node's label is 12 px (FlowNode.svelte): at this zoom or more it shows at 11 px or more. */
export const READABLE_ZOOM = 11 / 12;

/**
 * The viewport that fits `bounds` in a `view` less `padding`, zoomed at most `maxZoom` and at
 * least `minZoom`. On an axis where the graph fits it is centred; on one where it does not (the
 * zoom stopped at `minZoom`) it starts at the padding, so the graph's beginning shows.
 */
export function fitViewport(bounds: Box, view: { readonly width: number; readonly height: number }, padding: Padding, minZoom = READABLE_ZOOM, maxZoom = 1.2): Viewport {
  const room = { width: Math.max(1, view.width - padding.left - padding.right), height: Math.max(1, view.height - padding.top - padding.bottom) };
  const fit = Math.min(room.width / Math.max(1, bounds.width), room.height / Math.max(1, bounds.height));
  const zoom = Math.max(minZoom, Math.min(maxZoom, fit));
  const place = (start: number, size: number, free: number, pad: number): number => {
    const shown = size * zoom;
    return (shown <= free ? pad + (free - shown) / 2 : pad) - start * zoom;
  };
  return { x: place(bounds.x, bounds.width, room.width, padding.left), y: place(bounds.y, bounds.height, room.height, padding.top), zoom };
}

/**
 * `viewport` moved as little as possible so that `box` (graph coordinates) shows inside `view`
 * less `padding`, the zoom kept: the same viewport when it already shows; a box bigger than the
 * room shows its start (top, left). For a selected node that a narrower pane would hide.
 */
export function viewportShowing(box: Box, viewport: Viewport, view: { readonly width: number; readonly height: number }, padding: Padding): Viewport {
  const { zoom } = viewport;
  const shift = (offset: number, start: number, size: number, room: number, before: number, after: number): number => {
    const from = offset + start * zoom;
    const to = from + size * zoom;
    if (from < before || to - from > room - before - after) return offset + before - from;
    if (to > room - after) return offset + room - after - to;
    return offset;
  };
  return { x: shift(viewport.x, box.x, box.width, view.width, padding.left, padding.right), y: shift(viewport.y, box.y, box.height, view.height, padding.top, padding.bottom), zoom };
}
