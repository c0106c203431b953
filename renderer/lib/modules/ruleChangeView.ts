/**
 * What the Rule change view shows after a module was reloaded (domain-modules.md, "When the rules
 * change"): the comparison of the rules before and after the change, or which of the two
 * stopped on the open scenario and why. The failure shown is always that of a version being
 * compared now, never one left from an earlier reload. Pure.
 */
import { compareRuleVersions, type RuleChange, type RuleSide } from '../../../src/engine/report/ruleChange';

/** One version's run of the open scenario: its decisions, or the message it stopped with. */
export type RuleSideResult = { readonly ok: true; readonly side: RuleSide } | { readonly ok: false; readonly message: string };

/** Which version of the rules: the one before the change (the module as it was) or after it (as reloaded). */
export type RuleVersion = 'before' | 'after';

/** A rule change on screen: what changed, or why there is nothing to compare. */
export interface RuleChangeView {
  readonly module: string;
  readonly change: RuleChange | undefined;
  /** The version that stopped on the open scenario, with its message (with a `change`: the version before, replaced by the last one that ran). */
  readonly failed?: { readonly version: RuleVersion; readonly message: string };
  /** Why there is no comparison, or what the new rules are compared with instead. */
  readonly note?: string;
}

/**
 * The view of one reload of `name`: the new rules (`after`) against the rules just before
 * (`before`); when those stopped, against `lastRan` — the last version of the module that ran
 * the scenario — if it runs it. A version after the change that stops is the failure shown.
 */
export function ruleChangeView(name: string, before: RuleSideResult, after: RuleSideResult, lastRan?: RuleSideResult): RuleChangeView {
  if (!after.ok) return { module: name, change: undefined, failed: { version: 'after', message: after.message }, note: `Nothing is compared until the new rules run the scenario: fix ${name} and reload it (Runs shows the same message).` };
  if (before.ok) return { module: name, change: compareRuleVersions(before.side, after.side, { old: `${name} (before)`, new: name }) };
  const failed = { version: 'before', message: before.message } as const;
  if (lastRan?.ok) {
    const change = compareRuleVersions(lastRan.side, after.side, { old: `${name} (the last version that ran)`, new: name });
    return { module: name, change, failed, note: `So the new rules are compared with the last version of ${name} that ran the scenario.` };
  }
  return { module: name, change: undefined, failed, note: `There is no earlier version of ${name} that ran the open scenario to compare with; the new rules run it (see Runs).` };
}
