/**
 * `enact`: one consumer of a run, run as a real durable JetStream consumer (sources.md,
 * "Sinks"): the broker delivers, redelivers after failures and timeouts, and gives up after
 * `max_deliver`; this process enacts each delivery with the consumer's interpreter, injects
 * the simulated run's failures and repeats (./deliveryPolicy.ts), writes what happened to the real
 * run (./realRun.ts) before acknowledging, and copies what the broker gave up on to the
 * dead-letter subject when its max-deliveries advisory comes. A consumer stopped (or crashed)
 * and started again resumes where the broker and the real run left it.
 */
import { AckPolicy, jetstreamManager, type ConsumerConfig as JsConsumerConfig, type ConsumerMessages, type JetStreamManager, type JsMsg } from '@nats-io/jetstream';
import { headers, nanos, type NatsConnection } from '@nats-io/nats-core';
import type { Interpreter } from '../../engine/consumers/interpreter';
import type { ConsumerConfig } from '../../engine/types';
import { reasonOf } from '../types';
import { sleep } from '../sleep';
import { brokerPolicy, deadLetterSubject, natsToken, retryDelays, type BrokerPolicy, type InjectionPlan } from './deliveryPolicy';
import type { RealRun, RealRunLine } from './realRun';
import { publishedRunOf, RUN_HEADER, sameRun, type PublishedRun } from './publishRun';
import { logEntryOf } from './runCloudEvents';

/** What an enactment needs. */
export interface EnactSetup {
  readonly nc: NatsConnection;
  readonly stream: string;
  readonly consumer: ConsumerConfig;
  readonly domain: string;
  /** Which deliveries fail or are repeated: as in the simulated run (./deliveryPolicy.ts). */
  readonly plan: InjectionPlan;
  /** The run whose consumer is enacted: a message whose `Purestream-Run` header names another run is skipped (a stream can hold several runs' events). */
  readonly published?: PublishedRun;
  /** The real run so far (read from its file); lines are added to it and handed to `record` before each acknowledgement. */
  readonly run: RealRun;
  /** The consumer's interpreter with the run's enacted events already enacted again. */
  readonly interpreter: Interpreter;
  /** Persists a line (appends it to the real run's file) before the delivery is acknowledged. */
  readonly record: (line: RealRunLine) => void;
  readonly until: 'head' | 'live';
  readonly signal?: AbortSignal;
  /** Stop abruptly after this many deliveries, the last one enacted and recorded but not acknowledged (a crash). */
  readonly stopAfter?: number;
  readonly onProgress?: (deliveries: number) => void;
}

/** How an enactment ended. */
export interface EnactEnd {
  readonly reason: 'done' | 'stopped' | 'stop-after';
  readonly policy: BrokerPolicy;
  readonly durable: string;
}

/**
 * Creates or updates the durable consumer with the policy; a message when one exists with another
 * ack policy, or when a new real run (`fresh`) would take over one the broker already delivered to
 * (an earlier enact's: the broker would deliver only what that one left, and the run would be empty).
 */
async function durableConsumer(jsm: JetStreamManager, stream: string, name: string, policy: BrokerPolicy, fresh: boolean): Promise<void> {
  const settings: Partial<JsConsumerConfig> = {
    ack_wait: nanos(policy.ackWaitMs),
    max_deliver: policy.maxDeliver,
    ...(policy.backoffMs ? { backoff: policy.backoffMs.map((ms) => nanos(ms)) } : {}),
  };
  let existing;
  try {
    existing = await jsm.consumers.info(stream, name);
  } catch (error) {
    if (!/not found/i.test(reasonOf(error))) throw error;
  }
  const ackPolicy = policy.ackPolicy === 'none' ? AckPolicy.None : AckPolicy.Explicit;
  if (!existing) {
    await jsm.consumers.add(stream, { durable_name: name, ack_policy: ackPolicy, ...settings });
    return;
  }
  if (fresh && existing.delivered.consumer_seq > 0)
    throw new Error(
      `stream ${stream} already has a consumer ${name} that an earlier enact took ${existing.delivered.consumer_seq} deliveries from: resume that real run with its --state file, use another --consumer, or delete it (nats consumer rm ${stream} ${name})`,
    );
  if (existing.config.ack_policy !== ackPolicy) throw new Error(`stream ${stream} has a consumer ${name} acknowledging "${existing.config.ack_policy}", but this run's delivery needs "${ackPolicy}": delete it (nats consumer rm ${stream} ${name}) or use another --consumer`);
  await jsm.consumers.update(stream, name, settings);
}

