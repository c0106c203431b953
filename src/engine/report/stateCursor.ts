/**
 * A cursor over a trace's state history for scrubbing: moving from one step to another costs
 * only the steps in between (forward: apply `after`; backward: restore the stream's `prevStep`),
 * so the UI can follow a slider over a million steps without rebuilding the state each time.
 * Long jumps start from the nearest checkpoint: full copies of the state taken (on the first long
 * jump, in one pass) every max(CHECKPOINT_EVERY, number of streams) steps, so they cost O(1)
 * memory per step amortized and any step is reached in O(streams + CHECKPOINT_EVERY).
 */
import { setOwn } from '../record';
import type { HistoryStep, Trace } from '../types';

/** Fewest steps between two checkpoints. */
export const CHECKPOINT_EVERY = 4096;

interface Checkpoint {
  readonly step: number;
  readonly entries: readonly (readonly [string, unknown])[];
}

/** The state at a movable step of a trace's history (mutable; one per view). */
export class StateCursor {
  private readonly state = new Map<string, unknown>();
  private readonly history: readonly HistoryStep[];
  private checkpoints?: Checkpoint[];
  /** The current step (-1: before the first enactment). */
  step = -1;

  constructor(trace: Pick<Trace, 'history'>) {
    this.history = trace.history;
  }

  /** Moves to `step` (clamped to the history) and returns the cursor. */
  moveTo(step: number): this {
    const target = Math.max(-1, Math.min(step, this.history.length - 1));
    if (Math.abs(target - this.step) > CHECKPOINT_EVERY) this.jumpNear(target);
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

  /** Restores the nearest checkpoint at or before `target` when it is closer than the current step. */
  private jumpNear(target: number): void {
    const checkpoints = (this.checkpoints ??= takeCheckpoints(this.history));
    let lo = 0;
    let hi = checkpoints.length - 1;
    let best: Checkpoint | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (checkpoints[mid].step <= target) {
        best = checkpoints[mid];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const from = best ?? { step: -1, entries: [] };
    if (Math.abs(target - this.step) <= target - from.step) return;
    this.state.clear();
    for (const [k, v] of from.entries) this.state.set(k, v);
    this.step = from.step;
  }

  /** One stream's aggregate at the current step. */
  get(stream: string): unknown {
    return this.state.get(stream);
  }

  /** How many streams have an aggregate at the current step. */
  get size(): number {
    return this.state.size;
  }

  /**
   * At most `max` streams of the current state as `[streamId, aggregate]` pairs, `first` (when it
   * has an aggregate) before the others, the others in the order they first appeared. O(max).
   */
  streams(max: number, first?: string): [string, unknown][] {
    const out: [string, unknown][] = [];
    if (max <= 0) return out;
    if (first !== undefined && this.state.has(first)) out.push([first, this.state.get(first)]);
    for (const [stream, aggregate] of this.state) {
      if (out.length >= max) break;
      if (stream !== first) out.push([stream, aggregate]);
    }
    return out;
  }

  /** The whole state at the current step as `{ streamId: aggregate }`, keys sorted. */
  snapshot(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const key of [...this.state.keys()].sort()) setOwn(out, key, this.state.get(key));
    return out;
  }
}

/** One pass over the history, copying the state every max(CHECKPOINT_EVERY, streams) steps. */
function takeCheckpoints(history: readonly HistoryStep[]): Checkpoint[] {
  const state = new Map<string, unknown>();
  const checkpoints: Checkpoint[] = [];
  let last = -1;
  for (let i = 0; i < history.length; i++) {
    state.set(history[i].stream, history[i].after);
    if (i - last >= Math.max(CHECKPOINT_EVERY, state.size)) {
      checkpoints.push({ step: i, entries: [...state] });
      last = i;
    }
  }
  return checkpoints;
}
