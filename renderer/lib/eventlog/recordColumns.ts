/**
 * The columns of the Logs view's Records table, sized from the longest texts they show: record
 * and line numbers and the time in full (a time is never cut, so its seconds and fraction always
 * read), the stream whole up to 32 characters, position and type as wide as their longest when
 * there is room and never below a readable least, and the data the rest. Pure; the answer is a CSS `grid-template-columns`, whose
 * free space goes to the tracks with a fixed maximum before the `fr` one. Texts are 12.5 px
 * monospace (EventTable.svelte).
 */
import { escapeControls } from '../../../src/engine/text/controlChars';
import { displayTime } from '../inspector/timeText';
import type { Placer } from '../../../src/logs/placeWord';

/** The width of a character of the table's monospace text (12.5 px: about 0.6 em, a little over). */
export const RECORD_CHAR_PX = 7.6;

/** The room a kind pill (`command`, `malformed`…) takes before a type. */
export const PILL_PX = 76;

/** The least the data column keeps, however long the other texts. */
export const DATA_LEAST_PX = 96;

/** The longest text of each column, in characters (record and line: their numbers' digits). */
export interface RecordTexts {
  readonly record: number;
  readonly line: number;
  readonly time: number;
  readonly stream: number;
  readonly position: number;
  readonly type: number;
  /** Whether a type comes after a kind pill (a log with commands, rejections or unread records). */
  readonly pill: boolean;
}

/** A cell's padding and a pixel to spare. */
const SLACK_PX = 4;
const px = (chars: number): number => Math.ceil(chars * RECORD_CHAR_PX) + SLACK_PX;

/** A column: its CSS track, the least it is laid out at and the most it takes (its longest text whole), in px. */
export interface RecordTrack {
  readonly css: string;
  readonly least: number;
  readonly most: number;
  /** Which column it is. */
  readonly name: 'record' | 'place' | 'time' | 'stream' | 'position' | 'type' | 'data';
}
type Track = RecordTrack;

/** A column as wide as its longest text (or its header). */
function whole(name: Track['name'], chars: number, header: number): Track {
  const width = Math.max(px(chars), header);
  return { name, css: `${width}px`, least: width, most: width };
}

/** A column as wide as its longest text (up to `most` characters) when there is room, else down to `least` characters. */
function shrinking(name: Track['name'], chars: number, least: number, most: number, header: number, extra = 0): Track {
  const full = Math.max(px(Math.min(chars, most)) + extra, header);
  const low = Math.min(full, Math.max(px(least) + extra, header));
  return { name, css: `minmax(${low}px, ${full}px)`, least: low, most: full };
}

/** The columns in order: #, line (a live source's position), time, stream, position (unless `positions` is false), type, data. */
export function recordTracks(t: RecordTexts, positions = true): readonly RecordTrack[] {
  return [
    whole('record', t.record + 2, 28), // " ⚠" after a flagged record's number
    whole('place', t.line, 32),
    whole('time', t.time, 84),
    shrinking('stream', t.stream, 32, 48, 56),
    ...(positions ? [shrinking('position', t.position, 8, 24, 62)] : []),
    shrinking('type', t.type, 18, 64, 40, t.pill ? PILL_PX : 0),
    { name: 'data', css: `minmax(${DATA_LEAST_PX}px, 1fr)`, least: DATA_LEAST_PX, most: Number.POSITIVE_INFINITY },
  ];
}

/** The table's `grid-template-columns`: #, line, time, stream, position, type, data; without the position column when `positions` is false (see {@link PlaceColumn.positions}). */
export function recordColumns(t: RecordTexts, positions = true): string {
  return recordTracks(t, positions)
    .map((c) => c.css)
    .join(' ');
}

/** The gap between two columns and a row's padding at each side, in px (EventTable.svelte's `.head, .row`). */
export const COLUMN_GAP_PX = 10;
export const ROW_PADDING_PX = 10;

/**
 * The least width, in px, a row of these columns needs: every column at its least, the gaps and
 * the row's padding (the table's own border aside). Narrower, the row is cut at its right.
 */
export function recordColumnsLeast(t: RecordTexts, positions = true): number {
  const columns = recordTracks(t, positions);
  return columns.reduce((sum, c) => sum + c.least, 0) + (columns.length - 1) * COLUMN_GAP_PX + 2 * ROW_PADDING_PX;
}

/** How many characters of a text fit a column `widthPx` wide (after a pill of `beforePx`). */
export const charsIn = (widthPx: number, beforePx = 0): number => Math.max(1, Math.floor((widthPx - beforePx - SLACK_PX) / RECORD_CHAR_PX));

