/** What the user inspects in a run's result: which run, which graph node, which history step. */

/** Shared by the graph, the history, the timeline and the event log; selecting in one moves the others. */
export class Inspection {
  runIndex = $state.raw(0);
  selectedNode = $state.raw<string | undefined>(undefined);
  /** History step index (-1: before the first enactment). */
  step = $state.raw(-1);

  /** Switches run; the selection belongs to the previous run's trace, so it is cleared. */
  selectRun(index: number): void {
    this.runIndex = index;
    this.selectedNode = undefined;
    this.step = -1;
  }

  /** Resets for a new result. */
  reset(): void {
    this.selectRun(0);
  }
}
