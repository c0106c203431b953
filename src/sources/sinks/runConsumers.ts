/** The consumers of a run that `enact` and `compare-real` name: the ones the run lists, and the state store the engine adds to a run that lists none. Pure. */
import { withStateStore } from '../../engine/sim/consumers';
import type { ConsumerConfig, RunConfig } from '../../engine/types';

/** The consumer `name` of `run` (one it lists, or the state store the engine adds), or undefined. */
export function findRunConsumer(run: RunConfig, name: string): ConsumerConfig | undefined {
  const added = withStateStore(run.consumers).added;
  return run.consumers.find((c) => c.name === name) ?? (added?.name === name ? added : undefined);
}

/** The names of every consumer of `run`, the added state store first. */
export function runConsumerNames(run: RunConfig): string[] {
  return withStateStore(run.consumers).configs.map((c) => c.name);
}

/** Whether `name` is the run's state store (the one whose state is the run's final state). */
export function isRunStore(run: RunConfig, name: string): boolean {
  const { configs, storeIndex } = withStateStore(run.consumers);
  return configs[storeIndex].name === name;
}
