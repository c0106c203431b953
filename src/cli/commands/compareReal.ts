/**
 * `purestream compare-real <scenario.json> --run NAME --real FILE [--consumer NAME] [--json]` (sources.md, "Sinks"):
 * the real run of a consumer (the `--state` file `enact` kept) beside the simulated run's consumer
 * of the same name, or, with `--consumer`, beside the run's consumer NAME (a real run enacted with
 * `enact --domain` under a consumer name of its own stands for one of the run's consumers):
 * deliveries, redeliveries, failures, duplicates, dead letters, events enacted and the final
 * state's `stateHash`. Exit 0 when the final states are equal, or may differ (a consumer neither
 * idempotent nor exactly-once); 3 when they must be equal and are not; 1 bad input; 2 usage.
 * A domain module's run is simulated, and the real run's state rebuilt, in the module's worker.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { comparisonVerdict, setupNote, TIMING_NOTE, type DeadLetter, type RealComparison } from '../../sources/sinks/compareReal';
import { printable } from '../printable';
import { EXIT, InputFileError, parseArgs, table, UsageError, type CliCommand } from '../io';
import { checkRunNames, loadScenario, scenarioFileOf } from '../loadScenario';
import { compareRealOutcome } from '../compareRealOutcome';
import { closing } from '../executeScenario';

/** `purestream compare-real`. */
export const compareRealCommand: CliCommand = async (args, io) => {
  const { positionals, flags, options } = parseArgs(args, { flags: ['json'], options: ['run', 'real', 'consumer'] });
  const file = scenarioFileOf(positionals, 'compare-real');
  const runName = options.get('run')?.[0];
  if (runName === undefined) throw new UsageError('--run NAME is required: the simulated run to set beside the real one');
  const realFile = options.get('real')?.[0];
  if (realFile === undefined) throw new UsageError('--real FILE is required: the --state file of `purestream enact`');
  let text: string;
  try {
    text = readFileSync(resolve(io.cwd, realFile), 'utf8');
  } catch (e) {
    throw new InputFileError(`${realFile}: cannot read the file: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  const consumer = options.get('consumer')?.[0];
  const target = { run: runName, ...(consumer !== undefined ? { consumer } : {}) };
  const loaded = await loadScenario(file, io);
  const outcome = await closing(loaded, async () => {
    checkRunNames(loaded.scenario, [runName], file);
    const host = loaded.domain?.host;
    return host ? host.compareReal(text, realFile, loaded.scenario, target) : compareRealOutcome(text, realFile, loaded.scenario, target);
  });
  if (!outcome.ok) throw new InputFileError(outcome.message);
  const comparison = outcome.comparison;
  if (flags.has('json')) io.out(`${JSON.stringify(comparison, null, 2)}\n`);
  else io.out(comparisonText(comparison));
  // a run stopped before its end is not a broken guarantee: its state is not final yet
  return comparison.mustBeEqual && !comparison.sameFinalState && comparison.stopped === undefined ? EXIT.violation : EXIT.ok;
};

const short = (hash: string) => `${hash.slice(0, 12)}…`;

/** Dead letters for a terminal: `c8.1 (OrderPlaced), c12.1 (OrderPlaced)`. */
const deadLetterList = (list: readonly DeadLetter[]) =>
  list.length === 0 ? 'none' : list.map((d) => (d.id !== undefined ? `${printable(d.id, 40)}${d.type ? ` (${printable(d.type, 40)})` : ''}` : `stream sequence ${d.seq}`)).join(', ');

/** The comparison for a terminal. */
export function comparisonText(c: RealComparison): string {
  const rows: string[][] = [
    ['', 'simulated', 'real'],
    ...(['deliveries', 'redeliveries', 'failures', 'duplicates', 'deadLettered', 'lost', 'enacted'] as const).map((k) => [
      k === 'deadLettered' ? 'dead letters' : k === 'enacted' ? 'events enacted' : k,
      String(c.simulated[k]),
      String(c.real[k]),
    ]),
    ['final state', short(c.simulated.stateHash), short(c.real.stateHash)],
  ];
  const deadLetters =
    c.simulated.deadLetters.length + c.real.deadLetters.length === 0 ? ''
    : c.sameDeadLetters ? `  The same events were dead-lettered: ${deadLetterList(c.real.deadLetters)}.\n`
    : `  Dead-lettered: simulated ${deadLetterList(c.simulated.deadLetters)}; real ${deadLetterList(c.real.deadLetters)}.\n`;
  const differences = c.stopped !== undefined ? '' : c.differences.map((d) => `    ${printable(d.path.join('.'), 80)}: simulated ${printable(JSON.stringify(d.a) ?? 'nothing', 60)}, real ${printable(JSON.stringify(d.b) ?? 'nothing', 60)}\n`).join('');
  return (
    `compare-real: run "${printable(c.run, 60)}" of ${printable(c.scenario, 80)}, consumer "${printable(c.consumer, 60)}" (${c.interpreter}, ${c.delivery}${c.idempotent ? ', idempotent' : ''}) — real on ${c.real.source}${c.realConsumer !== undefined ? ` by consumer "${printable(c.realConsumer, 60)}"` : ''}${c.real.sessions > 1 ? ` over ${c.real.sessions} sessions` : ''}\n` +
    table(rows).replace(/^(?=.)/gm, '  ') +
    (setupNote(c) ? `  ${setupNote(c)}\n` : '') +
    deadLetters +
    `  ${comparisonVerdict(c)}${differences ? ' Where they differ:' : ''}\n${differences}` +
    `${TIMING_NOTE}\n`
  );
}
