/** The consumer of a run that `enact` and `compare-real` name: one the run lists, or the state store the engine adds to a run that lists none. */
import { defaultStateStore } from '../../engine/sim/consumers';
import type { ConsumerConfig, RunConfig } from '../../engine/types';
import { UsageError } from '../io';

/** The name of the state store the engine adds to a run that lists none. */
function addedStoreName(run: RunConfig): string | undefined {
  if (run.consumers.some((c) => c.interpreter === 'state-store')) return undefined;
  return run.consumers.some((c) => c.name === 'state') ? 'state-store' : 'state';
}

/** The consumer `name` of `run`; a usage error listing the run's consumers when there is none of that name. */
export function runConsumer(run: RunConfig, name: string, file: string): ConsumerConfig {
  const listed = run.consumers.find((c) => c.name === name);
  if (listed) return listed;
  const added = addedStoreName(run);
  if (added === name) return defaultStateStore(name);
  const names = [...(added ? [added] : []), ...run.consumers.map((c) => c.name)];
  throw new UsageError(`--consumer "${name}": run "${run.name}" of ${file} has no consumer of that name; its consumers: ${names.map((n) => `"${n}"`).join(', ')}`);
}

/** Whether `name` is the run's state store (the one whose state is the run's final state). */
export function isRunStore(run: RunConfig, name: string): boolean {
  const first = run.consumers.find((c) => c.interpreter === 'state-store');
  return first ? first.name === name : addedStoreName(run) === name;
}
