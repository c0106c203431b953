/**
 * One record read as a log record by ./logInspector: why a text is not JSON, in words; the text
 * of a record that came parsed; and a JSON object read under the profile, numbers parsed again
 * exactly when a position needs them. Pure.
 */
import { parseWithNumberText } from './json/exactJson';
import { consoleOutputLine } from './json/consoleOutput';
import { copyEscapes, type ExportHints } from './json/exportHint';
import { recordJsonError } from './json/recordJsonError';
import { NEEDS_EXACT, problem, type FieldReader, type JsonObject, type ReadResult } from './profiles';

/** Why the text of the record on `line` is not JSON (`error`: JSON.parse's): a console's output line, a line of a CSV or psql table export (`exports` remembers the table its header names), or the JSON error with a hint on copied escapes. */
export function notJsonReason(text: string, line: number, error: Error, exports: ExportHints): string {
  return consoleOutputLine(text) ?? exports.line(text) ?? withHint(recordJsonError(error.message, text, line), copyEscapes(text));
}

/** The text of a record that came parsed (a store's row, a broker's message): its JSON (`null` for nothing), empty when it cannot be written. */
export function parsedRecordText(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'null';
  } catch {
    return '';
  }
}

/**
 * A record's JSON object read under the profile: what it was read as (a `malformed` problem when
 * it cannot be read) and the object read — parsed again from `text` with exact numbers when a
 * position is too large for a number.
 */
export function readRecordObject(reader: FieldReader, value: JsonObject, text: string): { readonly read: ReadResult; readonly value: JsonObject } {
  let read: ReadResult | typeof NEEDS_EXACT;
  try {
    read = reader.read(value);
    if (read === NEEDS_EXACT) {
      value = parseWithNumberText(text) as JsonObject;
      read = reader.read(value);
    }
  } catch (e) {
    // a reviver or a field read through a record nested too deeply for the stack
    return { read: problem('malformed', e instanceof RangeError ? 'the record is nested too deeply to read' : `cannot read the record: ${(e as Error).message}`), value };
  }
  if (read === NEEDS_EXACT) return { read: problem('malformed', 'a position is too large to read exactly here'), value };
  return { read, value };
}

/** A message with a hint after it, when there is one. */
const withHint = (message: string, hint: string | undefined): string => (hint === undefined ? message : `${message}; ${hint}`);
