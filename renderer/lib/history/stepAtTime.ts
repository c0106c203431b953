/**
 * Which history step a run had reached at a moment of virtual time: how "Step together" by time
 * lines a run up with another, and after which step a rejected command is shown. Pure.
 */

/**
 * The index of the last step of `history` (in time order, as a trace's history is) whose virtual
 * time `t` (ms) is at or before `at` (ms); -1 when the run had enacted nothing by then.
 */
export function stepAtTime(history: readonly { readonly t: number }[], at: number): number {
  let lo = 0;
  let hi = history.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (history[mid].t <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