/** Runs the consumer until the stream is enacted (or stopped); resolves with why it ended. */
export async function enactOnJetStream(s: EnactSetup, ackWaitMs: number, headroom?: number): Promise<EnactEnd> {
  const policy = brokerPolicy(s.consumer, ackWaitMs, headroom);
  const durable = natsToken(s.consumer.name);
  const jsm = await jetstreamManager(s.nc);
  await jsm.streams.info(s.stream).catch((error: unknown) => {
    throw new Error(/not found/i.test(reasonOf(error)) ? `no stream ${s.stream} on this server (publish a run to it first: purestream publish SCENARIO --run NAME --to …/${s.stream})` : reasonOf(error));
  });
  const dlqSubject = deadLetterSubject(s.stream, s.consumer.name);
  if (policy.deadLetter) {
    await jsm.streams.info(`${s.stream}_DLQ`).catch(() => jsm.streams.add({ name: `${s.stream}_DLQ`, subjects: [`${s.stream}_DLQ.>`] }));
  }
  await durableConsumer(jsm, s.stream, durable, policy, s.run.lines.length === 0);
  const started = Date.now();
  const now = () => Date.now() - started + lastAt(s.run);
  const write = (line: RealRunLine) => {
    s.run.add(line);
    s.record(line);
  };
  write({ t: 'session', at: now(), started: new Date(started).toISOString() });

  // what the broker gives up on: copied to the dead-letter subject (or counted as lost)
  const parking: Promise<void>[] = [];
  const advisories = policy.ackPolicy === 'explicit' ? s.nc.subscribe(`$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.${s.stream}.${durable}`) : undefined;
  void (async () => {
    if (!advisories) return;
    for await (const m of advisories) {
      const advisory = m.json<{ stream_seq: number; deliveries: number }>();
      parking.push(park(jsm, s, advisory.stream_seq, advisory.deliveries, policy.deadLetter ? dlqSubject : undefined, now, write));
    }
  })();

  const js = jsm.jetstream();
  const consumer = await js.consumers.get(s.stream, durable);
  // few deliveries in flight: those a crash leaves unacknowledged come back after ack_wait
  const messages: ConsumerMessages = await consumer.consume({ max_messages: 8 });
  const delays = retryDelays(s.consumer);
  let deliveries = 0;
  let reason: EnactEnd['reason'] = 'done';
  let lastSeen = -1;
  let quietPolls = 0;
  let finished = false;
  const stop = () => void messages.stop();
  s.signal?.addEventListener('abort', stop, { once: true });
  // until head: stop once the broker has nothing pending or unacknowledged for this consumer, twice in a row
  const watcher = (async () => {
    while (s.until === 'head' && !s.signal?.aborted && !finished) {
      await sleep(100, s.signal);
      if (finished) return;
      const info = await consumer.info(false).catch(() => undefined);
      if (!info) continue;
      const quiet = info.num_pending === 0 && info.num_ack_pending === 0 && deliveries === lastSeen;
      lastSeen = deliveries;
      quietPolls = quiet ? quietPolls + 1 : 0;
      if (quietPolls >= 2) {
        await Promise.all(parking);
        messages.stop();
        return;
      }
    }
  })();

  try {
    for await (const m of messages) {
      deliveries++;
      const crash = s.stopAfter !== undefined && deliveries >= s.stopAfter;
      await deliver(m, s, policy, delays, now, write, crash);
      s.onProgress?.(deliveries);
      if (crash) {
        reason = 'stop-after';
        messages.stop();
        break;
      }
    }
  } finally {
    finished = true;
    s.signal?.removeEventListener('abort', stop);
    if (s.signal?.aborted && reason === 'done') reason = 'stopped';
    advisories?.unsubscribe();
  }
  if (reason !== 'done') write({ t: 'stopped', at: now(), why: reason === 'stop-after' ? `stopped after ${deliveries} deliveries, the last one not acknowledged` : 'interrupted' });
  await watcher;
  await Promise.all(parking);
  return { reason, policy, durable };
}

