/** What the user inspects in a run's result: which run, which graph node, which history step. */
import type { GroupBy } from '../../lib/graph/groupGraph';

/** A drill-down into one group of a grouped graph. */
export interface Drill {
  readonly label: string;
  readonly members: readonly string[];
}

/** Shared by the graph, the history and the metrics; selecting in one moves the others. */
export class Inspection {
  runIndex = $state.raw(0);
  selectedNode = $state.raw<string | undefined>(undefined);
  /** History step index (-1: before the first enactment). */
  step = $state.raw(-1);
  groupBy = $state.raw<GroupBy>('type');
  drill = $state.raw<Drill | undefined>(undefined);

  /** Switches run; the selection belongs to the previous run's trace, so it is cleared. */
  selectRun(index: number): void {
    this.runIndex = index;
    this.selectedNode = undefined;
    this.step = -1;
    this.drill = undefined;
  }

  /** Resets for a new result. */
  reset(): void {
    this.selectRun(0);
  }
}
