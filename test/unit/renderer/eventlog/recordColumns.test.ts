import { describe, expect, it } from 'vitest';
import { charsIn, COLUMN_GAP_PX, DATA_LEAST_PX, grownTexts, LINE_COLUMN, longestText, NO_TEXTS, PILL_PX, placeColumn, RECORD_CHAR_PX, recordColumns, recordColumnsLeast, ROW_PADDING_PX, shownRowTexts, withListTexts, withPlaceWord } from '../../../../renderer/lib/eventlog/recordColumns';
import { placer } from '../../../../src/logs/placeWord';

/** The tracks of a grid-template-columns: fixed px, or [least, most] px, or the data's fr track. */
const tracks = (columns: string) =>
  columns.split(/ (?![^(]*\))/).map((t) => {
    const m = /^minmax\((\d+)px, (\d+)px\)$/.exec(t);
    return m ? [Number(m[1]), Number(m[2])] : t.endsWith('px') ? Number(t.slice(0, -2)) : t;
  });

describe('recordColumns', () => {
  const library = { record: 1, line: 1, time: '2026-01-05T10:00:00.123450Z'.length, stream: 'book:tolkien-the-hobbit'.length, position: 0, type: 'com.example.library.BookReturned'.length, pill: false };

  it('gives the time its whole text, the stream its whole text up to 32 characters, and the data the rest', () => {
    const [record, line, time, stream, position, type, data] = tracks(recordColumns(library));
    expect(time).toBeGreaterThanOrEqual(library.time * RECORD_CHAR_PX);
    expect(stream).toEqual([expect.any(Number), expect.any(Number)]);
    const [streamLeast, streamMost] = stream as number[];
    expect(streamLeast).toBe(streamMost);
    expect(streamLeast).toBeGreaterThanOrEqual(library.stream * RECORD_CHAR_PX);
    expect(data).toBe(`minmax(${DATA_LEAST_PX}px, 1fr)`);
    // the numbers as wide as their digits (and a flag), never narrower than their headers
    expect(record).toBeLessThan(40);
    expect(line).toBeLessThan(40);
    // an empty position column keeps its header; the type shrinks to a readable least, grows to its whole text
    expect(position).toEqual([62, 62]);
    const [typeLeast, typeMost] = type as number[];
    expect(typeLeast).toBeGreaterThanOrEqual(18 * RECORD_CHAR_PX);
    expect(typeMost).toBeGreaterThanOrEqual(library.type * RECORD_CHAR_PX);
  });

  it('never cuts a time below its whole text, local with its zone or with nanoseconds', () => {
    for (const shown of ['2026-01-05 11:00:00.123456789 +01:00', '2026-01-05T10:00:00Z']) expect(tracks(recordColumns({ ...library, time: shown.length }))[2]).toBeGreaterThanOrEqual(shown.length * RECORD_CHAR_PX);
  });

  it('lets a very long stream shrink to 32 characters, and makes room for a kind pill before a type', () => {
    const [least, most] = tracks(recordColumns({ ...library, stream: 80 }))[3] as number[];
    expect(least).toBeLessThan(most);
    expect(least).toBeGreaterThanOrEqual(32 * RECORD_CHAR_PX);
    const [, withPill] = tracks(recordColumns({ ...library, pill: true }))[5] as number[];
    const [, without] = tracks(recordColumns(library))[5] as number[];
    expect(withPill - without).toBe(PILL_PX);
  });

  it('grows with the rows it has shown, never shrinks, and stays the same object when nothing grew', () => {
    const row = { seq: 1200, line: 1201, time: '2026-01-05T10:00:00Z', stream: 'book:b1', position: '9007199254740993', type: 'BookLent' };
    const once = grownTexts(NO_TEXTS, [row]);
    expect(once).toEqual({ record: 4, line: 4, time: 20, stream: 7, position: 16, type: 8, pill: false });
    expect(grownTexts(once, [{ ...row, seq: 3, stream: 'b' }])).toBe(once);
    expect(grownTexts(once, [{ ...row, kind: 'command' }]).pill).toBe(true);
    expect(grownTexts(once, [{ ...row, kind: 'event' }])).toBe(once);
    expect(longestText(['a', 'book:tolkien-the-hobbit', 'bc'])).toBe(23);
    expect(longestText([])).toBe(0);
  });

  it('tells the least width a row needs: each column at its least, the gaps and the padding', () => {
    const least = tracks(recordColumns(library)).map((t) => (typeof t === 'number' ? t : Array.isArray(t) ? t[0] : DATA_LEAST_PX));
    expect(recordColumnsLeast(library)).toBe(least.reduce((a, b) => a + b, 0) + 6 * COLUMN_GAP_PX + 2 * ROW_PADDING_PX);
    // the library log's: whole time and stream, the type at its readable least, the data at its least
    expect(recordColumnsLeast(library)).toBe(828);
    expect(recordColumnsLeast({ ...library, pill: true }) - recordColumnsLeast(library)).toBe(PILL_PX);
  });

  it('tells how many characters fit a laid-out column', () => {
    expect(charsIn(18 * RECORD_CHAR_PX + 4)).toBe(18);
    expect(charsIn(18 * RECORD_CHAR_PX + 4 + PILL_PX, PILL_PX)).toBe(18);
    expect(charsIn(0)).toBe(1);
  });
});

