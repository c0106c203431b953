/**
 * `purestream compare <scenario.json> [--json]`: runs every run and prints them side by side
 * with each run's final-state differences from the first (`comparison` in the report).
 */
import { compareRuns } from '../../engine/report/compareRuns';
import { executeScenario, engineRunner, type ScenarioRunner } from '../executeScenario';
import { parseArgs, type CliCommand } from '../io';
import { loadScenario, scenarioFileOf } from '../loadScenario';
import { deliverReport } from '../deliverReport';
import { compareReportText } from '../reportText';

/** `compare` with an injectable engine (tests pass a fake one). */
export const makeCompareCommand =
  (runner: ScenarioRunner): CliCommand =>
  async (args, io) => {
    const { positionals, flags } = parseArgs(args, { flags: ['json'] });
    const file = scenarioFileOf(positionals, 'compare');
    const scenario = await loadScenario(file, io);
    const { report: ran } = await executeScenario(scenario, [], io, runner);
    const report = { ...ran, comparison: ran.comparison ?? compareRuns(ran.runs) };
    return deliverReport(report, () => compareReportText(report), { json: flags.has('json'), failOnViolation: false, command: 'compare' }, io);
  };

/** `purestream compare`: every run side by side, with final-state differences from the first run. */
export const compareCommand: CliCommand = makeCompareCommand(engineRunner);
