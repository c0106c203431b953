/**
 * The one rule for showing text a log or a user supplied (names, ids, types, streams, paths,
 * messages) without letting it act on the screen: control characters — C0, DEL, C1 such as ESC
 * `\u001b` or CSI `\u009b`, the line and paragraph separators — and the bidirectional overrides,
 * embeddings and isolates (U+202A–U+202E, U+2066–U+2069, which make `TXE.exe` read `exe.EXT`)
 * are written as `\uXXXX` escapes instead of being obeyed. A terminal (the CLI's `printable`) and
 * the app's views show the same escapes. Pure.
 */

/** Characters a terminal may obey, or that hide or reorder the text shown around them. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Whether `text` holds a character {@link escapeControls} escapes. */
export const hasControls = (text: string): boolean => {
  CONTROL.lastIndex = 0;
  const found = CONTROL.test(text);
  CONTROL.lastIndex = 0;
  return found;
};

/** `text` with every control and bidirectional-control character written as its `\uXXXX` escape (a line break too: one line out). */
export const escapeControls = (text: string): string => text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** Text of several lines (a pretty-printed payload, a record as the file has it) escaped line by line: its `\n` line breaks kept, a `\r` before one too, every other control escaped. */
export const escapeControlLines = (text: string): string =>
  text
    .split('\n')
    .map((line) => (line.endsWith('\r') ? `${escapeControls(line.slice(0, -1))}\r` : escapeControls(line)))
    .join('\n');