/** The texts of an empty table: nothing read yet. */
export const NO_TEXTS: RecordTexts = { record: 1, line: 1, time: 0, stream: 0, position: 0, type: 0, pill: false };

/** What a row shows, as far as its width goes (`time` as displayed). */
export interface RecordRowTexts {
  readonly seq: number;
  readonly line?: number;
  /** The place column's text when it is not `line` (a live source's position: `83`, `41 of orders-0`). */
  readonly place?: string;
  readonly time?: string;
  readonly stream: string;
  readonly position?: string;
  readonly type: string;
  readonly kind?: string;
}

/** The length of the longest of `texts` (0: none). */
export function longestText(texts: Iterable<string>): number {
  let most = 0;
  for (const t of texts) most = Math.max(most, t.length);
  return most;
}

/** `texts` grown to hold `rows`; itself when nothing grew (never shrunk: the columns do not jump back as the table scrolls). */
export function grownTexts(texts: RecordTexts, rows: readonly RecordRowTexts[]): RecordTexts {
  let { record, line, time, stream, position, type, pill } = texts;
  for (const r of rows) {
    record = Math.max(record, String(r.seq).length);
    line = Math.max(line, (r.place ?? String(r.line ?? '')).length);
    time = Math.max(time, r.time?.length ?? 0);
    stream = Math.max(stream, r.stream.length);
    position = Math.max(position, r.position?.length ?? 0);
    type = Math.max(type, r.type.length);
    pill ||= r.kind !== undefined && r.kind !== 'event';
  }
  const grown = { record, line, time, stream, position, type, pill };
  return (Object.keys(grown) as (keyof RecordTexts)[]).every((k) => grown[k] === texts[k]) ? texts : grown;
}

/**
 * `rows` as the cells show them, for sizing: control characters escaped in stream and type, the
 * time in UTC or in the machine's zone (`local`), and the place as `placeOf` says it (a live
 * source's position; the line number without it).
 */
export function shownRowTexts<R extends RecordRowTexts>(rows: readonly R[], local: boolean, placeOf?: (r: R) => string | undefined): RecordRowTexts[] {
  return rows.map((r) => ({ ...r, stream: escapeControls(r.stream), type: escapeControls(r.type), ...(r.time ? { time: displayTime(r.time, local) } : {}), ...(placeOf ? { place: placeOf(r) ?? '' } : {}) }));
}

/**
 * `texts` with the place column wide enough for its header `word` (`sequence`, `global_position`),
 * in characters of the rows' text: `line` and shorter words fit the column's least width.
 */
export function withPlaceWord(texts: RecordTexts, word: string): RecordTexts {
  return word.length <= 'line'.length || texts.line >= word.length ? texts : { ...texts, line: word.length };
}

/** `texts` with the stream and type columns as wide as the longest of the log's whole lists of streams and types (escaped, as shown), when those are longer. */
export function withListTexts(texts: RecordTexts, streams: readonly string[], types: readonly string[]): RecordTexts {
  return { ...texts, stream: Math.max(texts.stream, longestText(streams.map(escapeControls))), type: Math.max(texts.type, longestText(types.map(escapeControls))) };
}

/** A record as its place cell reads it: its number in the read (a file's line), and a live source's position and producer scope. */
export interface PlacedRecord {
  readonly line?: number;
  readonly globalPosition?: string;
  readonly source?: string;
}

/** The place column: its header and each record's text under it. */
export interface PlaceColumn {
  /** `line` for a file; a live source's position name (`sequence`, `offset`, `global_position`), or `row`/`message` without one. */
  readonly word: string;
  /** A record's text: its line, its position (`83`, `41 of orders-0`); undefined when it has none to show (no line, no position). */
  readonly of: (r: PlacedRecord) => string | undefined;
  /**
   * Whether the table shows its position column too: not when the place column holds the
   * records' global positions and the log has no stream positions (a JetStream stream, a Kafka
   * topic) — the position column would say the place column's number again.
   */
  readonly positions: boolean;
}

/**
 * The place column of a report's records, named as the command line names places (src/logs/placeWord's
 * placer); `streamPositions`: whether the report read positions in streams (its `fieldsUsed.streamPosition`).
 */
export function placeColumn(place: Placer, streamPositions: boolean): PlaceColumn {
  return {
    word: place.word,
    positions: !place.positions || streamPositions,
    of: (r) => (r.line === undefined ? undefined : place.value({ line: r.line, ...(r.globalPosition !== undefined ? { globalPosition: r.globalPosition } : {}), ...(r.source !== undefined ? { source: r.source } : {}) })),
  };
}

/** The place column of a file: its records' lines. */
export const LINE_COLUMN: PlaceColumn = { word: 'line', positions: true, of: (r) => (r.line === undefined ? undefined : String(r.line)) };
