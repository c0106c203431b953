/**
 * Re-driving a consumer's dead letters after a run: the events it parked are delivered again,
 * once each and in seq order, to the same interpreter as it was when the run ended (as an
 * operator does after fixing the fault). Deterministic: the run is replayed from the scenario,
 * so nothing outside the engine's data is needed.
 */
import type { EngineServices, EnactResult } from './consumers/interpreter';
import { getOwn } from './record';
import { runScenarioWithInterpreters } from './run';
import type { Scenario } from './types';
import type { AnyDomainModule } from '../../domain/kernel';

/** What re-driving did: one result per parked event, and the consumer's output afterwards. */
export interface RedriveResult {
  readonly run: string;
  readonly consumer: string;
  readonly results: readonly { readonly eventSeq: number; readonly eventId: string; readonly type: string; readonly result: EnactResult }[];
  /** The consumer's output after the re-drive (outbox, audit log, tables, or the state). */
  readonly output: unknown;
}

/** Re-drives every event `consumer` parked in run `run`; throws with a clear message for an unknown run or consumer. */
export function redriveDeadLetters(scenario: Scenario, run: string, consumer: string, services: EngineServices = {}, domain?: AnyDomainModule): RedriveResult {
  const result = runScenarioWithInterpreters(scenario, { runs: [run], trace: true, services, ...(domain ? { domain } : {}) });
  const trace = result.traces[0];
  const interpreter = getOwn(result.interpreters[0], consumer);
  if (!interpreter) throw new Error(`run "${run}" has no consumer "${consumer}" (consumers: ${Object.keys(result.interpreters[0]).join(', ')})`);
  const parked = getOwn(trace.deadLetters, consumer) ?? [];
  const bySeq = new Map(trace.log.map((e) => [e.seq, e]));
  const now = result.report.runs[0].metrics.makespanMs;
  const results = [...parked].sort((a, b) => a - b).map((seq) => {
    const event = bySeq.get(seq)!;
    return { eventSeq: seq, eventId: event.id, type: event.type, result: interpreter.enact(event, now) };
  });
  return { run, consumer, results, output: interpreter.output() };
}
