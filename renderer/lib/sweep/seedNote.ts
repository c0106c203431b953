/**
 * Whether a sweep's seeds can change its numbers: a sweep over seeds (or of the seed) whose run
 * draws nothing from the seed at any point (seedDraws, the engine's own list of what the seed
 * drives) gives every seed the same result — said, rather than left to look like a coincidence. Pure.
 */
import { seedDraws } from '../../../src/engine/scenario/seedDraws';
import type { SweepJobs } from './sweepCore';

/** What to say of a sweep's seeds, or undefined when it varies no seed or some point draws from it. */
export function seedNote(sweep: Pick<SweepJobs, 'run' | 'params' | 'seeds' | 'points'>): string | undefined {
  const seedSwept = sweep.params.includes('seed');
  if (!seedSwept && sweep.seeds.length < 2) return undefined;
  if (sweep.points.some((p) => seedDraws(p.scenario, sweep.run).length > 0)) return undefined;
  const what = seedSwept ? 'The seed changes nothing here' : `Each of the ${sweep.seeds.length} seeds gives the same numbers`;
  return `${what}: nothing in “${sweep.run}” draws on the seed — arrival times are fixed (no repeat jitter), the service time is constant and no consumer's latency, failures or duplicates are random.`;
}
