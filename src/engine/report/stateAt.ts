/** Rebuilds the state store's full state at any step of a trace's history. */
import type { Trace } from '../types';

/**
 * The state `{ streamId: aggregate }` right after history step `step` (-1: before the first
 * enactment). Walks the history once, O(step); keys sorted.
 */
export function stateAt(trace: Pick<Trace, 'history'>, step: number): Record<string, unknown> {
  const latest = new Map<string, unknown>();
  const last = Math.min(step, trace.history.length - 1);
  for (let i = 0; i <= last; i++) {
    const h = trace.history[i];
    latest.set(h.stream, h.after);
  }
  const out: Record<string, unknown> = {};
  for (const key of [...latest.keys()].sort()) out[key] = latest.get(key);
  return out;
}

/** The aggregate of one stream just before history step `step` (its previous change, via `prevStep`). */
export function aggregateBefore(trace: Pick<Trace, 'history'>, step: number): unknown {
  const prev = trace.history[step]?.prevStep ?? -1;
  return prev < 0 ? undefined : trace.history[prev].after;
}
