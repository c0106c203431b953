/**
 * `purestream enact --from nats://host:port/STREAM --consumer NAME [--scenario FILE --run NAME | --domain ID]
 * [--state FILE] [--ack-wait MS] [--until head|live] [--stop-after N] [--json]` (sources.md, "Sinks"):
 * runs one consumer of a run as a real durable JetStream consumer, with the run's delivery
 * policy as the broker's and the failures and repeats its seeded simulation drew, event by event
 * (src/sources/sinks/enactConsumer.ts). Without a
 * scenario the consumer is a state store of `--domain` with the defaults. `--state FILE` keeps
 * the real run (`purestream/real-run@1`): run again, it resumes; `compare-real` reads it.
 * `--stop-after N` stops abruptly after N deliveries, the last one enacted but not acknowledged,
 * as a crashed consumer would. Exit 0 enacted (or stopped as asked), 1 bad input, 2 usage.
 */
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { bundledDomain, bundledDomains } from '../../engine/module/bundled';
import type { AnyDomainModule } from '../../../domain/kernel';
import { counted } from '../../engine/report/counted';
import { stateHash } from '../../engine/report/stateHash';
import { defaultStateStore } from '../../engine/sim/consumers';
import type { ConsumerConfig } from '../../engine/types';
import { comparableState } from '../../sources/sinks/compareReal';
import { deadLetterSubject, injectionPlan, NO_INJECTION } from '../../sources/sinks/deliveryPolicy';
import { enactOnJetStream } from '../../sources/sinks/enactConsumer';
import { parseRealRun, REAL_RUN_FORMAT, RealRun, type RealRunHeader } from '../../sources/sinks/realRun';
import { reasonOf } from '../../sources/types';
import { EXIT, InputFileError, parseArgs, UsageError, type CliCommand } from '../io';
import { connectNatsTarget } from './natsTarget';
import { runConsumer } from './runConsumer';
import { isModuleReference } from '../../engine/scenario/parse';
import { printable } from '../printable';
import { loadSqlJs, MODULE_NOT_ENACTED, simulateRun } from './runEvents';

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
  if (until !== 'head' && until !== 'live') throw new UsageError(`--until must be head or live, got "${until}"`);
  const ackWaitMs = Number(one('ack-wait') ?? 5000);
  if (!Number.isInteger(ackWaitMs) || ackWaitMs < 10) throw new UsageError('--ack-wait takes milliseconds, at least 10');
  const stopAfterText = one('stop-after');
  const stopAfter = stopAfterText === undefined ? undefined : Number(stopAfterText);
  if (stopAfter !== undefined && (!Number.isInteger(stopAfter) || stopAfter < 1)) throw new UsageError('--stop-after takes a number of deliveries, at least 1');
  const subject = await consumerToEnact(one('scenario'), one('run'), one('domain'), name, io);

  const { nc, target } = await connectNatsTarget(from, 'from');
  const stateFile = one('state') === undefined ? undefined : resolve(io.cwd, one('state')!);
  try {
    const header: RealRunHeader = {
      format: REAL_RUN_FORMAT,
      source: target.display,
      stream: target.stream,
      consumer: subject.consumer,
      domain: subject.decider.id,
      seed: subject.seed,
      ...(subject.scenario !== undefined ? { scenario: subject.scenario, run: subject.run } : {}),
      ackWaitMs,
      ...(subject.consumer.deadLetter && subject.consumer.delivery !== 'at-most-once' ? { deadLetterSubject: deadLetterSubject(target.stream, name) } : {}),
    };
    const run = stateFile ? openRealRun(stateFile, one('state')!, header) : new RealRun(header);
    const services = subject.consumer.interpreter === 'sql' ? { sqlJs: await loadSqlJs() } : {};
    const interpreter = run.rebuild(subject.decider, services);
    const stop = new AbortController();
    const release = io.onInterrupt?.(() => stop.abort());
    let end;
    try {
      end = await enactOnJetStream(
        {
          nc,
          stream: target.stream,
          consumer: subject.consumer,
          domain: subject.decider.id,
          plan: subject.plan,
          run,
          interpreter,
          record: (line) => stateFile && appendFileSync(stateFile, `${JSON.stringify(line)}\n`),
          until,
          signal: stop.signal,
          stopAfter,
        },
        ackWaitMs,
      );
    } catch (error) {
      throw new InputFileError(`${target.display}: ${reasonOf(error)}`);
    } finally {
      release?.();
    }
    const counts = run.tally();
    const hash = stateHash(comparableState(interpreter.output()));
    if (flags.has('json')) {
      io.out(`${JSON.stringify({ format: 'purestream/enactment@1', source: target.display, consumer: name, ended: end.reason, policy: end.policy, ...counts, stateHash: hash, ...(stateFile ? { state: one('state') } : {}) }, null, 2)}\n`);
      return EXIT.ok;
    }
    const p = end.policy;
    const policy = p.ackPolicy === 'none' ? 'no acknowledgements (at-most-once)' : `max_deliver ${p.maxDeliver}${p.backoffMs ? `, backoff ${listMs(p.backoffMs)}` : ''}, ack_wait ${p.ackWaitMs} ms${p.doubleAck ? ', double ack' : ''}${header.deadLetterSubject ? `, dead letters to ${header.deadLetterSubject}` : ''}`;
    io.out(
      `${end.reason === 'stop-after' ? `stopped after ${counted(stopAfter ?? 0, 'delivery', 'deliveries')}, the last one enacted but not acknowledged (as a crashed consumer would): run enact again to resume` : end.reason === 'stopped' ? 'interrupted' : 'enacted'} on ${target.display} by consumer "${name}" (${subject.consumer.interpreter}, ${subject.consumer.delivery}; ${policy})\n` +
        `  deliveries ${counts.deliveries} (${counted(counts.redeliveries, 'redelivery', 'redeliveries')}), failures ${counts.failures}, duplicates ${counts.duplicates}, dead letters ${counts.deadLettered}, lost ${counts.lost}; ${counted(counts.enacted, 'event')} enacted${counts.sessions > 1 ? ` over ${counts.sessions} sessions` : ''}\n` +
        `  state: stateHash ${hash}${stateFile ? `; real run kept in ${one('state')}` : ''}\n`,
    );
    return EXIT.ok;
  } finally {
    await nc.close();
  }
};

