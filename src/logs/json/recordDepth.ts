/**
 * How deeply a record's text may nest (logs.md: a record nested deeper is `malformed`), checked
 * on the text before any walk that would need the stack. Pure.
 */

/** Levels of nesting a record may have: more is refused as malformed (deeper walks would need the stack). */
export const MAX_RECORD_DEPTH = 512;

/** Whether a record's text nests more than MAX_RECORD_DEPTH levels (only long texts can). */
export function tooDeep(text: string): boolean {
  if (text.length < 2 * MAX_RECORD_DEPTH) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > MAX_RECORD_DEPTH) return true;
    } else if (c === 125 || c === 93) depth--;
  }
  return false;
}
