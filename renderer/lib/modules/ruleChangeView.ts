/**
 * What the Rule change view shows after a module was reloaded (domain-modules.md, "When the rules
 * change"): the comparison of the rules before and after the change, or which of the two
 * stopped on the open scenario and why. The failure shown is always that of a version being
 * compared now, never one left from an earlier reload. Each side is named by its content hash
 * (moduleHash, as the trust prompt shows it) and the time it was loaded. Pure.
 */
import { compareRuleVersions, type RuleChange, type RuleSide } from '../../../src/engine/report/ruleChange';

/** One version's run of the open scenario: its decisions, or the message it stopped with. */
export type RuleSideResult = { readonly ok: true; readonly side: RuleSide } | { readonly ok: false; readonly message: string };

/** Which version of the rules: the one before the change (the module as it was) or after it (as reloaded). */
export type RuleVersion = 'before' | 'after';

/** A loaded version of a module: its content hash (SHA-256, hex, moduleHash) and when it was loaded (ms since the epoch). */
export interface ModuleVersion {
  readonly hash: string;
  readonly loadedAt: number;
}

/** The versions compared, where known: the one before the change, the one after, and the last one that ran. */
export type RuleVersions = Partial<Record<RuleVersion | 'lastRan', ModuleVersion>>;

/** A rule change on screen: what changed, or why there is nothing to compare. */
export interface RuleChangeView {
  readonly module: string;
  readonly change: RuleChange | undefined;
  /** Good news that leads the view: the new rules run the open scenario (shown in the ok tone). */
  readonly runs?: string;
  /** The version that stopped on the open scenario, with its message (with a `change` or `runs`: the version before, a secondary note). */
  readonly failed?: { readonly version: RuleVersion; readonly message: string };
  /** Why there is no comparison, or what the new rules are compared with instead. */
  readonly note?: string;
}

const two = (n: number) => String(n).padStart(2, '0');

/** A version's name on screen: `todo.ts · 3f9a1c2e · 17:42:10` (the hash's first 8 hex digits, the local load time), or `fallback` when not known. */
export function versionLabel(name: string, version: ModuleVersion | undefined, fallback = name): string {
  if (!version) return fallback;
  const t = new Date(version.loadedAt);
  return `${name} · ${version.hash.slice(0, 8)} · ${two(t.getHours())}:${two(t.getMinutes())}:${two(t.getSeconds())}`;
}

/** The view of a reload whose content is the module's own (same content hash): nothing to compare. */
export function unchangedView(name: string, version?: ModuleVersion): RuleChangeView {
  const still = version ? ` ${versionLabel(name, version)} is still the version that runs.` : '';
  return { module: name, change: undefined, note: `The module is unchanged (same content hash): nothing to compare.${still}` };
}

/** "The new rules run the open scenario: 3 runs, no module problem". */
const runsWell = (side: RuleSide): string => {
  const n = side.report.runs.length;
  return `The new rules run the open scenario: ${n} ${n === 1 ? 'run' : 'runs'}, no module problem.`;
};

/**
 * The view of one reload of `name`: the new rules (`after`) against the rules just before
 * (`before`); when those stopped, against `lastRan` — the last version of the module that ran
 * the scenario — if it runs it and its content differs. A version after the change that stops
 * is the failure shown; when nothing is compared but the new rules run, that leads the view.
 */
export function ruleChangeView(name: string, before: RuleSideResult, after: RuleSideResult, lastRan?: RuleSideResult, versions: RuleVersions = {}): RuleChangeView {
  const label = (v: RuleVersion | 'lastRan', fallback: string) => versionLabel(name, versions[v], fallback);
  if (!after.ok) return { module: name, change: undefined, failed: { version: 'after', message: after.message }, note: `Nothing is compared until the new rules run the scenario: fix ${name} and reload it (Runs shows the same message).` };
  if (before.ok) return { module: name, change: compareRuleVersions(before.side, after.side, { old: label('before', `${name} (before)`), new: label('after', name) }) };
  const failed = { version: 'before', message: before.message } as const;
  const runs = runsWell(after.side);
  if (lastRan?.ok) {
    const last = versions.lastRan;
    if (last && last.hash === versions.after?.hash) {
      return { module: name, change: undefined, runs, failed, note: `They have the same content hash as ${versionLabel(name, last)}, the last version that ran the scenario: nothing to compare.` };
    }
    const change = compareRuleVersions(lastRan.side, after.side, { old: label('lastRan', `${name} (the last version that ran)`), new: label('after', name) });
    return { module: name, change, failed, note: `So the new rules are compared with the last version of ${name} that ran the scenario.` };
  }
  return { module: name, change: undefined, runs, failed, note: `There is no earlier version of ${name} that ran the open scenario to compare with.` };
}