describe('shownRowTexts and withListTexts', () => {
  it('a row is sized as its cells show it: control characters escaped, the time in the zone shown', () => {
    const [row] = shownRowTexts([{ seq: 7, stream: 'cart\u001b1', type: 'Added\ttwice', time: '2026-01-05T10:00:00Z' }], false);
    expect(row).toEqual({ seq: 7, stream: 'cart\\u001b1', type: 'Added\\u0009twice', time: '2026-01-05T10:00:00Z' });
    expect(shownRowTexts([{ seq: 1, stream: 's', type: 't' }], true)).toEqual([{ seq: 1, stream: 's', type: 't' }]);
  });

  it('the stream and type columns are as wide as the longest of the whole lists when those are longer, never narrower', () => {
    const texts = { ...NO_TEXTS, stream: 5, type: 20 };
    expect(withListTexts(texts, ['a-much-longer-stream-id'], ['Short'])).toEqual({ ...texts, stream: 'a-much-longer-stream-id'.length, type: 20 });
    expect(withListTexts(texts, [], [])).toEqual(texts);
  });
});

describe('placeColumn: the Records table names a place as the command line does', () => {
  it("a NATS read's column holds each message's sequence under `sequence`, and is as wide as its header", () => {
    const column = placeColumn(placer({ framing: 'messages', fieldsUsed: { globalPosition: '/seq' } }), false);
    expect(column.word).toBe('sequence');
    expect(column.of({ line: 1, globalPosition: '21' })).toBe('21');
    expect(column.of({ line: 2 })).toBeUndefined();
    const texts = grownTexts(NO_TEXTS, shownRowTexts([{ seq: 1, line: 1, globalPosition: '1021', stream: 'payments.pay-1', type: 'PaymentAuthorized' }], false, column.of));
    expect(texts.line).toBe(4);
    expect(withPlaceWord(texts, column.word).line).toBe('sequence'.length);
  });

  it("a Kafka read's column says the offset with its partition", () => {
    const column = placeColumn(placer({ framing: 'messages', fieldsUsed: { globalPosition: '/offset' } }), false);
    expect(column.word).toBe('offset');
    expect(column.of({ line: 3, globalPosition: '41', source: 'orders-0' })).toBe('41 of orders-0');
  });

  it('a broker read without stream positions has no position column saying its place again; a store with them, and a file, keep it', () => {
    // JetStream, Kafka: the place column is the sequence (the offset); a position column would repeat it
    expect(placeColumn(placer({ framing: 'messages', fieldsUsed: { globalPosition: '/seq', streamPosition: null } }), false).positions).toBe(false);
    expect(placeColumn(placer({ framing: 'messages', fieldsUsed: { globalPosition: '/offset' } }), false).positions).toBe(false);
    // an Emmett store: global_position in the place column, each stream's own position beside it
    expect(placeColumn(placer({ framing: 'rows', fieldsUsed: { globalPosition: '/global_position' } }), true).positions).toBe(true);
    // a live read without global positions counts its rows: the position column is the only position shown
    expect(placeColumn(placer({ framing: 'rows', fieldsUsed: {} }), false).positions).toBe(true);
    expect(placeColumn(placer({ framing: 'lines', fieldsUsed: { globalPosition: '/seq' } }), false).positions).toBe(true);
    expect(LINE_COLUMN.positions).toBe(true);
  });

  it('without the position column the tracks are six and the least width loses that column and its gap', () => {
    const texts = { ...NO_TEXTS, time: 20, stream: 12, type: 20 };
    expect(tracks(recordColumns(texts, false))).toHaveLength(6);
    expect(tracks(recordColumns(texts))).toHaveLength(7);
    expect(recordColumnsLeast(texts) - recordColumnsLeast(texts, false)).toBe(62 + COLUMN_GAP_PX);
  });

  it("a file keeps its lines, and the column its width", () => {
    const column = placeColumn(placer({ framing: 'lines', fieldsUsed: {} }), false);
    expect(column.word).toBe('line');
    expect(column.of({ line: 12 })).toBe('12');
    expect(LINE_COLUMN.of({ line: 12 })).toBe('12');
    expect(withPlaceWord(NO_TEXTS, 'line')).toBe(NO_TEXTS);
  });
});
