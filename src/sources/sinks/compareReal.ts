/**
 * `compare-real`: the real run of a consumer beside the simulated one (sources.md, "Sinks"):
 * deliveries, redeliveries, failures, duplicates, dead letters, events enacted, and the final
 * state with its `stateHash`. Delivery counts differ with the broker's timing; the final states
 * must be equal for an idempotent or exactly-once consumer. A state store's state is its
 * aggregates; an audit log's or a notifier's is what it holds — its entries without the time
 * each was received, as a set, since the order of retried deliveries depends on timing. Pure.
 */
import { canonicalJson } from '../../engine/report/canonicalJson';
import { diffLeaves } from '../../engine/report/compareRuns';
import { stateHash } from '../../engine/report/stateHash';
import type { ConsumerConfig, StateDifference, Trace } from '../../engine/types';
import type { DeliveryCounts, RealRunCounts } from './realRun';

/** An event given up on and parked on the dead-letter queue: its id and type (unknown on the broker when its message could not be read, then its stream sequence says which). */
export interface DeadLetter {
  readonly id?: string;
  readonly type?: string;
  /** The broker's stream sequence (real side). */
  readonly seq?: string;
}

/** One side of the comparison. */
export interface ComparedSide extends DeliveryCounts {
  readonly stateHash: string;
  /** The events dead-lettered, in the order they were. */
  readonly deadLetters: readonly DeadLetter[];
}

/** The `purestream/real-comparison@1` report. */
export interface RealComparison {
  readonly format: 'purestream/real-comparison@1';
  readonly scenario: string;
  readonly run: string;
  readonly consumer: string;
  readonly interpreter: string;
  readonly delivery: ConsumerConfig['delivery'];
  readonly idempotent: boolean;
  /** True for an idempotent or exactly-once consumer: its final states must be equal. */
  readonly mustBeEqual: boolean;
  readonly simulated: ComparedSide;
  readonly real: ComparedSide & { readonly sessions: number; readonly source: string };
  readonly sameFinalState: boolean;
  /** Whether the same events were dead-lettered on both sides (by event id, in any order). */
  readonly sameDeadLetters: boolean;
  /** The first differences of the final states (leaf paths), when they differ. */
  readonly differences: readonly StateDifference[];
  /** Why the real run ended before its stream was enacted (its last session was stopped and not resumed): its state is not final yet. An addition to the format. */
  readonly stopped?: string;
  /** The setup's events the consumer takes: both sides count them as delivered and enacted, which the run's own report (its Events) leaves out. An addition to the format. */
  readonly setupEvents?: number;
  /** The real run's consumer name, when it is not `consumer`, the run's consumer it stands for (compare-real --consumer). An addition to the format. */
  readonly realConsumer?: string;
}

/** Differences listed at most. */
const MAX_DIFFERENCES = 20;

/** A consumer's output as compared: a state store's as it is; a list's entries without their receive time (`at`), as a sorted set. */
export function comparableState(output: unknown): unknown {
  if (!Array.isArray(output)) return output;
  const entries = output.map((e) => {
    if (typeof e !== 'object' || e === null || Array.isArray(e)) return e;
    const { at: _at, ...rest } = e as Record<string, unknown>;
    return rest;
  });
  return entries.map((e) => [canonicalJson(e), e] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, e]) => e);
}

/** The setup's events a consumer takes: those no decision of the run made (`subscribes`: whether it takes a type). */
export function setupEventCount(trace: Trace, subscribes: (type: string) => boolean): number {
  const decided = new Set<number>();
  for (const d of trace.decisions) for (const seq of d.eventSeqs) decided.add(seq);
  return trace.log.filter((e) => !decided.has(e.seq) && subscribes(e.type)).length;
}

/**
 * A consumer's delivery counts in the simulated run, from its trace's attempts. The setup's
 * events, which the simulation enacts before the run outside any delivery policy, count as one
 * delivery each, as they are on a broker (`subscribes`: whether the consumer takes a type).
 */
export function simulatedCounts(trace: Trace, consumer: string, subscribes: (type: string) => boolean): DeliveryCounts {
  const setup = setupEventCount(trace, subscribes);
  const enacted = new Set<number>();
  let deliveries = 0;
  let redeliveries = 0;
  let failures = 0;
  let duplicates = 0;
  let deadLettered = 0;
  let lost = 0;
  for (const a of trace.attempts) {
    if (a.consumer !== consumer) continue;
    deliveries++;
    if (a.attempt > 1) redeliveries++;
    if (a.outcome === 'failed' || a.outcome === 'parked' || a.outcome === 'lost') failures++;
    if (a.outcome === 'duplicate') duplicates++;
    else if (a.outcome === 'parked') deadLettered++;
    else if (a.outcome === 'lost') lost++;
    else if (a.outcome === 'enacted') enacted.add(a.eventSeq);
  }
  return { deliveries: deliveries + setup, redeliveries, failures, duplicates, deadLettered, lost, enacted: enacted.size + setup };
}

