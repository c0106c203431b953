/**
 * Lines that are not JSON because of how a store's rows were exported — said as such, with how
 * to export JSON Lines instead: a CSV export (`\copy … to 'f.csv' csv header`), and psql's `\copy`
 * of `row_to_json`, whose text format doubles every backslash (`\"` in a payload becomes `\\"`,
 * which ends the string early). Only ever asked about a line that failed to parse; pure.
 */

/** A CSV field: unquoted (no quote, comma or bracket), or quoted with doubled quotes inside. */
const FIELD = String.raw`(?:[^,"{}\[\]]*|"(?:[^"]|"")*")`;
/** A row of three or more CSV fields, its first not a JSON value's start. */
const CSV_ROW = new RegExp(`^${FIELD}(?:,${FIELD}){2,}$`);
/** A header row: three or more column names. */
const CSV_HEADER = /^"?[A-Za-z_][\w ]*"?(?:,"?[A-Za-z_][\w ]*"?){2,}$/;

/** How to export a store's table as JSON Lines (one object per row, nothing escaped again). */
const jsonLines = ({ table, order }: { readonly table: string; readonly order?: string }): string =>
  `export JSON Lines instead, one object per row: psql -At -c "select row_to_json(t) from ${table} t${order !== undefined ? ` order by ${order}` : ''}" > log.jsonl`;

const ANY_TABLE = { table: '<table>' };

/** The table a header's columns name (Marten's mt_events, Emmett's emt_messages, Message DB's messages) and its order, else a placeholder. */
function tableOf(columns: readonly string[]): { readonly table: string; readonly order?: string } {
  const has = (...names: string[]) => names.every((n) => columns.includes(n));
  if (has('seq_id', 'stream_id', 'version')) return { table: 'mt_events', order: 'seq_id' };
  if (has('global_position', 'message_type')) return { table: 'emt_messages', order: 'global_position' };
  if (has('global_position', 'stream_name')) return { table: 'messages', order: 'global_position' };
  return ANY_TABLE;
}

/** What a line that is not JSON is when a CSV export wrote it (a header or a row); else undefined. */
export function csvLine(text: string): string | undefined {
  const line = text.trimEnd();
  if (CSV_HEADER.test(line)) {
    const columns = line.split(',').map((c) => c.replace(/"/g, '').trim());
    const shown = columns.length > 4 ? `${columns.slice(0, 4).join(', ')}, …` : columns.join(', ');
    return `a CSV header (${shown}): the file is a CSV export; ${jsonLines(tableOf(columns))}`;
  }
  // a row needs a quoted field with doubled quotes (a JSON column) to be told from a line of prose
  if (line.includes('""') && CSV_ROW.test(line)) return `a CSV row: the file is a CSV export; ${jsonLines(ANY_TABLE)}`;
  return undefined;
}

/** Said after JSON.parse's message when a line has `\\"` (a backslash doubled before a quote): psql's `\copy` escaped it; else undefined. */
export function copyEscapes(text: string): string | undefined {
  if (!text.includes('\\\\"')) return undefined;
  return String.raw`psql's \copy writes its text format, which doubles every backslash (\" became \\" here): ` + jsonLines(ANY_TABLE);
}
