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

  /** Records `value` at time `t` (times never go back). Writes in place: no array is cut and grown again per call. */
  record(t: number, value: number): void {
    const s = this.samples;
    if (t !== this.instant) {
      this.instant = t;
      this.from = s.length;
      this.before = s.length > 0 ? s[s.length - 1].value : undefined;
      this.peak = value;
    } else if (value > this.peak) this.peak = value;
    const before = this.before;
    const above = before === undefined || before < value ? value : before;
    const from = this.from;
    if (this.peak > above) {
      this.put(from, t, this.peak);
      this.put(from + 1, t, value);
      this.cut(from + 2);
    } else if (value !== before) {
      this.put(from, t, value);
      this.cut(from + 1);
    } else this.cut(from);
  }

  /** Sample `i` of the current instant is `value` (a new one only when it differs). */
  private put(i: number, t: number, value: number): void {
    const s = this.samples;
    if (i === s.length) s.push({ t, value });
    else if (s[i].value !== value) s[i] = { t, value };
  }

  /** The current instant keeps its first `n - from` samples. */
  private cut(n: number): void {
    const s = this.samples;
    while (s.length > n) s.pop();
  }
}
