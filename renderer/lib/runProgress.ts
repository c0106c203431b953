/** How the Runs view shows the engine's progress of a run: a bar while commands arrive, a phase text and an indeterminate bar after. Pure. */
import type { RunProgress } from '../../src/engine/api';

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
