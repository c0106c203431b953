import { describe, expect, it } from 'vitest';
import { charsIn, COLUMN_GAP_PX, recordColumns, recordColumnsLeast, recordTracks, ROW_PADDING_PX } from '../../../../renderer/lib/eventlog/recordColumns';
import { DATA_READ_CHARS, recordColumnsIn } from '../../../../renderer/lib/eventlog/recordWidths';

/** The px widths of a fitted template, the data's least for its `minmax(Npx, 1fr)`. */
const widths = (columns: string): number[] => columns.split(/ (?![^(]*\))/).map((t) => Number(/(\d+)px/.exec(t)![1]));
const laidOut = (w: number[]) => w.reduce((a, b) => a + b, 0) + (w.length - 1) * COLUMN_GAP_PX + 2 * ROW_PADDING_PX;

/** The sample flash-sale log's longest texts (a command pill before its types). */
const sample = { record: 3, line: 3, time: '2026-01-01T00:00:00.000Z'.length, stream: 'stock:tee@main'.length, position: 3, type: 'purestream.commerce.command.PlaceOrder'.length, pill: true };

describe('recordColumnsIn', () => {
  it('gives the data a readable share before the type grows past its least (rows 900 px wide, the table beside the details at 1280×720: 20 characters, not 12)', () => {
    const [, , , , , type, data] = widths(recordColumnsIn(sample, 900));
    expect(charsIn(data)).toBeGreaterThanOrEqual(DATA_READ_CHARS);
    expect(type).toBeGreaterThanOrEqual(recordTracks(sample)[5].least);
  });

  it('with room, grows stream, position and type to their whole texts, and the data takes the rest', () => {
    const w = widths(recordColumnsIn(sample, 1100));
    const tracks = recordTracks(sample);
    for (const i of [3, 4, 5]) expect(w[i]).toBe(tracks[i].most);
    expect(laidOut(w)).toBeLessThanOrEqual(1100);
    expect(recordColumnsIn(sample, 1100).endsWith('1fr)')).toBe(true);
  });

  it('shares the room between stream and type evenly while neither is whole, and never lays out wider than the row', () => {
    const long = { ...sample, stream: 48, type: 64 };
    for (const row of [700, 900, 1000, 1200]) {
      const w = widths(recordColumnsIn(long, row));
      expect(laidOut(w)).toBeLessThanOrEqual(Math.max(row, recordColumnsLeast(long)));
    }
    const [, , , stream, , type] = widths(recordColumnsIn(long, 1000));
    const tracks = recordTracks(long);
    expect(Math.abs(stream - tracks[3].least - (type - tracks[5].least))).toBeLessThanOrEqual(1);
  });

  it('keeps every column at its least when the row is narrower than they need (and the CSS tracks until laid out)', () => {
    expect(widths(recordColumnsIn(sample, 300))).toEqual(recordTracks(sample).map((t) => t.least));
    expect(recordColumnsIn(sample, 0)).toBe(recordColumns(sample));
  });

  it('fits a log without a position column', () => {
    expect(widths(recordColumnsIn(sample, 900, false))).toHaveLength(6);
  });
});
