import { describe, expect, it } from 'vitest';
import { tickLabel, tickValues } from '../../../../renderer/lib/timeline/timeAxis';

const at = (iso: string) => Date.parse(iso);

describe('tick labels on a log clock', () => {
  it('show only the time of day within one UTC day, to the precision of the step', () => {
    const range = { from: at('2026-01-01T00:00:00Z'), to: at('2026-01-01T00:00:07Z') };
    expect(tickLabel(at('2026-01-01T00:00:03Z'), 'epoch', 1000, range)).toBe('00:00:03');
    expect(tickLabel(at('2026-01-01T00:00:03.250Z'), 'epoch', 250, range)).toBe('00:00:03.250');
    expect(tickLabel(at('2026-01-01T14:05:00Z'), 'epoch', 300_000, range)).toBe('14:05');
  });

  it('add the month and day across days, and show dates alone for steps of a day', () => {
    const range = { from: at('2026-01-01T20:00:00Z'), to: at('2026-01-02T04:00:00Z') };
    expect(tickLabel(at('2026-01-02T01:00:00Z'), 'epoch', 3_600_000, range)).toBe('01-02 01:00');
    expect(tickLabel(at('2026-03-05T00:00:00Z'), 'epoch', 86_400_000, { from: at('2026-03-01T00:00:00Z'), to: at('2026-03-09T00:00:00Z') })).toBe('2026-03-05');
  });

  it('keep distinct labels for distinct ticks', () => {
    const range = { from: at('2026-01-01T00:00:00Z'), to: at('2026-01-01T00:00:00.9Z') };
    const ticks = tickValues(range);
    const labels = ticks.map((t) => tickLabel(t, 'epoch', ticks[1] - ticks[0], range));
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('leave the virtual clock in ms', () => {
    expect(tickLabel(1500, 'virtual', 500, { from: 0, to: 4000 })).toBe('1500');
  });

  it('put a log\'s ticks on round times, each label the tick\'s exact time: 2 min apart over 15 min, 10 s over 45 s, 1 h over 8 h', () => {
    const range = { from: at('2026-11-30T09:00:00Z'), to: at('2026-11-30T09:14:24Z') };
    const ticks = tickValues(range, 'epoch');
    expect(ticks[1]! - ticks[0]!).toBe(120_000);
    expect(ticks.map((t) => tickLabel(t, 'epoch', 120_000, range))).toEqual(['09:00', '09:02', '09:04', '09:06', '09:08', '09:10', '09:12', '09:14']);
    const short = tickValues({ from: at('2026-11-30T09:00:03Z'), to: at('2026-11-30T09:00:48Z') }, 'epoch');
    expect(short[1]! - short[0]!).toBe(10_000);
    expect(new Date(short[0]!).toISOString()).toBe('2026-11-30T09:00:10.000Z');
    const day = tickValues({ from: at('2026-11-30T00:00:00Z'), to: at('2026-11-30T08:00:00Z') }, 'epoch');
    expect(day[1]! - day[0]!).toBe(3_600_000);
  });

  it('keep the virtual clock\'s steps of 1, 2 or 5 × a power of ten', () => {
    expect(tickValues({ from: 0, to: 1500 })).toEqual([0, 200, 400, 600, 800, 1000, 1200, 1400]);
  });
});
