/**
 * Text from files and arguments made safe to print on a terminal: control characters (C0, DEL,
 * C1 such as ESC `\u001b` or CSI `\u009b`, line separators, bidirectional overrides) shown as
 * `\uXXXX` escapes instead of being obeyed (no screen clearing, no window titles, no hidden
 * text) — the rule the app's views follow too (src/engine/text/controlChars.ts) — and a long
 * echo shortened. For every name, id, path and message the CLI prints. Pure.
 */
import { escapeControls } from '../engine/text/controlChars';

/** Longest text echoed by default, in UTF-16 code units. */
export const MAX_ECHO = 200;

/** Longest note printed (the product's own sentence, with the names and messages it quotes): a guard against a runaway one, not a cut of an ordinary note. */
export const MAX_NOTE = 2000;

/** `text` with control characters escaped (`\u001b`) and cut to about `max` characters with a note of how much was left out. */
export function printable(text: string, max = MAX_ECHO): string {
  let shown = text;
  let more = '';
  if (text.length > max) {
    let end = max;
    const last = text.charCodeAt(end - 1);
    if (last >= 0xd800 && last <= 0xdbff) end--; // never half a surrogate pair
    shown = text.slice(0, end);
    more = `… (${text.length - end} more characters)`;
  }
  return escapeControls(shown) + more;
}

/** A multi-line message made printable line by line (its own line breaks kept; each line cut at `max`). */
export const printableLines = (text: string, max = MAX_ECHO * 4): string =>
  text
    .split('\n')
    .map((line) => printable(line, max))
    .join('\n');
