import { describe, expect, it } from 'vitest';
import { InterimReports, type ReportClock } from '../../../../renderer/lib/inspector/interimReports';

/** A clock moved by hand, with its one pending timer. */
function handClock() {
  let now = 0;
  const timers: { at: number; run: () => void; handle: number }[] = [];
  let next = 1;
  const clock: ReportClock = {
    now: () => now,
    later: (run, ms) => {
      timers.push({ at: now + ms, run, handle: next });
      return next++;
    },
    cancel: (handle) => {
      const i = timers.findIndex((t) => t.handle === handle);
      if (i >= 0) timers.splice(i, 1);
    },
  };
  const advance = (ms: number) => {
    now += ms;
    for (let t = timers.find((x) => x.at <= now); t; t = timers.find((x) => x.at <= now)) {
      timers.splice(timers.indexOf(t), 1);
      t.run();
    }
  };
  return { clock, advance, pending: () => timers.length, cost: (ms: number) => (now += ms) };
}

describe('interim reports of a live import', () => {
  it('reports the first batch at once, then at most once a second, and what came after a report once the second is up', () => {
    const { clock, advance, pending } = handClock();
    const made: number[] = [];
    const reports = new InterimReports(() => made.push(clock.now()), 1000, clock);
    reports.changed();
    expect(made).toEqual([0]);
    advance(100);
    reports.changed();
    advance(100);
    reports.changed(); // a second batch while one waits: still one report
    expect([made.length, pending()]).toEqual([1, 1]);
    advance(800);
    expect(made).toEqual([0, 1000]);
    // the tail pauses: nothing more to report
    advance(5000);
    expect(made).toEqual([0, 1000]);
    reports.changed();
    expect(made).toEqual([0, 1000, 6000]);
  });

  it('spends at most a tenth of the time on reports: a slow one spaces the next', () => {
    const { clock, advance, cost } = handClock();
    const made: number[] = [];
    const reports = new InterimReports(() => {
      made.push(clock.now());
      cost(500); // a big state's hash
    }, 1000, clock);
    reports.changed();
    reports.changed();
    advance(4000);
    expect(made).toEqual([0]);
    advance(500);
    expect(made).toEqual([0, 5000]);
  });

  it('makes none once stopped, and drops the one waiting', () => {
    const { clock, advance, pending } = handClock();
    let made = 0;
    const reports = new InterimReports(() => made++, 1000, clock);
    reports.changed();
    reports.changed();
    reports.stop();
    expect(pending()).toBe(0);
    advance(2000);
    reports.changed();
    expect(made).toBe(1);
  });
});
