/**
 * Decision drift between two versions of a domain's rules (domain-modules.md, "When the rules
 * change"): the same scenario run with the old and the new rules, compared per run and per
 * command — what the old rules decided and what the new ones decide (events or rejection
 * code) — with every metric's delta. Used by `purestream compare --against` and the app's Rule
 * change view. Pure.
 */
import type { AnyDomainModule, CommandEnvelope } from '../../../domain/kernel';
import type { RunResult } from '../api';
import { expandScenario } from '../scenario/expand';
import { commandsOf } from '../sim/inputs';
import type { Metrics, Report, RunReport, Scenario, StateDifference, Trace } from '../types';
import { canonicalJson } from './canonicalJson';
import { diffLeaves } from './compareRuns';

/** What one command's decision was: its events (type and data), or its rejection code. */
export type DecisionOutcome = { readonly events: readonly { readonly type: string; readonly data: unknown }[] } | { readonly rejected: string };

/** One command's decision in a run. */
export interface CommandDecision {
  readonly commandId: string;
  /** The command's type. */
  readonly type: string;
  /** The command's data, as the scenario expanded it (defaults filled in). */
  readonly data: unknown;
  readonly outcome: DecisionOutcome;
}

/** The commands of a scenario's arrivals by id, batch items included (what `commandDecisions` names commands by). */
export function scenarioCommands(scenario: Scenario, domain?: AnyDomainModule): ReadonlyMap<string, CommandEnvelope> {
  const out = new Map<string, CommandEnvelope>();
  for (const arrival of expandScenario(scenario, domain).arrivals) for (const c of commandsOf(arrival.input)) out.set(c.id, c);
  return out;
}

/** One side of a rule change from a traced run of `scenario` (`domain`: the module it ran with, else the bundled one). */
export function ruleSide(scenario: Scenario, result: RunResult, domain?: AnyDomainModule): RuleSide {
  const commands = scenarioCommands(scenario, domain);
  return { report: result.report, decisions: result.traces.map((t) => commandDecisions(t, commands)) };
}

/** Every command's decision in a run, in the order the decisions started, with its type and data from `commands` ({@link scenarioCommands}). */
export function commandDecisions(trace: Trace, commands: ReadonlyMap<string, CommandEnvelope>): CommandDecision[] {
  const eventsOf = new Map<string, { type: string; data: unknown }[]>();
  for (const e of trace.log) {
    let list = eventsOf.get(e.causationId);
    if (!list) eventsOf.set(e.causationId, (list = []));
    list.push({ type: e.type, data: e.data });
  }
  const out: CommandDecision[] = [];
  for (const d of trace.decisions) {
    const rejected = new Map(d.rejections.map((r) => [r.commandId, r.rejection.code]));
    for (const commandId of d.commandIds) {
      const code = rejected.get(commandId);
      const command = commands.get(commandId);
      const outcome = code !== undefined ? { rejected: code } : { events: eventsOf.get(commandId) ?? [] };
      out.push({ commandId, type: command?.type ?? (d.kind === 'command' ? d.type : ''), data: command?.data, outcome });
    }
  }
  return out;
}

/** One side of the comparison: a run report and its command decisions per run. */
export interface RuleSide {
  readonly report: Report;
  readonly decisions: readonly (readonly CommandDecision[])[];
}

/**
 * A metric under the old and the new rules. A latency percentile of a run that had none to
 * measure — `enactLatencyMs` with no accepted command, `commandLatencyMs` with no command — is
 * `null` (the run report writes 0 there, cli-and-reports.md); `delta` is null when only one side
 * has a value, 0 when neither has.
 */
export interface MetricDelta {
  readonly metric: string;
  readonly old: number | null;
  readonly new: number | null;
  readonly delta: number | null;
}

/** One command decided differently. */
export interface DecisionChange {
  readonly commandId: string;
  readonly type: string;
  /** The command's data (as the old side's scenario expanded it). */
  readonly data: unknown;
  readonly old: DecisionOutcome;
  readonly new: DecisionOutcome;
}

/** One run under both versions of the rules. */
export interface RunRuleChange {
  readonly run: string;
  /** Commands decided under both versions. */
  readonly commands: number;
  /** Commands decided differently (events, their data, or the rejection code). */
  readonly changed: number;
  readonly metrics: readonly MetricDelta[];
  /** Rejections by code, before and after (every code either version used). */
  readonly rejections: readonly MetricDelta[];
  readonly sameFinalState: boolean;
  /**
   * Where the final states differ, leaf by leaf (`a` under the old rules, `b` under the new;
   * absent = null), sorted by path as `compare`'s comparison lists them; empty when the final
   * states are the same.
   */
  readonly finalStateDifferences: readonly StateDifference[];
  readonly changes: readonly DecisionChange[];
}

/** The whole comparison (`compare --against --json`). */
export interface RuleChange {
  readonly format: 'purestream/rule-change@1';
  readonly scenario: string;
  /** How the two versions are named (their module paths, or domain ids). */
  readonly old: string;
  readonly new: string;
  readonly runs: readonly RunRuleChange[];
}

