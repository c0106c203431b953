/** The consumers of a run that `enact` and `compare-real` name: the ones the run lists, and the state store the engine adds to a run that lists none. Pure. */
import { defaultStateStore } from '../../engine/sim/consumers';
import type { ConsumerConfig, RunConfig } from '../../engine/types';

/** The name of the state store the engine adds to a run that lists none. */
function addedStoreName(run: RunConfig): string | undefined {
  if (run.consumers.some((c) => c.interpreter === 'state-store')) return undefined;
  return run.consumers.some((c) => c.name === 'state') ? 'state-store' : 'state';
}

/** The consumer `name` of `run` (one it lists, or the state store the engine adds), or undefined. */
export function findRunConsumer(run: RunConfig, name: string): ConsumerConfig | undefined {
  const listed = run.consumers.find((c) => c.name === name);
  if (listed) return listed;
  return addedStoreName(run) === name ? defaultStateStore(name) : undefined;
}

/** The names of every consumer of `run`, the added state store first. */
export function runConsumerNames(run: RunConfig): string[] {
  const added = addedStoreName(run);
  return [...(added ? [added] : []), ...run.consumers.map((c) => c.name)];
}

/** Whether `name` is the run's state store (the one whose state is the run's final state). */
export function isRunStore(run: RunConfig, name: string): boolean {
  const first = run.consumers.find((c) => c.interpreter === 'state-store');
  return first ? first.name === name : addedStoreName(run) === name;
}
