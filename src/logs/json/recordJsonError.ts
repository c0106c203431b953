/**
 * JSON.parse's message about one record, with the place said in the file's terms. V8 counts
 * from the record's own start (`… in JSON at position 24 (line 1 column 25)`), which after the
 * `file:line:` prefix reads as the file's line 1; this says `at column 25` (the record's first
 * line) or `on line 14, column 3` (a record spanning lines). Pure.
 */

/** V8's `in JSON at position P` (or `after JSON at …`, for text after a complete value) with its optional `(line L column C)`. */
const V8_POSITION = / (in|after) JSON at position (\d+)(?: \(line \d+ column \d+\))?/;

/**
 * `message` (thrown by JSON.parse on `text`, a record starting on physical line `line`) with
 * the position given as a column of the record's first line, or as a later line and column.
 */
export function recordJsonError(message: string, text: string, line: number): string {
  const m = V8_POSITION.exec(message);
  if (!m) return message;
  const reason = message.slice(0, m.index) + (m[1] === 'after' ? " after the record's JSON value" : '') + message.slice(m.index + m[0].length);
  const offset = Math.min(Number(m[2]), text.length);
  const before = text.slice(0, offset);
  const newlines = before.split('\n').length - 1;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return newlines === 0 ? `${reason} at column ${column}` : `${reason} on line ${line + newlines}, column ${column}`;
}