/** Every metric of a run as a flat list (`commandLatencyMs.p95`), `violations` last; null for a latency with nothing measured. */
function flatMetrics(report: RunReport): Map<string, number | null> {
  const out = new Map<string, number | null>();
  const m = report.metrics satisfies Metrics;
  const measured = (prefix: string): boolean => (prefix.startsWith('enactLatencyMs.') ? m.accepted > 0 : prefix.startsWith('commandLatencyMs.') ? m.commands > 0 : true);
  const walk = (prefix: string, value: unknown) => {
    if (typeof value === 'number') out.set(prefix, measured(prefix) ? value : null);
    else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) walk(prefix ? `${prefix}.${k}` : k, v);
  };
  walk('', m);
  out.set('violations', report.violations.length);
  return out;
}

const deltas = (a: Map<string, number | null>, b: Map<string, number | null>): MetricDelta[] =>
  [...new Set([...a.keys(), ...b.keys()])].map((metric) => {
    // a metric one side lacks (a rejection code it never gave) is 0 there; null stays null
    const o = a.has(metric) ? a.get(metric)! : 0;
    const n = b.has(metric) ? b.get(metric)! : 0;
    return { metric, old: o, new: n, delta: o === null && n === null ? 0 : o === null || n === null ? null : n - o };
  });

/** Compares the same scenario run under old and new rules, run by run (matched by name). */
export function compareRuleVersions(oldSide: RuleSide, newSide: RuleSide, names: { readonly old: string; readonly new: string }): RuleChange {
  const runs = oldSide.report.runs.flatMap((oldRun, i): RunRuleChange[] => {
    const j = newSide.report.runs.findIndex((r) => r.name === oldRun.name);
    if (j < 0) return [];
    const newRun = newSide.report.runs[j];
    const after = new Map(newSide.decisions[j]?.map((d) => [d.commandId, d]) ?? []);
    const changes: DecisionChange[] = [];
    let commands = 0;
    for (const before of oldSide.decisions[i] ?? []) {
      const now = after.get(before.commandId);
      if (!now) continue;
      commands++;
      if (canonicalJson(before.outcome) !== canonicalJson(now.outcome)) changes.push({ commandId: before.commandId, type: before.type || now.type, data: before.data, old: before.outcome, new: now.outcome });
    }
    const sameFinalState = oldRun.stateHash === newRun.stateHash;
    return [
      {
        run: oldRun.name,
        commands,
        changed: changes.length,
        metrics: deltas(flatMetrics(oldRun), flatMetrics(newRun)),
        rejections: deltas(new Map(Object.entries(oldRun.rejections)), new Map(Object.entries(newRun.rejections))),
        sameFinalState,
        finalStateDifferences: sameFinalState ? [] : diffLeaves(oldRun.finalState, newRun.finalState),
        changes,
      },
    ];
  });
  return { format: 'purestream/rule-change@1', scenario: oldSide.report.scenario, old: names.old, new: names.new, runs };
}

/** `MoneyWithdrawn, FeeCharged` or `rejected: insufficient-funds` (`nothing` for no events). */
export const outcomeText = (o: DecisionOutcome): string => ('rejected' in o ? `rejected: ${o.rejected}` : o.events.length ? o.events.map((e) => e.type).join(', ') : 'nothing');

/** The comparison in one sentence; `changed` when some decision or some final state differs. */
export interface RuleChangeHeadline {
  readonly changed: boolean;
  readonly text: string;
}

/**
 * What the rule change comes to, as the Rule change view heads it and `compare --against` prints
 * it: nothing; or every decision the same but final states that differ — the same events folded
 * into another state, so evolve changed; or how many decisions changed, in how many runs.
 */
export function ruleChangeHeadline(change: RuleChange): RuleChangeHeadline {
  const total = change.runs.length;
  const ofRuns = (n: number) => `${n} of ${total} run${total === 1 ? '' : 's'}`;
  const decidedDifferently = change.runs.filter((r) => r.changed > 0).length;
  const statesDiffer = change.runs.filter((r) => !r.sameFinalState).length;
  if (total === 0) return { changed: false, text: 'No run of the scenario ran under both versions of the rules.' };
  if (decidedDifferently === 0 && statesDiffer === 0) return { changed: false, text: 'Nothing changed: every command of every run was decided exactly as before, and the final states are the same.' };
  if (decidedDifferently === 0) return { changed: true, text: `Every command was decided as before, but the final state differs in ${ofRuns(statesDiffer)}: evolve folds the events differently.` };
  // a command decided in every run counts once per run, as each run's "N of M decisions changed"
  const changed = change.runs.reduce((n, r) => n + r.changed, 0);
  const decisions = change.runs.reduce((n, r) => n + r.commands, 0);
  const states = statesDiffer === 0 ? '; the final states are the same' : `; the final state differs in ${ofRuns(statesDiffer)}`;
  return { changed: true, text: `${changed} of ${decisions} decisions changed, in ${ofRuns(decidedDifferently)}${states}.` };
}
