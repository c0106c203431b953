import { describe, expect, it } from 'vitest';
import { alignSteps } from '../../../../renderer/lib/metrics/chartData';
import { LINE_WIDTH, markerDash, nearlyAsEarlier, REPEAT_DASHES, sameAsEarlier, seriesLooks, UNDER_WIDTH } from '../../../../renderer/lib/metrics/coincidentSeries';
import { runCharts } from '../../../../renderer/lib/reader/runCharts';
import { flashSale } from '../compare/flashSale';

describe('coincident series', () => {
  it('finds each series identical at every x to an earlier one', () => {
    expect(sameAsEarlier([[0, 1, 2], [1, 2, 0], [0, 0, 0], [1, 2, 0], [1, 2, null], [0, 0, 0]])).toEqual([undefined, undefined, 0, undefined, 1]);
    expect(sameAsEarlier([[]])).toEqual([]);
  });

  it('names a repeat "same as" the first, draws it dashed inside it, and leaves the others as they were', () => {
    expect(seriesLooks([[0, 1], [3, 0], [1, 1], [3, 0]], ['one queue', '8 workers', 'single writer'])).toEqual([
      { label: 'one queue', width: LINE_WIDTH + UNDER_WIDTH },
      { label: '8 workers', width: LINE_WIDTH },
      { label: 'single writer (same as one queue)', width: LINE_WIDTH, dash: REPEAT_DASHES[0], sameAs: 0 },
    ]);
  });

  it('stacks three identical lines, each narrower than the one under it, with different dashes', () => {
    const looks = seriesLooks([[0, 1], [8, 8], [8, 8], [1, 1], [8, 8]], ['8 workers', 'single writer', 'one queue', 'inventory-aware']);
    expect(looks.map((l) => l.label)).toEqual(['8 workers', 'single writer (same as 8 workers)', 'one queue', 'inventory-aware (same as 8 workers)']);
    expect(looks.map((l) => l.width)).toEqual([LINE_WIDTH + 2 * UNDER_WIDTH, LINE_WIDTH + UNDER_WIDTH, LINE_WIDTH, LINE_WIDTH]);
    expect(looks.map((l) => l.dash)).toEqual([undefined, REPEAT_DASHES[0], undefined, REPEAT_DASHES[1]]);
  });

  it("tells apart the flash sale's queue depths: single writer keeps the same queue as one queue, inventory-aware almost the 8 workers' (drawn inside it, so the red line shows)", () => {
    const { report, traces } = flashSale();
    const names = report.runs.map((r) => r.name);
    const queue = alignSteps(runCharts(traces, 4000).queueDepth, 2000, Math.max(...report.runs.map((r) => r.metrics.makespanMs)));
    const looks = seriesLooks(queue, names);
    expect(looks.map((l) => l.label)).toEqual(['one queue', '8 workers', 'single writer (same as one queue)', 'inventory-aware (almost the same as 8 workers)']);
    expect(looks[1].width).toBe(LINE_WIDTH + UNDER_WIDTH);
    expect(looks[3]).toMatchObject({ width: LINE_WIDTH, dash: REPEAT_DASHES[0], sameAs: 1, nearly: true });
  });

  it('draws a series equal to an earlier one at all but a few of its x as repeating it, "almost the same"; one differing more is its own line', () => {
    const x = Array.from({ length: 40 }, (_, i) => i);
    const base = x.map(() => 1);
    const twoOff = base.map((v, i) => (i < 2 ? 5 : v));
    const threeOff = base.map((v, i) => (i >= 10 && i < 13 ? 5 : v));
    expect(nearlyAsEarlier([x, base, twoOff, threeOff, base])).toEqual([undefined, 0, undefined, undefined]);
    expect(seriesLooks([x, base, twoOff], ['a', 'b']).map((l) => l.label)).toEqual(['a', 'b (almost the same as a)']);
    // a series that repeats an almost-repeat joins the first one's set, named after the one it repeats
    const looks = seriesLooks([x, base, twoOff, twoOff], ['a', 'b', 'c']);
    expect(looks.map((l) => l.label)).toEqual(['a', 'b (almost the same as a)', 'c (same as b)']);
    expect(looks.map((l) => l.width)).toEqual([LINE_WIDTH + 2 * UNDER_WIDTH, LINE_WIDTH + UNDER_WIDTH, LINE_WIDTH]);
  });

  it('dashes the legend marker of a dashed series', () => {
    const chart = { series: [{}, {}, { dash: [10, 6] }] };
    expect([0, 1, 2].map((i) => markerDash(chart, i))).toEqual(['solid', 'solid', 'dashed']);
  });
});
