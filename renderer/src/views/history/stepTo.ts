/**
 * A step and its node, one following the other: moving one pane's history slider sets the step
 * at once and selects the step's event (so the graph and the timeline show it) once the run
 * reader has read it; selecting a node (in the graph, the timeline or the event log) selects it
 * at once and moves the history to its step once the reader has found it — each unless the
 * user has moved on meanwhile.
 */
import { linkedStep } from '../../../lib/beside/besideRun';
import { nodeIds } from '../../../lib/graph/nodeIds';
import type { RunOverview, RunReader } from '../../../lib/reader/runReader';
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

/**
 * "Step together": sets pane `other` to history step `step` (another pane's), held to the range
 * of its own run (`runs`: the result's run overviews, which give each run's length).
 */
export function stepAlong(reader: RunReader, runs: readonly RunOverview[], other: Inspection, step: number): void {
  stepTo(reader, other, linkedStep(step, (runs[other.runIndex]?.history ?? 0) - 1));
}

/**
 * Selects node `node` of run `run` in `inspection`, and once the reader has found the node's
 * history step (if it has one), sets it and tells `onStep` — unless another node or run has been
 * selected meanwhile.
 */
export function selectNode(reader: RunReader, inspection: Inspection, run: number, node: string, onStep?: (step: number) => void): void {
  inspection.selectedNode = node;
  void reader.stepOfNode(run, node).then(
    (step) => {
      if (step === undefined || inspection.selectedNode !== node || inspection.runIndex !== run) return;
      inspection.step = step;
      onStep?.(step);
    },
    () => {},
  );
}
