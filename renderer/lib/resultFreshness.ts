/**
 * Whether a result on screen was run from the scenario as it is now: the one rule the result
 * views (Runs, Compare, Metrics, Sweep) follow before they show a result under a command line
 * that names the open scenario. Pure.
 */
import type { ParseResult } from '../../src/engine/api';
import type { Scenario } from '../../src/engine/types';

/**
 * How a result stands to the open scenario: `current` when the scenario it ran (`ran`) is the
 * open one (`now`, the open document's parse) — the same object, or an equal value, as after an
 * edit undone or typed back; `stale` when the open scenario was edited since (or has problems, so
 * no run of it exists); `unknown` when the result's scenario is not known (a stored result read
 * without its scenario) or nothing is open.
 */
export type Freshness = 'current' | 'stale' | 'unknown';

export function resultFreshness(ran: Scenario | undefined, now: ParseResult | undefined): Freshness {
  if (ran === undefined || now === undefined) return 'unknown';
  if (!now.ok) return 'stale';
  if (now.scenario === ran) return 'current';
  return JSON.stringify(now.scenario) === JSON.stringify(ran) ? 'current' : 'stale';
}

/** What the result views say over a stale result (the notice's text before its Run again button). */
export const STALE_RESULT = 'These results are from before your edits';
