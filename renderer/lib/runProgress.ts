/** How the Runs view shows the engine's progress of a run: which run of how many, a bar while commands arrive, a phase text and an indeterminate bar after. Pure. */
import type { RunProgress } from '../../src/engine/api';
import type { CoarseProgress } from './coarseProgress';

/** What the progress line shows: `percent` undefined means an indeterminate bar. */
export interface RunProgressView {
  readonly percent: number | undefined;
  readonly text: string;
}

/**
 * The progress line of `progress` (undefined: the run is starting). The engine's `done`/`total`
 * count arrivals, which are all in long before a big run ends: from then on the bar says what
 * the run is doing instead of sitting full.
 */
export function runProgressView(progress: RunProgress | undefined): RunProgressView {
  if (!progress) return { percent: undefined, text: 'starting…' };
  const arrived = `${progress.done.toLocaleString('en-US')} / ${progress.total.toLocaleString('en-US')} commands arrived`;
  if (progress.phase === 'report') return { percent: undefined, text: 'building the report…' };
  // an engine without phases says the same with done = total
  if (progress.phase === 'finishing' || progress.done >= progress.total) return { percent: undefined, text: 'finishing: deciding and enacting what is queued…' };
  return { percent: Math.floor((progress.done / Math.max(1, progress.total)) * 100), text: arrived };
}

/**
 * "run 2 of 4": where the run in progress stands among the result's runs (`runs`: their names,
 * in the order they run: the scenario's), or undefined for a result of one run or a name not
 * among them.
 */
export function runOrdinal(progress: Pick<RunProgress, 'run'> | undefined, runs: readonly string[]): string | undefined {
  const at = progress ? runs.indexOf(progress.run) : -1;
  return runs.length > 1 && at >= 0 ? `run ${at + 1} of ${runs.length}` : undefined;
}

/**
 * What the Runs view says of a run Cancel stopped during the run named `during` (undefined: not
 * known) among `runs` (their names, in the order they run), `kept` being the names of the runs
 * that had finished and stay the result (../src/worker/engineClient.ts, cancel). None is kept
 * when the first run was stopped, or when the worker had to be terminated (it did not answer,
 * or the page has no shared memory): the sentence then says so rather than let it look like a
 * loss of data.
 */
export function cancelledText(during: string | undefined, runs: readonly string[], kept: readonly string[]): string {
  const ordinal = runOrdinal(during === undefined ? undefined : { run: during }, runs);
  if (during === undefined || !ordinal) return 'The run was stopped; nothing was kept from it.';
  const stopped = `Stopped during “${during}” (${ordinal})`;
  if (kept.length > 0) return `${stopped}; kept the ${kept.length} ${kept.length === 1 ? 'run' : 'runs'} that finished: ${kept.map((name) => `“${name}”`).join(', ')}.`;
  if (runs.indexOf(during) === 0) return `${stopped}; no run had finished, so nothing was kept.`;
  return `${stopped}; nothing was kept: the engine's worker had to be ended to stop it.`;
}

/**
 * What to say of the run's progress now, at coarse steps only (`said` keeps the step said last):
 * each 10 % of the commands' arrival, then each later phase, and each run of several as it
 * starts; undefined when it is the step said before (the line on screen changes in between).
 */
export function spokenRunProgress(progress: RunProgress | undefined, runs: readonly string[], said: CoarseProgress): string | undefined {
  const view = runProgressView(progress);
  const run = progress?.run;
  if (!said.passed(`${run ?? ''}\u0000${view.percent === undefined ? view.text : 'arriving'}`, view.percent)) return undefined;
  const ordinal = runOrdinal(progress, runs);
  const which = run === undefined ? 'Running' : `Running “${run}”${ordinal ? ` (${ordinal})` : ''}`;
  return view.percent === undefined ? `${which}: ${view.text}` : `${which}: ${said.step(view.percent)}% of the commands arrived`;
}
