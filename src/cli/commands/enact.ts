/**
 * `purestream enact --from nats://host:port/STREAM --consumer NAME [--scenario FILE --run NAME | --domain ID|PATH]
 * [--state FILE] [--ack-wait MS] [--until head|live] [--stop-after N] [--json]` (sources.md, "Sinks"):
 * runs one consumer of a run as a real durable JetStream consumer, with the run's delivery
 * policy as the broker's and the failures and repeats its seeded simulation drew, event by event
 * (src/sources/sinks/enactConsumer.ts). Without a
 * scenario the consumer is a state store of `--domain` with the defaults. A domain module's
 * consumer is enacted in the module's worker, where its code runs (../enactOutcome.ts). `--state FILE` keeps
 * the real run (`purestream/real-run@1`): run again, it resumes; `compare-real` reads it.
 * `--stop-after N` stops abruptly after N deliveries, the last one enacted but not acknowledged,
 * as a crashed consumer would. Exit 0 enacted (or stopped as asked), 1 bad input, 2 usage.
 */
import { resolve } from 'node:path';
import { counted } from '../../engine/report/counted';
import { didYouMeanText } from '../../engine/text/didYouMean';
import type { EnactOutcome, EnactRequest } from '../enactOutcome';
import { closing } from '../executeScenario';
import { chooseDomain, type ChosenDomain } from '../domainArgument';
import { EXIT, InputFileError, parseArgs, UsageError, type CliCommand, type CliIO } from '../io';
import { printable } from '../printable';
import { checkRunNames, loadScenario } from '../loadScenario';

/** `purestream enact`. */
export const enactCommand: CliCommand = async (args, io) => {
  const { positionals, flags, options } = parseArgs(args, { flags: ['json'], options: ['from', 'consumer', 'scenario', 'run', 'domain', 'state', 'ack-wait', 'until', 'stop-after'] });
  if (positionals.length) throw new UsageError(`unexpected ${positionals.join(' ')}: enact takes --from, --consumer and options`);
  const one = (name: string) => options.get(name)?.[0];
  const from = one('from');
  if (from === undefined) throw new UsageError('--from nats://host:port/STREAM is required');
  const name = one('consumer');
  if (name === undefined) throw new UsageError('--consumer NAME is required');
  const until = one('until') ?? 'head';
  if (until !== 'head' && until !== 'live') throw new UsageError(`--until must be head or live, got "${printable(until, 40)}"${didYouMeanText(until, ['head', 'live'])}`);
  const ackWaitMs = Number(one('ack-wait') ?? 5000);
  if (!Number.isInteger(ackWaitMs) || ackWaitMs < 10) throw new UsageError('--ack-wait takes milliseconds, at least 10');
  const stopAfterText = one('stop-after');
  const stopAfter = stopAfterText === undefined ? undefined : Number(stopAfterText);
  if (stopAfter !== undefined && (!Number.isInteger(stopAfter) || stopAfter < 1)) throw new UsageError('--stop-after takes a number of deliveries, at least 1');
  const scenarioFile = one('scenario');
  const runName = one('run');
  const domainValue = one('domain');
  if (scenarioFile !== undefined && runName === undefined) throw new UsageError('--scenario needs --run NAME: the run whose consumer is enacted');
  if (scenarioFile !== undefined && domainValue !== undefined) throw new UsageError('--domain: the scenario names its domain');
  if (scenarioFile === undefined && runName !== undefined) throw new UsageError('--run needs --scenario FILE');
  if (scenarioFile === undefined && domainValue === undefined) throw new UsageError("--scenario FILE --run NAME (a run's consumer), or --domain ID|PATH (a state store with the defaults), is required");
  const stateShown = one('state');
  const request = {
    from,
    consumer: name,
    ackWaitMs,
    until,
    ...(stopAfter !== undefined ? { stopAfter } : {}),
    ...(stateShown !== undefined ? { state: { file: resolve(io.cwd, stateShown), shown: stateShown } } : {}),
  } satisfies EnactRequest;

  let domain: ChosenDomain | undefined;
  let scenario: EnactRequest['scenario'];
  if (scenarioFile !== undefined) {
    const loaded = await loadScenario(scenarioFile, io);
    domain = loaded.domain;
    scenario = { scenario: loaded.scenario, file: scenarioFile, run: runName! };
  } else domain = await chooseDomain(domainValue!, io);
  const outcome = await closing({ domain }, () => {
    if (scenario) checkRunNames(scenario.scenario, [scenario.run], scenario.file);
    return enactWith(domain, { ...request, ...(scenario ? { scenario } : {}) }, io);
  });
  if (!outcome.ok) throw outcome.usage ? new UsageError(outcome.message) : new InputFileError(outcome.message);
  if (flags.has('json')) {
    io.out(`${JSON.stringify({ format: 'purestream/enactment@1', source: outcome.source, consumer: name, ended: outcome.end.reason, policy: outcome.end.policy, ...outcome.counts, stateHash: outcome.stateHash, ...(stateShown !== undefined ? { state: stateShown } : {}) }, null, 2)}\n`);
    return EXIT.ok;
  }
  io.out(enactmentText(outcome, name, stateShown, stopAfter));
  return EXIT.ok;
};

