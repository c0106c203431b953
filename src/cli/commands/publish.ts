/**
 * `purestream publish <scenario.json> --run NAME --to nats://host:port/STREAM [--json]`
 * (sources.md, "Sinks"): decides the run with the engine (a domain module's run in the module's
 * worker) and publishes every event of its log,
 * in order, as a structured CloudEvent (the one writer of src/logs), deduplicated by event id
 * (`Nats-Msg-Id`): publishing the same run twice adds nothing within the stream's duplicate
 * window. The log holds the setup's events before the run's: the summary says how many (the run
 * report's Events counts the run's only). Creates the stream (subjects `STREAM.>`) when it does not exist. Event ids repeat
 * across runs (`s1.1`), so another run published into the same stream loses its events whose ids
 * are already there: a warning says so before publishing when the stream holds another run (or
 * messages not published by Purestream), and the summary says what the dropped events were.
 */
import { counted } from '../../engine/report/counted';
import { publishCloudEvents, sameRun, type PublishResult, type PublishedRun } from '../../sources/sinks/publishRun';
import { runCloudEvents } from '../../sources/sinks/runCloudEvents';
import { reasonOf } from '../../sources/types';
import { EXIT, InputFileError, parseArgs, UsageError, type CliCommand } from '../io';
import { closing } from '../executeScenario';
import { loadScenario, scenarioFileOf } from '../loadScenario';
import { printable } from '../printable';
import { connectNatsTarget } from './natsTarget';
import { runLog } from './runEvents';

/** `purestream publish`. */
export const publishCommand: CliCommand = async (args, io) => {
  const { positionals, flags, options } = parseArgs(args, { flags: ['json'], options: ['run', 'to'] });
  const file = scenarioFileOf(positionals, 'publish');
  const runName = options.get('run')?.[0];
  if (runName === undefined) throw new UsageError('--run NAME is required: publish sends the events of one run');
  const to = options.get('to')?.[0];
  if (to === undefined) throw new UsageError('--to nats://host:port/STREAM is required');
  const loaded = await loadScenario(file, io);
  const { scenario } = loaded;
  // a domain module decides the run in its worker, closed before publishing
  const log = await closing(loaded, () => runLog(loaded, runName, file));
  const events = runCloudEvents(log.records, scenario.domain);
  const run: PublishedRun = { scenario: scenario.name, run: runName, seed: scenario.seed };
  const { nc, target } = await connectNatsTarget(to, 'to');
  try {
    const warn = (before: PublishedRun | 'foreign' | undefined) => {
      const warning = otherContentWarning(before, run, target);
      if (warning) io.err(`purestream publish: warning: ${warning}\n`);
    };
    const result = await publishCloudEvents(nc, target.stream, events, run, { beforePublishing: warn }).catch((error: unknown) => {
      throw new InputFileError(`${target.display}: ${reasonOf(error)}`);
    });
    const summary = { format: 'purestream/publish@1', scenario: scenario.name, run: runName, to: target.display, events: events.length, setupEvents: log.setupEvents, ...result };
    if (flags.has('json')) io.out(`${JSON.stringify(summary, null, 2)}\n`);
    else
      io.out(
        `published ${counted(result.published, 'event')}${setupPart(result.published, events.length, log.setupEvents)} of run "${printable(runName, 80)}" to ${target.display}` +
          `${result.firstSeq !== undefined ? ` (stream sequences ${result.firstSeq}–${result.lastSeq})` : ''}` +
          `${result.created ? `; stream ${target.stream} created` : ''}` +
          `${result.duplicates ? `; ${duplicatesText(result, run)}` : ''}\n`,
      );
    return EXIT.ok;
  } finally {
    await nc.close();
  }
};

/**
 * How the events published split into the run's and the setup's, when every event of the log
 * was published and the setup appended some: ` (45 of the run, 2 setup)` — `purestream run`
 * reports the run's 45 (its Events), the log holds the setup's too. Empty otherwise (which of
 * the events a stream dropped were the setup's is not known).
 */
export function setupPart(published: number, logEvents: number, setupEvents: number): string {
  if (setupEvents <= 0 || published !== logEvents) return '';
  return ` (${(published - setupEvents).toLocaleString('en-US')} of the run, ${setupEvents.toLocaleString('en-US')} setup)`;
}

/** The warning before publishing into a stream that holds something else than this run; undefined when it is empty or holds this run. */
export function otherContentWarning(before: PublishedRun | 'foreign' | undefined, run: PublishedRun, target: { readonly stream: string; readonly display: string }): string | undefined {
  if (before === undefined || (before !== 'foreign' && sameRun(before, run))) return undefined;
  const holds =
    before === 'foreign' ? 'messages not published by Purestream'
    : before.scenario === run.scenario && before.seed === run.seed ? `run "${printable(before.run, 60)}" of this scenario`
    : `run "${printable(before.run, 60)}" of scenario "${printable(before.scenario, 80)}" (seed ${before.seed})`;
  return (
    `stream ${target.stream} already holds ${holds}, not run "${printable(run.run, 60)}": ` +
    `the stream drops an event whose id it already has (Nats-Msg-Id), and event ids repeat across runs (s1.1, …), so events of this run can be lost; ` +
    `publish each run into a stream of its own (e.g. --to ${target.display.replace(/\/[^/]*$/, '')}/${target.stream}_${natsName(run.run)})`
  );
}

/** What the events not stored were: this run again, or events whose ids another run (or producer) had used. */
export function duplicatesText(result: PublishResult, run: PublishedRun): string {
  const n = result.duplicates;
  if (result.before !== undefined && result.before !== 'foreign' && sameRun(result.before, run))
    return `${counted(n, 'event')} already there: this run was published to this stream before (deduplicated by Nats-Msg-Id)`;
  return `${counted(n, 'event')} not published: ${n === 1 ? 'its id was' : 'their ids were'} already in the stream, which drops an event whose id it has (Nats-Msg-Id); publishing another run into the same stream drops its events whose ids repeat: use one stream per run`;
}

/** A run's name as a stream name's part (letters, digits, `_`, `-`). */
const natsName = (name: string): string => name.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '').toUpperCase() || 'RUN';
