/**
 * A run's delivery policy as the broker's (sources.md, "Sinks"): a consumer of a scenario's run
 * (`retry`, `delivery`, `failureRate`, `duplicateRate`, `idempotent`, `deadLetter`) becomes a
 * durable JetStream consumer's configuration and the choices the enacting process makes per
 * delivery. Pure.
 *
 * - `at-most-once`: `ack_policy: none`: a delivery is never repeated; a failed one is lost.
 * - `at-least-once`, `exactly-once`: `ack_policy: explicit`; `max_deliver` = the attempts the
 *   retry allows (`retry.max + 1`, 1 without retry) plus `headroom` deliveries the broker may
 *   make beyond them (after a timeout, a crashed consumer, a repeat); `backoff` = the retry
 *   delays (`backoffMs · factor^(n-1)`), each at least `ack_wait` (the broker uses `backoff[0]`
 *   as the ack wait, and a delivery must have that long to be worked on). A failed delivery is
 *   NAKed with its exact retry delay; once an event has failed as many times as the retry
 *   allows, each further delivery of it is refused at once, so the broker reaches
 *   `max_deliver`, gives up and announces it (the max-deliveries advisory), which feeds the
 *   dead-letter subject when `deadLetter` is set. `exactly-once` also double-acks (the broker
 *   confirms each ack) and never enacts an event id twice.
 * - Failures and repeated deliveries are injected as the seeded simulation of the same run drew
 *   them (its `failureRate`, `duplicateRate` and seed), event by event (an {@link InjectionPlan}):
 *   an event's n-th attempt fails on the broker when its n-th simulated attempt failed, and an
 *   event the simulation delivered again after enacting it is NAKed after it was enacted, so
 *   the broker delivers it again. So the same events fail, are given up or repeated, whatever the
 *   broker's timing; only the counts that timing adds (timeouts, a crash) differ.
 */
import type { ConsumerConfig, Trace } from '../../engine/types';
import { retryWaitMs } from '../../engine/retryWait';

/** The durable consumer's settings (milliseconds; the NATS layer turns them into nanoseconds). */
export interface BrokerPolicy {
  readonly ackPolicy: 'explicit' | 'none';
  /** Failed deliveries an event may have before it is given up (`retry.max + 1`). */
  readonly attempts: number;
  readonly maxDeliver: number;
  readonly ackWaitMs: number;
  /** Redelivery delays after an unacknowledged delivery, per delivery (none: `ack_wait` each time). */
  readonly backoffMs?: readonly number[];
  /** Double-ack (the broker confirms each acknowledgement). */
  readonly doubleAck: boolean;
  /** Never enact an event id twice. */
  readonly deduplicate: boolean;
  /** Copy what the broker gave up on to the dead-letter subject. */
  readonly deadLetter: boolean;
}

/** Deliveries the broker may make beyond the retries by default. */
export const DEFAULT_HEADROOM = 2;

/** The broker's policy for a consumer; `ackWaitMs` is how long a delivery may be worked on before the broker sends it again. */
export function brokerPolicy(consumer: ConsumerConfig, ackWaitMs: number, headroom = DEFAULT_HEADROOM): BrokerPolicy {
  const explicit = consumer.delivery !== 'at-most-once';
  const retry = explicit ? consumer.retry : undefined;
  const attempts = retry ? retry.max + 1 : 1;
  return {
    ackPolicy: explicit ? 'explicit' : 'none',
    attempts,
    maxDeliver: explicit ? attempts + headroom : 1,
    ackWaitMs,
    ...(retry && retry.max > 0 ? { backoffMs: retryDelays(consumer).map((d) => Math.max(d, ackWaitMs)) } : {}),
    doubleAck: consumer.delivery === 'exactly-once',
    deduplicate: consumer.delivery === 'exactly-once' || consumer.idempotent,
    deadLetter: explicit && consumer.deadLetter,
  };
}

/** The retry delays in milliseconds: the wait after the n-th failed delivery, n = 1 … retry.max. */
export function retryDelays(consumer: ConsumerConfig): number[] {
  const retry = consumer.retry;
  if (!retry) return [];
  return Array.from({ length: retry.max }, (_, i) => retryWaitMs(retry, i + 1));
}

/** What the simulation did with each event of one consumer: per event id, its attempts' outcomes in order. */
export interface InjectionPlan {
  /** Whether the event's attempt after `failedSoFar` failed ones fails. */
  fails(eventId: string, failedSoFar: number): boolean;
  /** How many times the event is delivered again after it was enacted. */
  repeats(eventId: string): number;
}

/** No failures, no repeats (a consumer enacted without a scenario). */
export const NO_INJECTION: InjectionPlan = { fails: () => false, repeats: () => 0 };

/** The plan of `consumer` from the simulated run's trace: its attempts, event by event (setup events never fail: the simulation enacts them outside any policy). */
export function injectionPlan(trace: Trace, consumer: string): InjectionPlan {
  const idOf = new Map<number, string>();
  for (const e of trace.log) idOf.set(e.seq, e.id);
  const failedAttempts = new Map<string, boolean[]>();
  const repeated = new Map<string, number>();
  for (const a of trace.attempts) {
    if (a.consumer !== consumer) continue;
    const id = idOf.get(a.eventSeq);
    if (id === undefined) continue;
    if (a.outcome === 'duplicate' && a.attempt > 1) {
      // a delivery again after the event settled (an idempotent interpreter's own ignore is attempt 1)
      repeated.set(id, (repeated.get(id) ?? 0) + 1);
      continue;
    }
    let list = failedAttempts.get(id);
    if (!list) failedAttempts.set(id, (list = []));
    list.push(a.outcome === 'failed' || a.outcome === 'parked' || a.outcome === 'lost');
  }
  return {
    fails: (id, failedSoFar) => failedAttempts.get(id)?.[failedSoFar] === true,
    repeats: (id) => repeated.get(id) ?? 0,
  };
}

/** A name JetStream takes for a durable consumer or a subject token: no whitespace, `.`, `*`, `>` (nor `/`, `\`). */
export const natsToken = (text: string): string => text.replace(/[\s.*>/\\]/g, '_') || '_';

/** The subject a stream's dead letters of one consumer are copied to; captured by the stream `<STREAM>_DLQ`. */
export const deadLetterSubject = (stream: string, consumer: string): string => `${stream}_DLQ.${natsToken(consumer)}`;
