/**
 * The Records table's columns fitted to the width its rows have (recordColumns' tracks in px):
 * where CSS would grow the stream, position and type columns to their longest texts and leave the
 * data a sliver (its least, a dozen characters at 1280 px), the data first gets a readable share
 * (DATA_READ_CHARS), then the other columns grow towards their longest texts together, and the
 * data takes what is left. What still does not fit is cut with an ellipsis, whole in the cell's
 * tooltip and in the record's details. Pure.
 */
import { COLUMN_GAP_PX, RECORD_CHAR_PX, ROW_PADDING_PX, recordColumns, recordTracks, type RecordTexts, type RecordTrack } from './recordColumns';

/** The data's share, in characters, before the other columns grow past their least. */
export const DATA_READ_CHARS = 20;
const DATA_READ_PX = Math.ceil(DATA_READ_CHARS * RECORD_CHAR_PX) + 4;

/** Grows `widths` at `which` towards each track's most, evenly (water-filling), by up to `room` px; the room left. */
function growTogether(widths: number[], tracks: readonly RecordTrack[], which: readonly number[], room: number): number {
  let open = which.filter((i) => widths[i] < tracks[i].most);
  while (room >= 1 && open.length > 0) {
    const share = Math.max(1, Math.floor(room / open.length));
    for (const i of open) {
      const add = Math.min(share, tracks[i].most - widths[i], room);
      widths[i] += add;
      room -= add;
    }
    open = open.filter((i) => widths[i] < tracks[i].most);
  }
  return room;
}

/**
 * The table's `grid-template-columns` for rows `rowWidth` px wide (their box, padding included,
 * the scroll bar's width excluded): every column at its least; then the data up to its readable
 * share; then stream, position and type towards their longest texts, evenly; the data (a `1fr`
 * track, so a header a scroll bar wider lines up too) the rest. `rowWidth` 0 (not laid out
 * yet): recordColumns' CSS tracks.
 */
export function recordColumnsIn(t: RecordTexts, rowWidth: number, positions = true): string {
  if (rowWidth <= 0) return recordColumns(t, positions);
  const tracks = recordTracks(t, positions);
  const widths = tracks.map((c) => c.least);
  const used = widths.reduce((a, b) => a + b, 0) + (tracks.length - 1) * COLUMN_GAP_PX + 2 * ROW_PADDING_PX;
  let room = Math.max(0, rowWidth - used);
  const data = tracks.findIndex((c) => c.name === 'data');
  const toRead = Math.max(0, Math.min(room, DATA_READ_PX - widths[data]));
  widths[data] += toRead;
  room -= toRead;
  const growing = tracks.flatMap((c, i) => (c.name === 'stream' || c.name === 'position' || c.name === 'type' ? [i] : []));
  growTogether(widths, tracks, growing, room);
  return tracks.map((c, i) => (i === data ? `minmax(${widths[i]}px, 1fr)` : `${widths[i]}px`)).join(' ');
}
