/**
 * Which run of the scenario a sweep is of: its place in `runs` and its name (the name is what
 * the sweep plan and the command line's `--run` take). The place follows the run through a
 * rename, so the form never names a run the scenario no longer has. Pure.
 */

/** The run a sweep is of. */
export interface ChosenRun {
  /** Its place in the scenario's `runs` (0 with no runs: the default run). */
  readonly index: number;
  readonly name: string;
  /** How many runs the scenario had when it was chosen or last followed. */
  readonly count: number;
}

type Run = Readonly<Record<string, unknown>>;

/** A run's name as the sweep names it (`default`: the run of a scenario with no runs). */
export const runName = (run: Run | undefined): string => String(run?.name ?? 'default');

const kind = (r: Run): unknown => (r.scheduler as Run | undefined)?.kind;

/** The run a sweep starts with: a pool first, else any run with workers to vary, else the first. */
export function defaultRun(runs: readonly Run[]): ChosenRun {
  const pool = runs.findIndex((r) => kind(r) === 'pool');
  const workers = runs.findIndex((r) => kind(r) !== undefined && kind(r) !== 'serial');
  const index = pool >= 0 ? pool : workers >= 0 ? workers : 0;
  return { index, name: runName(runs[index]), count: runs.length };
}

/**
 * The chosen run after the runs were edited: the same one when its place still holds its name.
 * Else, with as many runs as before, the run at its place under its new name (a rename, even to
 * another run's name, and back). Else (a run added or removed) the one run of its name; else the
 * run now at its place; else, when its place is gone, {@link defaultRun}. `chosen` itself when nothing changed.
 */
export function followRun(runs: readonly Run[], chosen: ChosenRun): ChosenRun {
  const names = runs.map(runName);
  const count = runs.length;
  if (names[chosen.index] === chosen.name) return count === chosen.count ? chosen : { ...chosen, count };
  if (count === chosen.count && chosen.index < count) return { index: chosen.index, name: names[chosen.index], count };
  const moved = names.indexOf(chosen.name);
  if (moved >= 0 && names.lastIndexOf(chosen.name) === moved) return { index: moved, name: chosen.name, count };
  if (chosen.index < count) return { index: chosen.index, name: names[chosen.index], count };
  const fallback = defaultRun(runs);
  return fallback.index === chosen.index && fallback.name === chosen.name && fallback.count === chosen.count ? chosen : fallback;
}
