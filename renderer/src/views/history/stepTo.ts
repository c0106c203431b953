/**
 * Moving one pane's history slider: the step is set at once, and the step's event is selected
 * (so the graph and the timeline show it) once the run reader has read it, unless the user
 * has moved on meanwhile.
 */
import { nodeIds } from '../../../lib/graph/nodeIds';
import type { RunReader } from '../../../lib/reader/runReader';
import type { Inspection } from '../../state/Inspection.svelte';

/** Sets `inspection` to history step `target` (an index, -1: before the first enactment; already held to the run's range). */
export function stepTo(reader: RunReader, inspection: Inspection, target: number): void {
  inspection.step = target;
  inspection.selectedNode = undefined;
  const run = inspection.runIndex;
  if (target < 0) return;
  void reader.historyState(run, target, 0).then(
    (r) => {
      if (inspection.step === target && inspection.runIndex === run && r.entry) inspection.selectedNode = nodeIds.event(r.entry.eventSeq);
    },
    () => {},
  );
}
