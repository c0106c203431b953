/** Shortening text for display without breaking what a reader sees as one character. Pure. */

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** `text` cut to at most `max` UTF-16 units with an ellipsis, never inside a character or a grapheme cluster (an emoji, a flag, a letter with its accents). */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = 0;
  for (const { index, segment } of graphemes.segment(text)) {
    if (index + segment.length > max - 1) break;
    end = index + segment.length;
  }
  return text.slice(0, end) + '…';
}
