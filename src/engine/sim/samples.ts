/**
 * A time series recorded on change. Per instant it keeps the value it settled on and, when the
 * value rose above both that and the value before the instant and fell back within it (three
 * commands arrive and start at once), first the peak: a step chart of the samples then reaches
 * every maximum the run counts, even one that lasted no time.
 */
import type { Sample } from '../types';

/** Appends samples only when the value changes: at most two per instant, `{t, peak}` then `{t, settled}`. */
export class SampleSeries {
  readonly samples: Sample[] = [];
  /** The instant being recorded, where its samples begin, the value before it and the highest value at it. */
  private instant = Number.NaN;
  private from = 0;
  private before: number | undefined;
  private peak = 0;

  /** Records `value` at time `t` (times never go back). */
  record(t: number, value: number): void {
    const s = this.samples;
    if (t !== this.instant) {
      this.instant = t;
      this.from = s.length;
      this.before = s.length > 0 ? s[s.length - 1].value : undefined;
      this.peak = value;
    } else if (value > this.peak) this.peak = value;
    s.length = this.from;
    const above = this.before === undefined ? value : Math.max(this.before, value);
    if (this.peak > above) s.push({ t, value: this.peak });
    if (this.peak > above || value !== this.before) s.push({ t, value });
  }
}
