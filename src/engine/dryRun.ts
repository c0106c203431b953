/**
 * `dryRun`: decides one input of a scenario against the state just before it, enacting nothing.
 * The state before is setup plus every earlier arrival (in arrival order) decided and enacted
 * serially, as a single worker with a zero-latency state store would. Pure.
 */
import { domainById } from '../../domain';
import { decideInput, evolveRecord, viewOf, type AnyDecider, type DecisionInput } from '../../domain/kernel';
import type { DryRunResult } from './api';
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
  let state: Record<string, unknown> = {};
  for (const input of setup) state = enact(decider, state, input, undefined);
  for (let i = 0; i < target; i++) state = enact(decider, state, arrivals[i].input, options.authorize ? arrivals[i].at : undefined);
  const at = arrivals[target].at;
  const outcome = decideInput(decider, arrivals[target].input, viewOf(state), options.authorize ? { authorize: { now: at } } : {});
  return { outcome, stateBefore: state };
}

function enact(decider: AnyDecider, state: Record<string, unknown>, input: DecisionInput, authorizeAt: number | undefined): Record<string, unknown> {
  const outcome = decideInput(decider, input, viewOf(state), authorizeAt === undefined ? {} : { authorize: { now: authorizeAt } });
  return outcome.events.length === 0 ? state : evolveRecord(decider, state, outcome.events);
}
