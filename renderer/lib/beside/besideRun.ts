/**
 * Which run the Graph, History and Timeline show beside the current one. The choice is kept by
 * run name, so it outlives a new result of the same runs and is forgotten once a result no
 * longer has that run. The run beside is never the current run. Pure.
 */

/** A run that can be set beside the current one: its index in the report and its name. */
export interface BesideChoice {
  readonly index: number;
  readonly name: string;
}

/** Every run but the current one (`main`, an index into `names`), in the report's order. */
export const besideChoices = (names: readonly string[], main: number): readonly BesideChoice[] =>
  names.flatMap((name, index) => (index === main ? [] : [{ index, name }]));

/**
 * The index of the run beside, given the runs' `names`, the `chosen` run's name (undefined: one
 * pane) and the current run `main`: undefined when nothing is chosen or no run has that name any
 * more. When the current run becomes the chosen one, the pane beside takes `previous` (the run
 * the current one was before, so the two swap), else the first other run; undefined if none.
 */
export function besideIndex(names: readonly string[], chosen: string | undefined, main: number, previous?: number): number | undefined {
  if (chosen === undefined) return undefined;
  const index = names.indexOf(chosen);
  if (index < 0) return undefined;
  if (index !== main) return index;
  if (previous !== undefined && previous !== main && previous >= 0 && previous < names.length) return previous;
  return besideChoices(names, main)[0]?.index;
}

/**
 * How "Step together" lines up the two panes: `time`, at the same moment of virtual time (the
 * other run's step of the same rank among those at that moment, else its last step before it:
 * schedules compared as they unfold; stepAtSameTime); `step`, after as many enactments (each held
 * to its own run's length).
 */
export type AlignBy = 'time' | 'step';

/** History step index `step` of one run held to that run's range (-1 before the first enactment .. `last`): the step a slider stepping together by step takes. */
export const linkedStep = (step: number, last: number): number => Math.max(-1, Math.min(last, step));