/** Enacts in the module's worker when the domain is a module, else in this thread; Ctrl-C or SIGTERM stops at the next delivery. */
async function enactWith(domain: ChosenDomain | undefined, request: EnactRequest, io: CliIO): Promise<EnactOutcome> {
  const stop = new AbortController();
  const release = io.onInterrupt?.(() => stop.abort());
  try {
    if (domain?.host) return await domain.host.enact(request, stop.signal);
    const { enactOutcome } = await import('../enactOutcome');
    const { domainFor } = await import('../../engine/module/bundled');
    return await enactOutcome(request, domain?.module ?? domainFor(request.scenario!.scenario), stop.signal);
  } finally {
    release?.();
  }
}

/** What `enact` prints: how it ended, the broker's policy, the counts and the state's hash. */
function enactmentText(o: Extract<EnactOutcome, { ok: true }>, name: string, stateShown: string | undefined, stopAfter: number | undefined): string {
  const p = o.end.policy;
  const counts = o.counts;
  const policy = p.ackPolicy === 'none' ? 'no acknowledgements (at-most-once)' : `max_deliver ${p.maxDeliver}${p.backoffMs ? `, backoff ${listMs(p.backoffMs)}` : ''}, ack_wait ${p.ackWaitMs} ms${p.doubleAck ? ', double ack' : ''}${o.deadLetterSubject ? `, dead letters to ${o.deadLetterSubject}` : ''}`;
  const ended = o.end.reason === 'stop-after' ? `stopped after ${counted(stopAfter ?? 0, 'delivery', 'deliveries')}, the last one enacted but not acknowledged (as a crashed consumer would): run enact again to resume` : o.end.reason === 'stopped' ? 'interrupted' : 'enacted';
  return (
    `${ended} on ${o.source} by consumer "${name}" (${o.consumer.interpreter}, ${o.consumer.delivery}; ${policy})\n` +
    `  deliveries ${counts.deliveries} (${counted(counts.redeliveries, 'redelivery', 'redeliveries')}), failures ${counts.failures}, duplicates ${counts.duplicates}, dead letters ${counts.deadLettered}, lost ${counts.lost}; ${counted(counts.enacted, 'event')} enacted${counts.sessions > 1 ? ` over ${counts.sessions} sessions` : ''}${counts.skipped > 0 ? `; ${counted(counts.skipped, 'message')} skipped (not events of this run)` : ''}\n` +
    `  state: stateHash ${o.stateHash}${stateShown !== undefined ? `; real run kept in ${stateShown}` : ''}\n`
  );
}

/** Delays for a terminal: `1000 ms × 10`, or `5/10/20 ms`. */
const listMs = (ms: readonly number[]): string => (ms.every((m) => m === ms[0]) ? `${ms[0]} ms × ${ms.length}` : `${ms.join('/')} ms`);
