/**
 * `purestream compare <scenario.json> [--domain ID|PATH] [--json]`: runs every run and prints them
 * side by side with each run's final-state differences from the first (`comparison` in the
 * report). With `--against ID|PATH`: the same scenario under two versions of the rules (the
 * scenario's own domain, or `--domain`, against the other), per run and per command what the old
 * and the new rules decide, and the metrics' deltas (`purestream/rule-change@1` with `--json`).
 */
import { bundledDomain } from '../../engine/module/bundled';
import { compareRuns } from '../../engine/report/compareRuns';
import { compareRuleVersions, ruleSide, type RuleSide } from '../../engine/report/ruleChange';
import { runScenario } from '../../engine/run';
import type { Scenario } from '../../engine/types';
import { nodeSha256 } from '../../logs/node/nodeHasher';
import { chooseDomain, type ChosenDomain } from '../domainArgument';
import { closing, executeScenario, engineRunner, runnerFor, type ScenarioRunner } from '../executeScenario';
import { EXIT, parseArgs, writeOut, type CliCommand, type CliIO } from '../io';
import { loadScenario, parseScenarioText, scenarioFileOf } from '../loadScenario';
import { deliverReport, reportJsonPieces } from '../deliverReport';
import { compareReportText, ruleChangeText } from '../reportText';

/** `compare` with an injectable engine (tests pass a fake one). */
export const makeCompareCommand =
  (runner: ScenarioRunner): CliCommand =>
  async (args, io) => {
    const { positionals, flags, options } = parseArgs(args, { flags: ['json'], options: ['domain', 'against'] });
    const file = scenarioFileOf(positionals, 'compare');
    const loaded = await loadScenario(file, io, options.get('domain')?.[0]);
    return closing(loaded, async () => {
      const against = options.get('against')?.[0];
      if (against !== undefined) return compareRules(loaded, file, against, flags.has('json'), io);
      const { report: ran } = await executeScenario(loaded.scenario, [], io, runnerFor(loaded.domain, runner));
      const report = { ...ran, comparison: ran.comparison ?? compareRuns(ran.runs) };
      // a module's invariants run in its worker: its differences keep their order
      const invariants = loaded.domain?.host ? [] : (loaded.domain?.module ?? bundledDomain(report.domain))?.invariants;
      return deliverReport(report, () => compareReportText(report, invariants), { json: flags.has('json'), failOnViolation: false, command: 'compare' }, io);
    });
  };

/** Runs the scenario under its rules and under `against`'s, and prints the rule change. */
async function compareRules(loaded: { scenario: Scenario; text: string; domain?: ChosenDomain }, file: string, against: string, json: boolean, io: CliIO): Promise<number> {
  const other = await chooseDomain(against, io);
  try {
    // the scenario must be valid for the new rules too (a command type they dropped is named here)
    const scenarioNew = parseScenarioText(loaded.text, file, other.info);
    const [oldSide, newSide] = await Promise.all([sideOf(loaded.scenario, loaded.domain), sideOf(scenarioNew, other)]);
    const change = compareRuleVersions(oldSide, newSide, { old: loaded.domain?.name ?? loaded.scenario.domain, new: other.name });
    if (json) await writeOut(io, reportJsonPieces(change));
    else io.out(ruleChangeText(change));
    return EXIT.ok;
  } finally {
    await other.host?.close();
  }
}

/** Every run of the scenario with one version of the rules, with its command decisions. */
async function sideOf(scenario: Scenario, domain: ChosenDomain | undefined): Promise<RuleSide> {
  if (domain?.host) {
    const { report, decisions } = await domain.host.run(scenario, { decisions: true });
    return { report, decisions: decisions ?? [] };
  }
  const result = runScenario(scenario, { trace: true, services: { hasher: nodeSha256 }, ...(domain?.module ? { domain: domain.module } : {}) });
  return ruleSide(scenario, result, domain?.module);
}

/** `purestream compare`: every run side by side, with final-state differences from the first run. */
export const compareCommand: CliCommand = makeCompareCommand(engineRunner);