/** What compare-real sets side by side. */
export interface CompareRealInput {
  readonly scenario: string;
  readonly run: string;
  readonly consumer: ConsumerConfig;
  readonly simulatedCounts: DeliveryCounts;
  /** The consumer's state at the end of the simulated run (the run's final state for its state store). */
  readonly simulatedState: unknown;
  readonly realCounts: RealRunCounts;
  readonly realState: unknown;
  readonly source: string;
  readonly simulatedDeadLetters: readonly DeadLetter[];
  readonly realDeadLetters: readonly DeadLetter[];
  /** Why the real run was stopped before its end, when its last session was (RealRun.stoppedWhy). */
  readonly stopped?: string;
  readonly setupEvents?: number;
  /** The real run's consumer name, when it is not the run's consumer's (`consumer`). */
  readonly realConsumer?: string;
}

/** The comparison. */
export function compareReal(i: CompareRealInput): RealComparison {
  const sim = comparableState(i.simulatedState);
  const real = comparableState(i.realState);
  const simHash = stateHash(sim);
  const realHash = stateHash(real);
  const same = simHash === realHash;
  const { sessions, skipped: _skipped, ...counts } = i.realCounts;
  return {
    format: 'purestream/real-comparison@1',
    scenario: i.scenario,
    run: i.run,
    consumer: i.consumer.name,
    interpreter: i.consumer.interpreter,
    delivery: i.consumer.delivery,
    idempotent: i.consumer.idempotent,
    mustBeEqual: i.consumer.delivery === 'exactly-once' || i.consumer.idempotent,
    simulated: { ...i.simulatedCounts, stateHash: simHash, deadLetters: i.simulatedDeadLetters },
    real: { ...counts, stateHash: realHash, deadLetters: i.realDeadLetters, sessions, source: i.source },
    sameFinalState: same,
    sameDeadLetters: sameEvents(i.simulatedDeadLetters, i.realDeadLetters),
    differences: same ? [] : diffLeaves(sim, real).slice(0, MAX_DIFFERENCES),
    ...(i.stopped !== undefined ? { stopped: i.stopped } : {}),
    ...(i.setupEvents ? { setupEvents: i.setupEvents } : {}),
    ...(i.realConsumer !== undefined ? { realConsumer: i.realConsumer } : {}),
  };
}

/** Whether two lists of dead letters name the same events (an unread message on the broker names none: then they are not known to be the same). */
function sameEvents(a: readonly DeadLetter[], b: readonly DeadLetter[]): boolean {
  if (a.length !== b.length || [...a, ...b].some((d) => d.id === undefined)) return false;
  const ids = new Set(a.map((d) => d.id));
  return b.every((d) => ids.has(d.id));
}

const article = (c: RealComparison) => (c.delivery === 'exactly-once' ? 'an exactly-once' : 'an idempotent');

/** What the comparison concludes about the final states, in a sentence (the command line and the app say the same). */
export function comparisonVerdict(c: RealComparison): string {
  if (c.stopped !== undefined && !c.sameFinalState)
    return `The real run was stopped before its stream was enacted (${c.stopped}): its state is not final, so the states are not compared yet — run enact again with the same --state file to resume.`;
  if (c.sameFinalState) return `The final states are equal (stateHash ${c.real.stateHash})${c.mustBeEqual ? `, as they must be for ${article(c)} consumer` : ''}.`;
  return c.mustBeEqual
    ? `The final states DIFFER, though they must be equal for ${article(c)} consumer.`
    : 'The final states differ: expected for a consumer that is neither idempotent nor exactly-once (duplicates are enacted again).';
}

/** What the counts include beyond the run's own report, when the scenario has a setup: said under the counts. */
export const setupNote = (c: RealComparison): string | undefined =>
  c.setupEvents ? `Deliveries and events enacted include the setup's ${c.setupEvents} event${c.setupEvents === 1 ? '' : 's'} on both sides, which the run's own report (its Events) leaves out.` : undefined;

/** Why delivery counts may differ while final states may not (said under every comparison). */
export const TIMING_NOTE =
  "Failures and repeats are injected on the broker as the simulation drew them, event by event; the broker's timing adds deliveries (ack timeouts, a restart, deliveries refused until it gives up on an event). Delivery counts may differ; with an idempotent or exactly-once consumer the final states must be equal.";