/** Delays for a terminal: `1000 ms × 10`, or `5/10/20 ms`. */
const listMs = (ms: readonly number[]): string => (ms.every((m) => m === ms[0]) ? `${ms[0]} ms × ${ms.length}` : `${ms.join('/')} ms`);

/** The consumer to enact, its domain and the seed of its failures: from a scenario's run, or a default state store of a domain. */
async function consumerToEnact(file: string | undefined, runName: string | undefined, domainId: string | undefined, name: string, io: Parameters<CliCommand>[1]) {
  if (file !== undefined) {
    if (runName === undefined) throw new UsageError('--scenario needs --run NAME: the run whose consumer is enacted');
    if (domainId !== undefined) throw new UsageError('--domain: the scenario names its domain');
    // the run is simulated: its failures and repeats, event by event, are injected on the broker
    const sim = await simulateRun(file, runName, io);
    const consumer = runConsumer(sim.run, name, file);
    return { consumer, decider: sim.decider, seed: sim.scenario.seed, scenario: sim.scenario.name, run: runName, plan: injectionPlan(sim.result.traces[0], consumer.name) };
  }
  if (runName !== undefined) throw new UsageError('--run needs --scenario FILE');
  if (domainId === undefined) throw new UsageError('--scenario FILE --run NAME (a run\'s consumer), or --domain ID (a state store with the defaults), is required');
  const decider: AnyDomainModule | undefined = bundledDomain(domainId);
  if (!decider && isModuleReference(domainId)) throw new UsageError(`--domain ${printable(domainId, 80)}: ${MODULE_NOT_ENACTED}`);
  if (!decider) throw new UsageError(`unknown domain "${printable(domainId, 60)}" (bundled: ${bundledDomains.map((d) => d.id).join(', ')})`);
  const consumer: ConsumerConfig = defaultStateStore(name);
  return { consumer, decider, seed: 0, scenario: undefined, run: undefined, plan: NO_INJECTION };
}

/** The real run kept in `file`: read to resume it (it must be this consumer's on this stream), or started with its header. */
function openRealRun(file: string, shown: string, header: RealRunHeader): RealRun {
  if (!existsSync(file)) {
    writeFileSync(file, `${JSON.stringify(header)}\n`);
    return new RealRun(header);
  }
  let run: RealRun;
  try {
    run = parseRealRun(readFileSync(file, 'utf8'), shown);
  } catch (error) {
    throw new InputFileError((error as Error).message);
  }
  const h = run.header;
  if (h.stream !== header.stream || h.consumer.name !== header.consumer.name || h.domain !== header.domain || h.run !== header.run)
    throw new InputFileError(`${shown}: the real run of consumer "${h.consumer.name}" of ${h.run !== undefined ? `run "${h.run}"` : `domain ${h.domain}`} on stream ${h.stream}, not this one: give another --state file`);
  return run;
}
