/** A causation-graph node's label as the canvas shows it in the room it has: a long type keeps its last part (`…library.BookLent`). Pure. */
import { elideName } from '../text/elideName';

/** The width of a character of a node's label (12 px monospace, bold: about 0.6 em, a little over so a label never reaches the CSS ellipsis). */
export const LABEL_CHAR_PX = 7.25;

/** A group of repeats' count after its first member's type (../graph/collapseRepeats.ts: `AddGalleryImage ×9 more`). */
const REPEATS = / ×\d+ more$/;

/** `label` shortened to fit `roomPx` (see elideName), a group's count of repeats kept whole (only the type is shortened); whole while the room is not measured yet (0). */
export function nodeLabel(label: string, roomPx: number): string {
  if (roomPx <= 0) return label;
  const max = Math.max(1, Math.floor(roomPx / LABEL_CHAR_PX));
  const count = REPEATS.exec(label)?.[0] ?? '';
  if (!count || label.length <= max || max - count.length < 4) return elideName(label, max);
  return `${elideName(label.slice(0, -count.length), max - count.length)}${count}`;
}
