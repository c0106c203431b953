/**
 * What `enact` does once its arguments are read (sources.md, "Sinks"), done where the consumer's
 * rules run: in the command line's thread for a bundled domain, in a domain module's worker
 * (../modules/moduleWorker) for a module — the same code either way. It simulates the run (for
 * its consumer and the failures and repeats to inject), connects to the stream's server, opens or
 * resumes the real run kept in `--state`, and enacts on JetStream (../sources/sinks/enactConsumer).
 * Plain data, so it crosses threads: what happened, or the usage error or bad input as a message.
 */
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { AnyDomainModule } from '../../domain/kernel';
import { isModuleFault } from '../engine/module/moduleProblem';
import { stateHash } from '../engine/report/stateHash';
import { defaultStateStore } from '../engine/sim/consumers';
import type { ConsumerConfig, Scenario } from '../engine/types';
import { comparableState } from '../sources/sinks/compareReal';
import { deadLetterSubject, injectionPlan, NO_INJECTION } from '../sources/sinks/deliveryPolicy';
import { enactOnJetStream, type EnactEnd } from '../sources/sinks/enactConsumer';
import { parseRealRun, REAL_RUN_FORMAT, RealRun, type RealRunCounts, type RealRunHeader } from '../sources/sinks/realRun';
import { reasonOf } from '../sources/types';
import { connectNatsTarget } from './commands/natsTarget';
import { runConsumer } from './commands/runConsumer';
import { InputFileError, UsageError } from './io';
import { loadSqlJs, simulateScenarioRun } from './simulatedRun';

/** What to enact: its arguments, read and checked for shape by the command. */
export interface EnactRequest {
  /** `--from`: nats://host:port/STREAM as typed. */
  readonly from: string;
  /** `--consumer`. */
  readonly consumer: string;
  /** The run whose consumer is enacted (its name already checked); none: a state store of the domain with the defaults. */
  readonly scenario?: { readonly scenario: Scenario; readonly file: string; readonly run: string };
  /** `--state`: the real run's file, absolute and as typed (messages name it as typed). */
  readonly state?: { readonly file: string; readonly shown: string };
  readonly ackWaitMs: number;
  readonly until: 'head' | 'live';
  readonly stopAfter?: number;
}

/** An enactment done (or stopped), or why it could not be: a usage error (exit 2) or bad input (exit 1). */
export type EnactOutcome =
  | {
      readonly ok: true;
      /** The stream's URL, password hidden. */
      readonly source: string;
      readonly consumer: ConsumerConfig;
      readonly deadLetterSubject?: string;
      readonly end: EnactEnd;
      readonly counts: RealRunCounts;
      /** The consumer's final state's stateHash. */
      readonly stateHash: string;
    }
  | { readonly ok: false; readonly usage: boolean; readonly message: string };

/** Enacts the request's consumer with `decider` until the stream is enacted, `signal` aborts, or `stopAfter`. A module's fault is thrown. */
export async function enactOutcome(request: EnactRequest, decider: AnyDomainModule, signal: AbortSignal): Promise<EnactOutcome> {
  try {
    return await enact(request, decider, signal);
  } catch (e) {
    if (e instanceof UsageError) return { ok: false, usage: true, message: e.message };
    if (e instanceof InputFileError) return { ok: false, usage: false, message: e.message };
    throw e;
  }
}

async function enact(request: EnactRequest, decider: AnyDomainModule, signal: AbortSignal): Promise<EnactOutcome> {
  const subject = await consumerToEnact(request, decider);
  const { nc, target } = await connectNatsTarget(request.from, 'from');
  try {
    const header: RealRunHeader = {
      format: REAL_RUN_FORMAT,
      source: target.display,
      stream: target.stream,
      consumer: subject.consumer,
      domain: decider.id,
      seed: subject.seed,
      ...(request.scenario ? { scenario: request.scenario.scenario.name, run: request.scenario.run } : {}),
      ackWaitMs: request.ackWaitMs,
      ...(subject.consumer.deadLetter && subject.consumer.delivery !== 'at-most-once' ? { deadLetterSubject: deadLetterSubject(target.stream, request.consumer) } : {}),
    };
    const state = request.state;
    const run = state ? openRealRun(state.file, state.shown, header) : new RealRun(header);
    const services = subject.consumer.interpreter === 'sql' ? { sqlJs: await loadSqlJs() } : {};
    const interpreter = run.rebuild(decider, services);
    let end: EnactEnd;
    try {
      end = await enactOnJetStream(
        {
          nc,
          stream: target.stream,
          consumer: subject.consumer,
          domain: decider.id,
          plan: subject.plan,
          ...(request.scenario ? { published: { scenario: request.scenario.scenario.name, run: request.scenario.run, seed: request.scenario.scenario.seed } } : {}),
          run,
          interpreter,
          record: (line) => state && appendFileSync(state.file, `${JSON.stringify(line)}\n`),
          until: request.until,
          signal,
          stopAfter: request.stopAfter,
        },
        request.ackWaitMs,
      );
    } catch (error) {
      // the module threw on a delivery: it stays unacknowledged, so the broker delivers it again to a mended module
      if (isModuleFault(error))
        return { ok: false, usage: false, message: `${error.problem.message}; enact stopped there without acknowledging the delivery: mend the module and run enact again to resume${state ? ` (the real run is kept in ${state.shown})` : ''}` };
      throw new InputFileError(`${target.display}: ${reasonOf(error)}`);
    }
    return {
      ok: true,
      source: target.display,
      consumer: subject.consumer,
      ...(header.deadLetterSubject ? { deadLetterSubject: header.deadLetterSubject } : {}),
      end,
      counts: run.tally(),
      stateHash: stateHash(comparableState(interpreter.output())),
    };
  } finally {
    await nc.close();
  }
}

/** The consumer to enact and the seed and plan of its failures: a scenario run's (simulated now), or a default state store. */
async function consumerToEnact(request: EnactRequest, decider: AnyDomainModule) {
  const s = request.scenario;
  if (!s) return { consumer: defaultStateStore(request.consumer), seed: 0, plan: NO_INJECTION };
  // the run is simulated: its failures and repeats, event by event, are injected on the broker
  const sim = await simulateScenarioRun(s.scenario, s.run, decider);
  const consumer = runConsumer(sim.run, request.consumer, s.file);
  return { consumer, seed: s.scenario.seed, plan: injectionPlan(sim.result.traces[0], consumer.name) };
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
