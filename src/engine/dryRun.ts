/**
 * `dryRun`: decides one input of a scenario against the state just before it, enacting nothing.
 * The state before is setup plus every earlier arrival (in arrival order) decided and enacted
 * serially, as a single worker with a zero-latency state store would. Pure.
 */
import { domainById } from '../../domain';
import { decideInput, type AnyDecider, type DecisionInput } from '../../domain/kernel';
import type { DryRunResult } from './api';
import { setOwn } from './record';
import { expandScenario } from './scenario/expand';
import type { Scenario } from './types';

export interface DryRunOptions {
  /** Run the central authorization policy (before the dry-run input and every earlier one). */
  readonly authorize?: boolean;
}

/** Decides the arrival with id `inputId` (a command or a batch) against the state before it; throws when there is none. */
export function dryRun(scenario: Scenario, inputId: string, options: DryRunOptions = {}): DryRunResult {
  const decider = domainById(scenario.domain);
  if (!decider) throw new Error(`unknown domain "${scenario.domain}"`);
  const { setup, arrivals } = expandScenario(scenario);
  const target = arrivals.findIndex((a) => a.input.id === inputId);
  if (target < 0) throw new Error(`no command or batch with id "${inputId}" arrives in scenario "${scenario.name}"`);
  const state = new Map<string, unknown>();
  for (const input of setup) enact(decider, state, input, undefined);
  for (let i = 0; i < target; i++) enact(decider, state, arrivals[i].input, options.authorize ? arrivals[i].at : undefined);
  const at = arrivals[target].at;
  const outcome = decideInput(decider, arrivals[target].input, state, options.authorize ? { authorize: { now: at } } : {});
  const stateBefore: Record<string, unknown> = {};
  for (const stream of [...state.keys()].sort()) setOwn(stateBefore, stream, state.get(stream));
  return { outcome, stateBefore };
}

/** Decides one input against the state and folds its events in (a local Map: O(events), no copies). */
function enact(decider: AnyDecider, state: Map<string, unknown>, input: DecisionInput, authorizeAt: number | undefined): void {
  const outcome = decideInput(decider, input, state, authorizeAt === undefined ? {} : { authorize: { now: authorizeAt } });
  for (const event of outcome.events) state.set(event.stream, decider.evolve(state.get(event.stream), event));
}
