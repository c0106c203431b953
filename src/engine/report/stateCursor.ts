/**
 * A cursor over a trace's state history for scrubbing: moving from one step to another costs
 * only the steps in between (forward: apply `after`; backward: restore the stream's `prevStep`),
 * so the UI can follow a slider over a million steps without rebuilding the state each time.
 */
import type { HistoryStep, Trace } from '../types';

/** The state at a movable step of a trace's history (mutable; one per view). */
export class StateCursor {
  private readonly state = new Map<string, unknown>();
  private readonly history: readonly HistoryStep[];
  /** The current step (-1: before the first enactment). */
  step = -1;

  constructor(trace: Pick<Trace, 'history'>) {
    this.history = trace.history;
  }

  /** Moves to `step` (clamped to the history) and returns the cursor. */
  moveTo(step: number): this {
    const target = Math.max(-1, Math.min(step, this.history.length - 1));
    while (this.step < target) {
      const h = this.history[++this.step];
      this.state.set(h.stream, h.after);
    }
    while (this.step > target) {
      const h = this.history[this.step--];
      if (h.prevStep < 0) this.state.delete(h.stream);
      else this.state.set(h.stream, this.history[h.prevStep].after);
    }
    return this;
  }

  /** One stream's aggregate at the current step. */
  get(stream: string): unknown {
    return this.state.get(stream);
  }

  /** The whole state at the current step as `{ streamId: aggregate }`, keys sorted. */
  snapshot(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const key of [...this.state.keys()].sort()) out[key] = this.state.get(key);
    return out;
  }
}
