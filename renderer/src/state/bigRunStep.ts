/**
 * A big run's summary holds the first history steps only; the engine worker knows the rest.
 * Selecting an event past them asks it for the event's step, then moves the history and the
 * selection there — unless the user has selected something else meanwhile.
 */
import type { Inspection } from './Inspection.svelte';
import type { RunSession } from './RunSession.svelte';
import type { Selection } from './Selection.svelte';

/** Moves the history and the selection to the step that enacted event `seq` of run `run` of a big run. */
export async function selectStepOfEvent(session: RunSession, inspection: Inspection, selection: Selection, run: number, event: { readonly seq: number; readonly id: string }): Promise<void> {
  // a failure means the worker let the big result go (another run started): nothing to move to
  const step = await session.engine.stepOfSeq(run, event.seq).catch(() => undefined);
  const now = selection.current;
  if (step === undefined || now?.kind !== 'event' || now.eventSeq !== event.seq || selection.runIndex !== run) return;
  inspection.step = step;
  selection.select({ kind: 'event', id: event.id, eventSeq: event.seq, step }, run);
}
