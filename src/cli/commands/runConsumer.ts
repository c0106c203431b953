/** The consumer of a run that `enact` and `compare-real` name (src/sources/sinks/runConsumers.ts), or a usage error listing the run's consumers. */
import { findRunConsumer, runConsumerNames } from '../../sources/sinks/runConsumers';
import type { ConsumerConfig, RunConfig } from '../../engine/types';
import { didYouMeanText } from '../../engine/text/didYouMean';
import { UsageError } from '../io';

/** The consumer `name` of `run`; a usage error listing the run's consumers when there is none of that name. */
export function runConsumer(run: RunConfig, name: string, file: string): ConsumerConfig {
  const found = findRunConsumer(run, name);
  if (found) return found;
  const names = runConsumerNames(run);
  throw new UsageError(`--consumer "${name}": run "${run.name}" of ${file} has no consumer of that name; its consumers: ${names.map((n) => `"${n}"`).join(', ')}${didYouMeanText(name, names)}`);
}
