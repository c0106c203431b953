/**
 * Whether a result on screen was run from the scenario as it is now: the one rule the result
 * views (Runs, Compare, Metrics, Sweep) follow before they show a result under a command line
 * that names the open scenario, and the rule the workspace tells a stored run of the scenario as
 * it is from a run of an earlier version by. Pure.
 */
import type { ParseResult } from '../../src/engine/api';
import type { Scenario } from '../../src/engine/types';

/**
 * What a scenario's runs compute from, as text to compare: the scenario (as parsed, every default
 * filled in) without the parts no run reads — its `name` and `description` (titles for people)
 * and its `x-` keys (`extensions`: kept for tools, never read by the engine). Everything else
 * counts: the format, domain, seed, setup, commands and every run configuration (a run's name
 * included: results are kept and shown by it). A field the scenario gains later counts too.
 */
export function scenarioInputs(scenario: Scenario): string {
  return JSON.stringify({ ...scenario, name: undefined, description: undefined, extensions: undefined });
}

/**
 * How a result stands to the open scenario: `current` when what it ran from (`ran`, its
 * {@link scenarioInputs}) is what the open scenario (`now`, the open document's parse) runs
 * from — the same scenario, or one edited only where no run reads (renamed, described anew), or
 * an edit undone or typed back; `stale` when the open scenario was edited where a run reads it
 * (or has problems, so no run of it exists); `unknown` when what the result ran from is not known
 * (a stored result read without its scenario) or nothing is open.
 */
export type Freshness = 'current' | 'stale' | 'unknown';

export function resultFreshness(ran: string | undefined, now: ParseResult | undefined): Freshness {
  if (ran === undefined || now === undefined) return 'unknown';
  if (!now.ok) return 'stale';
  return scenarioInputs(now.scenario) === ran ? 'current' : 'stale';
}

/**
 * The open scenario (`now`, parsed) while a result is current for it (`fresh`: its
 * resultFreshness, worked out once by a view that also shows whether it is stale), else
 * undefined: the views then title and describe the result by the open scenario, so a rename or a
 * new description — which change no result — shows on it at once.
 */
export function currentScenario(fresh: Freshness, now: ParseResult | undefined): Scenario | undefined {
  return now?.ok && fresh === 'current' ? now.scenario : undefined;
}

/** What the result views say over a stale result (the notice's text before its Run again button). */
export const STALE_RESULT = 'These results are from before your edits';
