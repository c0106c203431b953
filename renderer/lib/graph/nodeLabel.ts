/** A causation-graph node's label as the canvas shows it in the room it has: a long type keeps its last part (`…library.BookLent`). Pure. */
import { elideName } from '../text/elideName';
import type { GraphNode } from './causationGraph';

/** The width of a character of a node's label (12 px monospace, bold: about 0.6 em, a little over so a label never reaches the CSS ellipsis). */
export const LABEL_CHAR_PX = 7.25;

/**
 * A node's `label` shortened to fit `roomPx` (see elideName), its `labelTail` (a group of
 * repeats' count, ./collapseRepeats.ts: `AddGalleryImage ×9 more`) kept whole: only the
 * part before it is shortened. Whole while the room is not measured yet (0).
 */
export function nodeLabel(node: Pick<GraphNode, 'label' | 'labelTail'>, roomPx: number): string {
  const { label, labelTail: tail = '' } = node;
  if (roomPx <= 0) return label;
  const max = Math.max(1, Math.floor(roomPx / LABEL_CHAR_PX));
  if (!tail || label.length <= max || max - tail.length < 4) return elideName(label, max);
  return `${elideName(label.slice(0, -tail.length), max - tail.length)}${tail}`;
}
