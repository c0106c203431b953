/** A time series recorded on change: one sample per distinct instant (the last value at that instant wins). */
import type { Sample } from '../types';

/** Appends samples only when the value changes; same-instant changes overwrite. */
export class SampleSeries {
  readonly samples: Sample[] = [];

  /** Records `value` at time `t`. */
  record(t: number, value: number): void {
    const s = this.samples;
    const last = s.length > 0 ? s[s.length - 1] : undefined;
    if (last && last.t === t) {
      const before = s.length > 1 ? s[s.length - 2] : undefined;
      if (before && before.value === value) s.pop();
      else s[s.length - 1] = { t, value };
      return;
    }
    if (last && last.value === value) return;
    s.push({ t, value });
  }
}