/** The time of the run's last line (a new session's clock goes on from it). */
function lastAt(run: RealRun): number {
  for (let i = run.lines.length - 1; i >= 0; i--) {
    const line = run.lines[i];
    if ('at' in line) return line.at + 1;
  }
  return 0;
}

/** One delivery: skip what is not the run's, inject a failure, enact (or ignore a duplicate), maybe ask for a repeat, record, acknowledge. */
async function deliver(m: JsMsg, s: EnactSetup, policy: BrokerPolicy, delays: readonly number[], now: () => number, write: (line: RealRunLine) => void, crash: boolean): Promise<void> {
  const seq = String(m.seq);
  const read = logEntryOf(m.string(), s.domain);
  const ack = async () => {
    if (crash || policy.ackPolicy === 'none') return;
    if (policy.doubleAck) await m.ackAck();
    else m.ack();
  };
  if (read.kind === 'other') {
    write({ t: 'skipped', at: now(), seq, why: read.why });
    return ack();
  }
  const from = s.published ? publishedRunOf(m.headers?.get(RUN_HEADER)) : 'foreign';
  if (from !== 'foreign' && !sameRun(from, s.published!)) {
    write({ t: 'skipped', at: now(), seq, why: `an event of run ${JSON.stringify(from.run)} of ${JSON.stringify(from.scenario)} (seed ${from.seed}), as its ${RUN_HEADER} header says, not of this run` });
    return ack();
  }
  const entry = read.entry;
  const subscribed = s.consumer.events === '*' || s.consumer.events.includes(entry.type);
  if (!subscribed) {
    write({ t: 'skipped', at: now(), seq, why: `${entry.type} is not an event this consumer takes` });
    return ack();
  }
  const delivery = m.info.deliveryCount;
  const before = s.run.enacted(entry.id);
  const failed = s.run.failures(entry.id);
  const base = { t: 'delivery' as const, seq, event: entry.id, delivery };
  if (!before && failed >= policy.attempts) {
    // its retries are spent: refused until the broker gives up on it (max_deliver) and says so
    write({ ...base, at: now(), outcome: 'refused' });
    if (!crash) m.nak();
    return;
  }
  // a delivery of an event already enacted never fails (as in the simulation)
  if (!before && s.plan.fails(entry.id, failed)) {
    if (policy.ackPolicy === 'none') {
      write({ ...base, at: now(), outcome: 'lost' });
      return;
    }
    write({ ...base, at: now(), outcome: 'failed' });
    // the retry's own delay (after the n-th failure, the n-th delay); none once the retries are spent
    if (!crash) m.nak(failed < delays.length ? delays[failed] : undefined);
    return;
  }
  if (before && policy.deduplicate) {
    write({ ...base, at: now(), outcome: 'ignored' });
    return ack();
  }
  const at = now();
  const result = s.interpreter.enact(entry, at);
  if (result.type === 'failed') {
    write({ ...base, at, outcome: 'failed' });
    if (!crash && policy.ackPolicy === 'explicit') m.nak(failed < delays.length ? delays[failed] : undefined);
    return;
  }
  const repeat = policy.ackPolicy === 'explicit' && delivery < policy.maxDeliver && s.run.repeats(entry.id) < s.plan.repeats(entry.id);
  write({ ...base, at, outcome: 'enacted', ...(before ? { again: true } : {}), ...(repeat ? { repeat: true } : {}), entry });
  if (crash) return;
  if (repeat) m.nak();
  else await ack();
}

/** Copies a message the broker gave up on to the dead-letter subject (or records it as lost). */
async function park(jsm: JetStreamManager, s: EnactSetup, seq: number, deliveries: number, subject: string | undefined, now: () => number, write: (line: RealRunLine) => void): Promise<void> {
  let event: string | undefined;
  try {
    const stored = await jsm.streams.getMessage(s.stream, { seq });
    if (stored) {
      const read = logEntryOf(stored.string(), s.domain);
      if (read.kind === 'event') event = read.entry.id;
      if (subject) {
        const h = headers();
        h.set('Purestream-Stream-Seq', String(seq));
        h.set('Purestream-Deliveries', String(deliveries));
        await jsm.jetstream().publish(subject, stored.data, { msgID: `${natsToken(s.consumer.name)}-${seq}`, headers: h });
      }
    }
  } finally {
    write({ t: 'dead-letter', at: now(), seq: String(seq), ...(event !== undefined ? { event } : {}), deliveries, parked: subject !== undefined });
  }
}
