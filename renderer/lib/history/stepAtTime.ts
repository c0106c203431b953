/**
 * Which history step a run had reached at a moment of virtual time: how "Step together" by time
 * lines a run up with another, and after which step a rejected command is shown. Pure.
 */

/** A run's history steps in time order (as a trace's history is), each at virtual time `t` (ms). */
type Steps = readonly { readonly t: number }[];

/** The index of the first step of `history` whose time is after `at` (`strict`) or at or after it. */
function firstAfter(history: Steps, at: number, strict: boolean): number {
  let lo = 0;
  let hi = history.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (strict ? history[mid].t <= at : history[mid].t < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The index of the last step of `history` whose virtual time `t` (ms) is at or before `at` (ms);
 * -1 when the run had enacted nothing by then.
 */
export function stepAtTime(history: Steps, at: number): number {
  return firstAfter(history, at, true) - 1;
}

/**
 * "Step together" by time: the step of run `theirs` lined up with step `step` of run `mine`
 * (held to `mine`'s range; -1, or an empty `mine`: -1). Several steps may share a moment; the
 * k-th step at time t of `mine` lines up with the k-th step at t of `theirs` (held to the last
 * at t), so runs with the same steps line up step for step; when `theirs` has no step at t, its
 * last step before t (-1: none). Both histories in time order.
 */
export function stepAtSameTime(mine: Steps, step: number, theirs: Steps): number {
  if (step < 0 || mine.length === 0) return -1;
  const at = mine[Math.min(step, mine.length - 1)].t;
  const rank = Math.min(step, mine.length - 1) - firstAfter(mine, at, false);
  const [first, last] = [firstAfter(theirs, at, false), stepAtTime(theirs, at)];
  return first > last ? last : Math.min(first + rank, last);
}
