/**
 * Shortening a name so the part that tells it apart stays: a namespaced name (a reverse-DNS
 * CloudEvents type, a path, a URN) loses its leading parts — `com.example.library.BookLent`
 * reads `…library.BookLent` — and its last part, when that alone is too long, or any other name
 * loses its middle. Pure.
 */

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** `text` in at most `max` UTF-16 units: as it is when it fits, else the longest tail after a `.`, `/` or `:` behind an ellipsis, else the two ends of its last part (or of it) around one. */
export function elideName(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return '…';
  let last = text;
  for (const separator of text.matchAll(/[./:]/g)) {
    const tail = text.slice(separator.index + 1);
    if (tail.length === 0) break;
    if (tail.length <= max - 1) return `…${tail}`;
    last = tail;
  }
  return elideMiddle(last, max);
}

/** `text` cut in the middle to at most `max` units, never inside a grapheme cluster; of an odd room the end (where names differ) gets the extra unit. */
function elideMiddle(text: string, max: number): string {
  const bounds = [...graphemes.segment(text)].map((s) => s.index).concat(text.length);
  const room = max - 1;
  const headRoom = Math.floor(room / 2);
  const head = bounds.filter((b) => b <= headRoom).at(-1) ?? 0;
  const tail = bounds.find((b) => text.length - b <= room - head) ?? text.length;
  return `${text.slice(0, head)}…${text.slice(tail)}`;
}
