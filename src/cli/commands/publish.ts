/**
 * `purestream publish <scenario.json> --run NAME --to nats://host:port/STREAM [--json]`
 * (sources.md, "Sinks"): decides the run with the engine (a domain module's run in the module's
 * worker) and publishes every event of its log,
 * in order, as a structured CloudEvent (the one writer of src/logs), deduplicated by event id
 * (`Nats-Msg-Id`): publishing the same run twice adds nothing within the stream's duplicate
 * window. The log holds the setup's events before the run's: the summary says how many (the run
 * report's Events counts the run's only). Creates the stream (subjects `STREAM.>`) when it does not exist. Event ids repeat
 * across runs (`s1.1`), so another run published into the same stream loses its events whose ids
 * are already there. The spec's publish sends every event of the run: when the stream kept some
 * event of this run under another run's (or producer's) message, the run is not there whole, and
 * publish fails (exit 1) with one message naming the stream and the stream of its own to publish
 * into instead. When every event was kept but the stream holds another run (or messages not
 * published by Purestream), a warning says so before the summary.
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
    const result = await publishCloudEvents(nc, target.stream, events, run).catch((error: unknown) => {
      throw new InputFileError(`${target.display}: ${reasonOf(error)}`);
    });
    // one message: the failure says what the warning would have
    if (result.dropped > 0) throw new InputFileError(`${target.display}: ${notKeptText(result, events.length, run, target)}`);
    const warning = otherContentWarning(result.before, run, target);
    if (warning) io.err(`purestream publish: warning: ${warning}\n`);
    const summary = { format: 'purestream/publish@1', scenario: scenario.name, run: runName, to: target.display, events: events.length, setupEvents: log.setupEvents, ...result };
    if (flags.has('json')) io.out(`${JSON.stringify(summary, null, 2)}\n`);
    else
      io.out(
        `published ${counted(result.published, 'event')}${setupPart(result.published, events.length, log.setupEvents)} of run "${printable(runName, 80)}" to ${target.display}` +
          `${result.firstSeq !== undefined ? ` (stream sequences ${result.firstSeq}–${result.lastSeq})` : ''}` +
          `${result.created ? `; stream ${target.stream} created` : ''}` +
          `${result.duplicates ? `; ${duplicatesText(result)}` : ''}\n`,
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

/** The stream a publish is sent to: its name and URL (password hidden). */
type Target = { readonly stream: string; readonly display: string };

/** What a stream held before, for a message: `run "x" of this scenario`, or `messages not published by Purestream`. */
const heldText = (before: PublishedRun | 'foreign', run: PublishedRun): string =>
  before === 'foreign' ? 'messages not published by Purestream'
  : before.scenario === run.scenario && before.seed === run.seed ? `run "${printable(before.run, 60)}" of this scenario`
  : `run "${printable(before.run, 60)}" of scenario "${printable(before.scenario, 80)}" (seed ${before.seed})`;

/** Where to publish a run instead of a shared stream: `(e.g. --to nats://host:port/STREAM_RUN)`. */
const ownStream = (run: PublishedRun, target: Target): string => `(e.g. --to ${target.display.replace(/\/[^/]*$/, '')}/${target.stream}_${natsName(run.run)})`;

/** The warning after publishing every event of this run into a stream that holds something else too; undefined when it was empty or holds this run. */
export function otherContentWarning(before: PublishedRun | 'foreign' | undefined, run: PublishedRun, target: Target): string | undefined {
  if (before === undefined || (before !== 'foreign' && sameRun(before, run))) return undefined;
  return (
    `stream ${target.stream} already holds ${heldText(before, run)}, not run "${printable(run.run, 60)}": ` +
    `the stream drops an event whose id it already has (Nats-Msg-Id), and event ids repeat across runs (s1.1, …), so events of this run can be lost; ` +
    `publish each run into a stream of its own ${ownStream(run, target)}`
  );
}

/**
 * Why a publish failed when the stream did not keep `result.dropped` of the run's `total` events
 * (their ids were already there, in another run's or producer's messages): which, what the
 * stream holds, and the stream of its own to publish into.
 */
export function notKeptText(result: PublishResult, total: number, run: PublishedRun, target: Target): string {
  const kept = total - result.dropped;
  const which =
    kept === 0 ? `kept none of the ${counted(total, 'event')} of run "${printable(run.run, 60)}": ${total === 1 ? 'its id was' : 'their ids were'}`
    : `kept ${kept.toLocaleString('en-US')} of the ${counted(total, 'event')} of run "${printable(run.run, 60)}", so it holds the run incomplete: ${result.dropped === 1 ? 'the id of the other one was' : `the ids of the other ${result.dropped.toLocaleString('en-US')} were`}`;
  return (
    `stream ${target.stream} ${which} already in the stream, which holds ${heldText(result.before ?? 'foreign', run)} (event ids repeat across runs: s1.1, …), ` +
    `and a stream drops an event whose id it has (Nats-Msg-Id); publish each run into a stream of its own ${ownStream(run, target)}`
  );
}

/** What the events not stored again were when the stream kept every one (else publish failed, notKeptText): this run's, published before. */
export function duplicatesText(result: PublishResult): string {
  return `${counted(result.duplicates, 'event')} already there: this run was published to this stream before (deduplicated by Nats-Msg-Id)`;
}

/** A run's name as a stream name's part (letters, digits, `_`, `-`). */
const natsName = (name: string): string => name.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '').toUpperCase() || 'RUN';
