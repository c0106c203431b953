/** A causation-graph node's label as the canvas shows it in the room it has: a long type keeps its last part (`…library.BookLent`). Pure. */
import { elideName } from '../text/elideName';

/** The width of a character of a node's label (12 px monospace, bold: about 0.6 em, a little over so a label never reaches the CSS ellipsis). */
export const LABEL_CHAR_PX = 7.25;

/** `label` shortened to fit `roomPx` (see elideName); whole while the room is not measured yet (0). */
export function nodeLabel(label: string, roomPx: number): string {
  return roomPx > 0 ? elideName(label, Math.max(1, Math.floor(roomPx / LABEL_CHAR_PX))) : label;
}
