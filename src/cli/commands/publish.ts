/**
 * `purestream publish <scenario.json> --run NAME --to nats://host:port/STREAM [--json]`
 * (sources.md, "Sinks"): decides the run with the engine and publishes every event of its log,
 * in order, as a structured CloudEvent (the one writer of src/logs), deduplicated by event id
 * (`Nats-Msg-Id`): publishing the same run twice adds nothing within the stream's duplicate
 * window. Creates the stream (subjects `STREAM.>`) when it does not exist.
 */
import { publishCloudEvents } from '../../sources/sinks/publishRun';
import { runCloudEvents } from '../../sources/sinks/runCloudEvents';
import { reasonOf } from '../../sources/types';
import { EXIT, InputFileError, parseArgs, UsageError, type CliCommand } from '../io';
import { scenarioFileOf } from '../loadScenario';
import { connectNatsTarget } from './natsTarget';
import { simulateRun } from './runEvents';

/** `purestream publish`. */
export const publishCommand: CliCommand = async (args, io) => {
  const { positionals, flags, options } = parseArgs(args, { flags: ['json'], options: ['run', 'to'] });
  const file = scenarioFileOf(positionals, 'publish');
  const runName = options.get('run')?.[0];
  if (runName === undefined) throw new UsageError('--run NAME is required: publish sends the events of one run');
  const to = options.get('to')?.[0];
  if (to === undefined) throw new UsageError('--to nats://host:port/STREAM is required');
  const sim = await simulateRun(file, runName, io);
  const events = runCloudEvents(sim.records, sim.scenario.domain);
  const { nc, target } = await connectNatsTarget(to, 'to');
  try {
    const result = await publishCloudEvents(nc, target.stream, events).catch((error: unknown) => {
      throw new InputFileError(`${target.display}: ${reasonOf(error)}`);
    });
    const summary = { format: 'purestream/publish@1', scenario: sim.scenario.name, run: runName, to: target.display, events: events.length, ...result };
    if (flags.has('json')) io.out(`${JSON.stringify(summary, null, 2)}\n`);
    else
      io.out(
        `published ${result.published} event${result.published === 1 ? '' : 's'} of run "${runName}" to ${target.display}` +
          `${result.firstSeq !== undefined ? ` (stream sequences ${result.firstSeq}–${result.lastSeq})` : ''}` +
          `${result.created ? `; stream ${target.stream} created` : ''}` +
          `${result.duplicates ? `; ${result.duplicates} already there (deduplicated by Nats-Msg-Id)` : ''}\n`,
      );
    return EXIT.ok;
  } finally {
    await nc.close();
  }
};
