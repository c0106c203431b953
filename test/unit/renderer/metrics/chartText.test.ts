import { describe, expect, it } from 'vitest';
import { chartText, seriesSummary } from '../../../../renderer/lib/metrics/chartText';

describe('chartText: one text alternative for every chart', () => {
  it('reads a short single series as its points, as Sweep has it', () => {
    expect(chartText('violations', 'scheduler workers', [1, 2, 4], [{ label: 'violations', y: [0, 1, 3] }])).toBe('violations against scheduler workers: 1→0, 2→1, 4→3');
  });

  it('sums up each of several series: its range, peak and end, with the x of each', () => {
    const x = [0, 250, 500, 1500];
    expect(chartText('Decision queue depth', 'virtual time (ms)', x, [
      { label: 'one queue', y: [0, 40, 12, 0] },
      { label: '8 workers', y: [0, 3, null, null] },
    ])).toBe('Decision queue depth against virtual time (ms): one queue: 0 to 40, peak 40 at 250, ends at 0 at 1,500; 8 workers: 0 to 3, peak 3 at 250, ends at 3 at 250');
  });

  it('says a flat series and one with no values plainly', () => {
    expect(seriesSummary([0, 1], { label: 'a', y: [2, 2] })).toBe('a: 2 throughout');
    expect(seriesSummary([0, 1], { label: 'b', y: [null, null] })).toBe('b: no values');
  });
});
