/**
 * Lines that are not JSON because of how a store's rows were exported — said as such, with how
 * to export JSON Lines instead: a CSV export (`\copy … to 'f.csv' csv header`), psql's default
 * table output (`psql -c "select * from emt_messages" > f.txt`: a header, `|` between columns,
 * dashes, `(13 rows)`), and psql's `\copy` of `row_to_json`, whose text format doubles every
 * backslash (`\"` in a payload becomes `\\"`, which ends the string early). Only ever asked
 * about a line that failed to parse; pure but for {@link ExportHints}' memory of the header.
 */

/** A CSV field: unquoted (no quote, comma or bracket; or an empty JSON object or array), or quoted with doubled quotes inside. */
const FIELD = String.raw`(?:[^,"{}\[\]]*|\{\}|\[\]|"(?:[^"]|"")*")`;
/** A row of three or more CSV fields, its first not a JSON value's start. */
const CSV_ROW = new RegExp(`^${FIELD}(?:,${FIELD}){2,}$`);
/** A header row: three or more column names, between commas, semicolons or tabs (one of them). */
const CSV_HEADER = /^"?[A-Za-z_][\w ]*"?(?:([,;\t])"?[A-Za-z_][\w ]*"?)(?:\1"?[A-Za-z_][\w ]*"?)+$/;
/** What a delimiter is called in a header's hint (a comma is CSV's own, unsaid). */
const DELIMITER_NAME: Readonly<Record<string, string>> = { ';': 'semicolon-separated: ', '\t': 'tab-separated: ' };

const INSTEAD = 'export JSON Lines instead, one object per row:';

/** Whether a problem's message is one of these hints: the line was written by an export of a table, and the hint says how to export JSON Lines. */
export const isExportLine = (message: string): boolean => message.includes(INSTEAD);

/** How to export a store's table as JSON Lines (one object per row, nothing escaped again). */
const jsonLines = ({ table, order }: { readonly table: string; readonly order?: string }): string =>
  `${INSTEAD} psql -At -c "select row_to_json(t) from ${table} t${order !== undefined ? ` order by ${order}` : ''}" > log.jsonl`;

const ANY_TABLE = { table: '<table>' };

/** The table a header's columns name (Marten's mt_events, Emmett's emt_messages, Message DB's messages) and its order, else a placeholder. */
function tableOf(columns: readonly string[]): { readonly table: string; readonly order?: string } {
  const has = (...names: string[]) => names.every((n) => columns.includes(n));
  if (has('seq_id', 'stream_id', 'version')) return { table: 'mt_events', order: 'seq_id' };
  if (has('global_position', 'message_type')) return { table: 'emt_messages', order: 'global_position' };
  if (has('global_position', 'stream_name')) return { table: 'messages', order: 'global_position' };
  return ANY_TABLE;
}

type Table = ReturnType<typeof tableOf>;

/** What a line that is not JSON is when a CSV export wrote it (a header or a row; `table`: the one a header before named); else undefined. */
export function csvLine(text: string, table: Table = ANY_TABLE): string | undefined {
  const line = text.trimEnd();
  const header = CSV_HEADER.exec(line);
  if (header) {
    const columns = line.split(header[1]).map((c) => c.replace(/"/g, '').trim());
    const shown = columns.length > 4 ? `${columns.slice(0, 4).join(', ')}, …` : columns.join(', ');
    return `a CSV header (${DELIMITER_NAME[header[1]] ?? ''}${shown}): the file is a CSV export; ${jsonLines(tableOf(columns))}`;
  }
  // a row needs a quoted field with doubled quotes (a JSON column) to be told from a line of prose
  if (line.includes('""') && CSV_ROW.test(line)) return `a CSV row: the file is a CSV export; ${jsonLines(table)}`;
  return undefined;
}

/** psql's aligned table: a header of three or more column names between `|`. */
const PSQL_HEADER = /^ *[A-Za-z_]\w* *(?:\| *[A-Za-z_]\w* *){2,}$/;
/** The dashes under the header, `+` where the `|` are. */
const PSQL_RULE = /^-+(?:\+-+)+$/;
/** A row: three or more cells between ` | ` (a cell may hold a `|` of its own), the first not a JSON value's start. */
const PSQL_ROW = /^ *[^ {["].*? \| .*? \| /;
/** Its footer: `(13 rows)`, `(1 row)`. */
const PSQL_FOOTER = /^\(\d+ rows?\)$/;

/**
 * What a line that is not JSON is when psql's default (aligned) table output wrote it — its
 * header, the dashes, a row or the row count, all said alike so they are listed once; `table`:
 * the one its header named — else undefined.
 */
export function psqlTableLine(text: string, table: Table = ANY_TABLE): string | undefined {
  const line = text.trimEnd();
  const header = PSQL_HEADER.test(line);
  if (!header && !PSQL_RULE.test(line) && !PSQL_ROW.test(line) && !PSQL_FOOTER.test(line)) return undefined;
  return `psql's table output (a header, | between columns, "(N rows)"): ${jsonLines(header ? tableOf(line.split('|').map((c) => c.trim())) : table)}`;
}

/**
 * Says what the lines of an export that are not JSON are (psql's table, CSV), remembering the
 * table a header names so that the rows after it are said with the same export command (and a
 * psql table's lines, said alike, are listed once).
 */
export class ExportHints {
  private table: Table = ANY_TABLE;
  /** A CSV header's delimiter and column count: a line after it with as many fields (not a JSON value) is one of its rows, quoted or not. */
  private csv: { readonly delimiter: string; readonly columns: number } | undefined;

  /** What the line (one that failed to parse) is, or undefined. */
  line(text: string): string | undefined {
    const trimmed = text.trimEnd();
    const header = PSQL_HEADER.test(trimmed) ? undefined : CSV_HEADER.exec(trimmed);
    if (PSQL_HEADER.test(trimmed)) this.table = tableOf(trimmed.split('|').map((c) => c.trim()));
    else if (header) {
      const columns = trimmed.split(header[1]).map((c) => c.replace(/"/g, '').trim());
      this.table = tableOf(columns);
      this.csv = { delimiter: header[1], columns: columns.length };
    }
    const said = psqlTableLine(text, this.table) ?? csvLine(text, this.table);
    if (said !== undefined || this.csv === undefined || /^\s*[{["]/.test(trimmed)) return said;
    // a row of the header's table: a semicolon-separated one, or a JSON column not quoted, has no `""` to tell it by
    return trimmed.split(this.csv.delimiter).length >= this.csv.columns ? `a CSV row: the file is a CSV export; ${jsonLines(this.table)}` : undefined;
  }
}

/** Said after JSON.parse's message when a line has `\\"` (a backslash doubled before a quote): psql's `\copy` escaped it; else undefined. */
export function copyEscapes(text: string): string | undefined {
  if (!text.includes('\\\\"')) return undefined;
  return String.raw`psql's \copy writes its text format, which doubles every backslash (\" became \\" here): ` + jsonLines(ANY_TABLE);
}
