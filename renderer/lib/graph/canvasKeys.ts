/** How far the graph's view moves for an arrow key on its canvas, in screen px (Shift: a bigger step). Pure. */

/** One step, and one Shift step. */
export const PAN_STEP_PX = 80;
export const PAN_BIG_STEP_PX = 320;

/** The view's shift for `key` (the graph moves the other way from where the user looks), undefined for a key that does not pan. */
export function panFor(key: string, shift: boolean): { readonly x: number; readonly y: number } | undefined {
  const d = shift ? PAN_BIG_STEP_PX : PAN_STEP_PX;
  switch (key) {
    case 'ArrowLeft': return { x: d, y: 0 };
    case 'ArrowRight': return { x: -d, y: 0 };
    case 'ArrowUp': return { x: 0, y: d };
    case 'ArrowDown': return { x: 0, y: -d };
    default: return undefined;
  }
}
