import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rowAfterKey } from '../../../../renderer/lib/eventlog/rowKeys';
import { scrollToShow, trueTop } from '../../../../renderer/lib/eventlog/scrollModel';

describe('rowAfterKey', () => {
  it('moves one row, a page less one, or to either end, never past them', () => {
    expect(rowAfterKey('ArrowDown', 3, 10, 5)).toBe(4);
    expect(rowAfterKey('ArrowUp', 3, 10, 5)).toBe(2);
    expect(rowAfterKey('ArrowUp', 0, 10, 5)).toBe(0);
    expect(rowAfterKey('ArrowDown', 9, 10, 5)).toBe(9);
    expect(rowAfterKey('PageDown', 3, 10, 5)).toBe(7);
    expect(rowAfterKey('PageDown', 8, 10, 5)).toBe(9);
    expect(rowAfterKey('PageUp', 3, 10, 5)).toBe(0);
    expect(rowAfterKey('Home', 3, 10, 5)).toBe(0);
    expect(rowAfterKey('End', 3, 10, 5)).toBe(9);
  });

  it('starts at the first row shown when no row is active, and ignores other keys and empty tables', () => {
    expect(rowAfterKey('ArrowDown', undefined, 100, 5, 40)).toBe(40);
    expect(rowAfterKey('End', undefined, 100, 5, 40)).toBe(99);
    expect(rowAfterKey('a', 3, 10, 5)).toBeUndefined();
    expect(rowAfterKey('ArrowDown', undefined, 0, 5)).toBeUndefined();
  });
});

describe('scrollToShow', () => {
  const g = { rows: 100, rowHeight: 26, viewportHeight: 260 };
  it('stays when the row shows, else moves the least that shows it whole', () => {
    expect(scrollToShow(g, 0, 5)).toBe(0);
    expect(scrollToShow(g, 0, 10)).toBe(26);
    expect(scrollToShow(g, 520, 10)).toBe(260);
  });

  it('shows any row whole, a million rows scaled too', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999 }), fc.integer({ min: 0, max: 9_000_000 }), (index, start) => {
        const big = { rows: 1_000_000, rowHeight: 26, viewportHeight: 520 };
        const top = trueTop(big, scrollToShow(big, start, index));
        expect(index * 26).toBeGreaterThanOrEqual(top - 0.01);
        expect(index * 26 + 26).toBeLessThanOrEqual(top + 520 + 0.01);
      }),
      { seed: 9, numRuns: 200 },
    );
  });
});
