/**
 * `purestream run <scenario.json> [--domain ID|PATH] [--run NAME]... [--json] [--out FILE] [--fail-on-violation]`.
 * Decisions: an unknown `--run` name is a usage error (exit 2) listing the file's runs;
 * `--out FILE` writes the report JSON atomically (whether or not `--json` is given), prints
 * nothing on stdout and one confirmation line on stderr.
 */
import { closing, executeScenario, engineRunner, runnerFor, type ScenarioRunner } from '../executeScenario';
import { parseArgs, type CliCommand } from '../io';
import { checkRunNames, loadScenario, scenarioFileOf } from '../loadScenario';
import { deliverReport } from '../deliverReport';
import { runReportText } from '../reportText';

/** `run` with an injectable engine (tests pass a fake one). */
export const makeRunCommand =
  (runner: ScenarioRunner): CliCommand =>
  async (args, io) => {
    const { positionals, flags, options } = parseArgs(args, { flags: ['json', 'fail-on-violation'], options: ['out', 'domain'], repeatable: ['run'] });
    const file = scenarioFileOf(positionals, 'run');
    const out = options.get('out')?.[0];
    const runNames = [...new Set(options.get('run') ?? [])];
    const loaded = await loadScenario(file, io, options.get('domain')?.[0]);
    return closing(loaded, async () => {
      checkRunNames(loaded.scenario, runNames, file);
      const { report } = await executeScenario(loaded.scenario, runNames, io, runnerFor(loaded.domain, runner));
      return deliverReport(report, () => runReportText(report), { json: flags.has('json'), out, failOnViolation: flags.has('fail-on-violation'), command: 'run' }, io);
    });
  };

/** `purestream run`: runs every run of the scenario (or the named ones) and prints a summary or the report JSON. */
export const runCommand: CliCommand = makeRunCommand(engineRunner);
