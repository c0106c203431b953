/**
 * A step and its node, one following the other: moving one pane's history slider sets the step
 * at once and selects the step's event (so the graph and the timeline show it) once the run
 * reader has read it; selecting a node (in the graph, the timeline or the event log) selects it
 * at once and moves the history to its step once the reader has found it — each unless the
 * user has moved on meanwhile.
 */
import { linkedStep, type AlignBy } from '../../../lib/beside/besideRun';
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
 * "Step together": moves pane `other` to where pane `from` is, lined up `by` time (the other
 * run's step at the virtual time of `from`'s step, RunReader.stepAtSameTime, once the reader has found it —
 * unless either pane has moved on meanwhile) or `by` step (the same index held to the other run's
 * range; `runs`: the result's run overviews, which give each run's length). Every view that steps
 * together lines the panes up here.
 */
export function stepAlong(reader: RunReader, runs: readonly RunOverview[], from: Inspection, other: Inspection, by: AlignBy): void {
  const step = from.step;
  if (by === 'step' || step < 0) return stepTo(reader, other, linkedStep(step, (runs[other.runIndex]?.history ?? 0) - 1));
  const [run, otherRun, otherStep] = [from.runIndex, other.runIndex, other.step];
  void reader.stepAtSameTime(run, step, otherRun).then(
    (target) => {
      if (from.step === step && from.runIndex === run && other.runIndex === otherRun && other.step === otherStep) stepTo(reader, other, target);
    },
    () => {},
  );
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
