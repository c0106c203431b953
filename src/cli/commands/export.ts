/**
 * `purestream export <scenario.json> --run NAME [--domain ID|PATH] [--format events|cloudevents] [--out FILE]`: one
 * run's event log, written a record at a time (a log of any size, never one string).
 */
import { toCloudEvent } from '../../logs/cloudEventWriter';
import { exportHeader, type ExportRecord } from '../../logs/exportRun';
import { escapeC1 } from '../../engine/report/jsonWriter';
import { didYouMeanText } from '../../engine/text/didYouMean';
import { EXIT, parseArgs, UsageError, writeOut, type CliCommand } from '../io';
import { closing } from '../executeScenario';
import { loadScenario, scenarioFileOf } from '../loadScenario';
import { runLog } from './runEvents';
import { printable } from '../printable';
import { writeAtomically } from '../writeAtomically';

const FORMATS = ['events', 'cloudevents'] as const;

export const exportCommand: CliCommand = async (args, io) => {
  const { positionals, options } = parseArgs(args, { options: ['run', 'format', 'out', 'domain'] });
  const file = scenarioFileOf(positionals, 'export');
  const runName = options.get('run')?.[0];
  if (runName === undefined) throw new UsageError('--run NAME is required: export writes the log of one run');
  const format = options.get('format')?.[0] ?? 'events';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be events or cloudevents, got "${printable(format, 40)}"${didYouMeanText(format, FORMATS)}`);
  const loaded = await loadScenario(file, io, options.get('domain')?.[0]);
  const { scenario } = loaded;
  const { records } = await closing(loaded, () => runLog(loaded, runName, file));
  const run = scenario.runs.find((r) => r.name === runName)!;
  const pieces = format === 'cloudevents' ? cloudEventPieces(records, scenario.domain) : eventLines(exportHeader(scenario.domain, scenario.name, runName, run.authorize), records);
  const out = options.get('out')?.[0];
  if (out === undefined) await writeOut(io, pieces);
  else await writeAtomically(out, pieces, io);
  return EXIT.ok;
};

/** The events format (the text of `eventsJsonLines`, src/logs/cloudEventWriter.ts): the header line, then one record per line. */
function* eventLines(header: unknown, records: readonly ExportRecord[]): Generator<string> {
  yield `${escapeC1(JSON.stringify(header))}\n`;
  for (const record of records) yield `${escapeC1(JSON.stringify(record))}\n`;
}

/** A CloudEvents batch (the text of `cloudEventsBatch`): a JSON array, one event per line. */
function* cloudEventPieces(records: readonly ExportRecord[], domain: string): Generator<string> {
  if (records.length === 0) {
    yield '[]\n';
    return;
  }
  for (let i = 0; i < records.length; i++) yield `${i === 0 ? '[\n' : ',\n'}${escapeC1(JSON.stringify(toCloudEvent(records[i], domain)))}`;
  yield '\n]\n';
}
