/** Rebuilds the state store's full state at any step of a trace's history. */
import type { Trace } from '../types';
import { StateCursor } from './stateCursor';

/** One cursor per history array, so successive calls (a slider) cost only the steps moved. */
const cursors = new WeakMap<object, StateCursor>();

/**
 * The state `{ streamId: aggregate }` right after history step `step` (-1: before the first
 * enactment); keys sorted. Successive calls on the same trace move a cached cursor, and long
 * jumps start from the nearest checkpoint (see StateCursor).
 */
export function stateAt(trace: Pick<Trace, 'history'>, step: number): Record<string, unknown> {
  let cursor = cursors.get(trace.history);
  if (!cursor) {
    cursor = new StateCursor(trace);
    cursors.set(trace.history, cursor);
  }
  return cursor.moveTo(step).snapshot();
}

/** The aggregate of one stream just before history step `step` (its previous change, via `prevStep`). */
export function aggregateBefore(trace: Pick<Trace, 'history'>, step: number): unknown {
  const prev = trace.history[step]?.prevStep ?? -1;
  return prev < 0 ? undefined : trace.history[prev].after;
}
