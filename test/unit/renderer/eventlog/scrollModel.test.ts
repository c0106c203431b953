import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lowerBound, MAX_SCROLL_PX, rowWindow, scrollHeight, scrollTopFor, trueTop } from '../../../../renderer/lib/eventlog/scrollModel';
import { formatAt, rowSummary, summarize } from '../../../../renderer/lib/eventlog/summarize';

describe('scroll model', () => {
  it('lays out small lists at their true height', () => {
    const g = { rows: 100, rowHeight: 26, viewportHeight: 260 };
    expect(scrollHeight(g)).toBe(2600);
    expect(rowWindow(g, 260)).toEqual({ first: 10, count: 15, offsetPx: 0 });
    expect(rowWindow(g, 13).offsetPx).toBe(-13);
    expect(scrollTopFor(g, 50)).toBe(1300);
  });

  it('caps a million rows below the browser limit and still reaches the last row', () => {
    const g = { rows: 1_000_000, rowHeight: 26, viewportHeight: 520 };
    expect(scrollHeight(g)).toBe(MAX_SCROLL_PX);
    const bottom = rowWindow(g, MAX_SCROLL_PX - 520);
    expect(bottom.first + bottom.count).toBe(1_000_000);
    expect(rowWindow(g, 0).first).toBe(0);
  });

  it('scrollTopFor and trueTop agree: jumping to a row shows it at the top', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3_000_000 }), fc.integer({ min: 0, max: 2_999_999 }), (rows, at) => {
        const index = at % rows;
        const g = { rows, rowHeight: 26, viewportHeight: 520 };
        const w = rowWindow(g, scrollTopFor(g, index));
        const lastTop = Math.max(0, rows - Math.floor(520 / 26));
        expect(w.first).toBeGreaterThanOrEqual(Math.min(index, lastTop) - 1);
        expect(w.first).toBeLessThanOrEqual(Math.min(index, lastTop) + 1);
        expect(trueTop(g, scrollTopFor(g, index))).toBeGreaterThanOrEqual(0);
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('finds a seq by binary search', () => {
    const seqs = Float64Array.from([1, 2, 5, 9]);
    expect(lowerBound(seqs, 5)).toBe(2);
    expect(lowerBound(seqs, 6)).toBe(3);
    expect(lowerBound(seqs, 10)).toBe(4);
    expect(lowerBound(seqs, 0)).toBe(0);
  });
});

describe('summaries', () => {
  it('summarizes data on one line', () => {
    expect(summarize({ sku: 'tee', qty: 2, tags: ['a'], more: { x: 1 } })).toBe('sku=tee qty=2 tags=[1] more={…}');
    expect(summarize('x'.repeat(200), 10)).toBe('xxxxxxxxx…');
    expect(summarize(null)).toBe('');
  });

  it('a table row’s summary is made once: the cell’s text as summarize gives it, the tooltip’s up to 2,000 characters', () => {
    const short = { sku: 'tee', qty: 2 };
    expect(rowSummary(short)).toEqual({ text: 'sku=tee qty=2', title: 'sku=tee qty=2' });
    const long = { note: `${'é😀'.repeat(800)}`, tags: ['a'] };
    const { text, title } = rowSummary(long);
    expect(text).toBe(summarize(long));
    expect(title).toBe(summarize(long, 2000));
    expect(text.length).toBeLessThanOrEqual(120);
    expect(title.length).toBeGreaterThan(1900);
  });

  it('formats virtual and wall-clock times', () => {
    expect(formatAt(12)).toBe('12 ms');
    expect(formatAt(Date.UTC(2026, 2, 2, 9, 5))).toBe('2026-03-02 09:05:00.000');
  });
});
