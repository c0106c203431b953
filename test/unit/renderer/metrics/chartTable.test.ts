import { describe, expect, it } from 'vitest';
import { chartTable } from '../../../../renderer/lib/metrics/chartTable';

describe('chartTable', () => {
  it('keeps the x where a series changes, and the first and the last', () => {
    const t = chartTable([[0, 10, 20, 30, 40], [1, 1, 2, 2, 2], [0, 0, 0, 3, 3]]);
    expect(t.rows).toEqual([
      { x: 0, values: [1, 0] },
      { x: 20, values: [2, 0] },
      { x: 30, values: [2, 3] },
      { x: 40, values: [2, 3] },
    ]);
    expect(t.more).toBe(0);
  });

  it('keeps a peak within an instant, a missing value as null, and says how many rows are left out', () => {
    expect(chartTable([[0, 5, 5], [0, 4, 1]]).rows).toEqual([{ x: 0, values: [0] }, { x: 5, values: [4] }, { x: 5, values: [1] }]);
    expect(chartTable([[0, 1], [null, 2]]).rows[0].values).toEqual([null]);
    const many = chartTable([Array.from({ length: 10 }, (_, i) => i), Array.from({ length: 10 }, (_, i) => i)], 4);
    expect(many.rows).toHaveLength(4);
    expect(many.more).toBe(6);
  });
});
