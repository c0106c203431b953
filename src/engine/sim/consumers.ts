/** Builds a run's consumer lanes: the state store (first `state-store` consumer, or a default one) and the rest. */
import type { AnyDomainModule } from '../../../domain/kernel';
import type { EngineServices, Interpreter } from '../consumers/interpreter';
import { createInterpreter } from '../consumers/registry';
import { seededRandom } from '../random';
import { setOwn } from '../record';
import type { AttemptRecord, ConsumerConfig, RunConfig } from '../types';
import type { EventQueue } from './eventQueue';
import { ConsumerLane, type SettleListener } from './consumerLane';
import type { RunCounters } from './runCounters';
import { fnv1a } from './fnv1a';
import { StateStore, type StateInterpreter } from './stateStore';

/** The default state store consumer, added when a run lists none. */
export const defaultStateStore = (name: string): ConsumerConfig => ({
  name,
  interpreter: 'state-store',
  events: '*',
  latencyMs: 0,
  workers: 1,
  failureRate: 0,
  delivery: 'exactly-once',
  duplicateRate: 0,
  idempotent: true,
  deadLetter: true,
  downtime: [],
});

/** Random stream ids: one base per consumer (from its name, so adding a consumer moves no other's draws), one offset per purpose. */
const streamBase = (name: string): number => 1000 + (fnv1a(name) & 0xffff) * 8;

/** The run's consumers with the state store found or added (its index in `lanes`). */
export interface RunConsumers {
  readonly store: StateStore;
  readonly lanes: ConsumerLane[];
  readonly storeLane: ConsumerLane;
  /** Each consumer's interpreter by name (e.g. to query or export a `sql` consumer's database after the run). */
  readonly interpreters: Readonly<Record<string, Interpreter>>;
}

export interface ConsumerSetup {
  readonly decider: AnyDomainModule;
  readonly run: RunConfig;
  readonly seed: number;
  readonly queue: EventQueue;
  readonly counters: RunCounters;
  readonly listener: SettleListener;
  readonly tracing: boolean;
  /** Where lanes record their attempts (trace only). */
  readonly attempts: AttemptRecord[];
  readonly services: EngineServices;
}

/** A run's consumers as the engine runs them (withStateStore). */
export interface RunConsumerList {
  /** In lane order: the added state store (if any) first, then the listed ones. */
  readonly configs: readonly ConsumerConfig[];
  /** The index in `configs` of the run's state store (the one decisions read). */
  readonly storeIndex: number;
  /** The default state store the engine added; undefined when the run lists a `state-store` of its own. */
  readonly added?: ConsumerConfig;
}

/**
 * A run's consumers in the order the engine builds their lanes: the ones it lists, after a
 * default state store when none of them is a `state-store` — named "state", or "state-store"
 * when a listed consumer is called "state" (scenario.md, "Scheduler kinds"). Every view and
 * command that names a run's consumers lists them from here. Pure.
 */
export function withStateStore(listed: readonly ConsumerConfig[]): RunConsumerList {
  const name = addedStoreName(listed);
  if (name === undefined) return { configs: listed, storeIndex: listed.findIndex((c) => c.interpreter === 'state-store') };
  const added = defaultStateStore(name);
  return { configs: [added, ...listed], storeIndex: 0, added };
}

/** The name of the state store the engine adds to a run listing consumers `listed` (withStateStore); undefined when one of them is a `state-store`. */
export function addedStoreName(listed: readonly Pick<ConsumerConfig, 'name' | 'interpreter'>[]): string | undefined {
  if (listed.some((c) => c.interpreter === 'state-store')) return undefined;
  return listed.some((c) => c.name === 'state') ? 'state-store' : 'state';
}

/** Creates the lanes of a run in consumer order (a default state store first when none is listed: withStateStore). */
export function buildConsumers(setup: ConsumerSetup): RunConsumers {
  const { configs, storeIndex } = withStateStore(setup.run.consumers);
  // The run's state store recognises repeats itself (by seq), so its interpreter is made non-idempotent.
  const interpreters = configs.map((config, i) => {
    const idempotent = i === storeIndex ? false : config.idempotent;
    return createInterpreter({ ...config, idempotent }, { decider: setup.decider, consumer: config.name, idempotent, services: setup.services });
  });
  const storeConfig = configs[storeIndex];
  const store = new StateStore(setup.decider, interpreters[storeIndex] as StateInterpreter, storeConfig.idempotent, setup.tracing);
  const lanes = configs.map((config, i) => {
    const interpreter = i === storeIndex ? store : interpreters[i];
    const base = streamBase(config.name);
    const randoms = {
      latency: seededRandom(setup.seed, base),
      failure: seededRandom(setup.seed, base + 1),
      duplicate: seededRandom(setup.seed, base + 2),
      enact: seededRandom(setup.seed, base + 3),
    };
    return new ConsumerLane(i, config, interpreter, randoms, setup.queue, setup.counters, i === storeIndex ? setup.listener : undefined, setup.tracing, setup.attempts);
  });
  const byName: Record<string, Interpreter> = {};
  configs.forEach((config, i) => setOwn(byName, config.name, interpreters[i]));
  return { store, lanes, storeLane: lanes[storeIndex], interpreters: byName };
}
