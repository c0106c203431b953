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

/**
 * `fitViewport`, then moved the least that shows `selected` (a node's box, graph coordinates)
 * when there is one: a tall graph fitted while one of its nodes is selected (opened from another
 * view, its details narrowing the pane) shows that node, not the graph's start.
 */
export function fitViewportShowing(bounds: Box, view: { readonly width: number; readonly height: number }, padding: Padding, selected: Box | undefined): Viewport {
  const fitted = fitViewport(bounds, view, padding);
  return selected ? viewportShowing(selected, fitted, view, padding) : fitted;
}

/**
 * `viewport` moved sideways as little as possible so that the whole width of `bounds` (every
 * column of the graph) shows inside `view` less `padding`, when it can at this zoom; the height
 * and the zoom as they are. For a pane narrowed under a graph the user has moved in.
 */
export function viewportWithColumns(bounds: Box, viewport: Viewport, view: { readonly width: number }, padding: Padding): Viewport {
  const shown = bounds.width * viewport.zoom;
  if (shown > view.width - padding.left - padding.right) return viewport;
  const left = viewport.x + bounds.x * viewport.zoom;
  if (left < padding.left) return { ...viewport, x: viewport.x + padding.left - left };
  const over = left + shown - (view.width - padding.right);
  return over > 0 ? { ...viewport, x: viewport.x - over } : viewport;
}

/** How many px wider `viewWidth` must be to show the whole width of `bounds` at `zoom` (readable labels) inside `padding`: 0 or less when it does (minus the px to spare). */
export function widthShort(bounds: Box, viewWidth: number, padding: Padding, zoom = READABLE_ZOOM): number {
  return Math.ceil(bounds.width * zoom + padding.left + padding.right - viewWidth);
}
