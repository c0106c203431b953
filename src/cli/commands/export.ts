/** `purestream export <scenario.json> --run NAME [--format events|cloudevents] [--out FILE]`: one run's event log. */
import { domainById } from '../../../domain';
import { cloudEventsBatch, eventsJsonLines } from '../../logs/cloudEventWriter';
import { exportHeader, exportRecords } from '../../logs/exportRun';
import { expandScenario } from '../../engine/scenario/expand';
import { EXIT, parseArgs, UsageError, type CliCommand } from '../io';
import { checkRunNames, loadScenario, scenarioFileOf } from '../loadScenario';
import { writeAtomically } from '../writeAtomically';

const FORMATS = ['events', 'cloudevents'] as const;

export const exportCommand: CliCommand = async (args, io) => {
  const { positionals, options } = parseArgs(args, { options: ['run', 'format', 'out'] });
  const file = scenarioFileOf(positionals, 'export');
  const runName = options.get('run')?.[0];
  if (runName === undefined) throw new UsageError('--run NAME is required: export writes the log of one run');
  const format = options.get('format')?.[0] ?? 'events';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be events or cloudevents, got "${format}"`);
  const scenario = await loadScenario(file, io);
  checkRunNames(scenario, [runName], file);
  const run = scenario.runs.find((r) => r.name === runName)!;
  const needsSql = run.consumers.some((c) => c.interpreter === 'sql');
  const { runScenario } = await import('../../engine/run');
  const services = needsSql ? { sqlJs: await (await import('sql.js')).default() } : undefined;
  const { traces } = runScenario(scenario, { runs: [runName], trace: true, ...(services ? { services } : {}) });
  const { setup, arrivals } = expandScenario(scenario);
  const records = exportRecords({ decider: domainById(scenario.domain)!, trace: traces[0], setup, arrivals, authorize: run.authorize });
  const text =
    format === 'cloudevents' ? cloudEventsBatch(records, scenario.domain) : eventsJsonLines(exportHeader(scenario.domain, scenario.name, runName, run.authorize), records);
  const out = options.get('out')?.[0];
  if (out === undefined) io.out(text);
  else await writeAtomically(out, text, io);
  return EXIT.ok;
};
