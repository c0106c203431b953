/**
 * The discrete-event simulation of one run: arrivals (already sorted) merged with a heap of
 * timed events on a virtual clock. Decision workers read the state store when a decision
 * starts and append its events when it ends; consumer lanes enact them. At equal times, heap
 * events (decision ends, deliveries, timers) run before arrivals, in the order they were
 * scheduled. No promise, timer or closure is allocated per simulated event.
 */
import { decideInput, isBatch, type AnyDomainModule, type DecideOptions, type DecisionInput, type EventEnvelope, type Outcome } from '../../../domain/kernel';
import type { RunProgress } from '../api';
import { RunCancelled } from '../api';
import type { EngineServices, Interpreter } from '../consumers/interpreter';
import { seededRandom } from '../random';
import { schedulers, type Scheduler, type SchedulerHost } from '../schedulers';
import type { Arrival, AttemptRecord, DecisionRecord, LogEntry, RunConfig } from '../types';
import { ConsumerLane, K_ATTEMPT_END, K_DELIVERY_READY, K_LANE_WAKE, type SettleListener } from './consumerLane';
import { buildConsumers } from './consumers';
import { EventQueue, type SimEvent } from './eventQueue';
import { Float64Table, Int32Table } from './growable';
import { decisionRecord } from './decisionRecord';
import { partitionKeysOf, serviceTime } from './inputs';
import { newJob, type Job } from './job';
import { RunCounters } from './runCounters';
import { SampleSeries } from './samples';
import type { StateStore } from './stateStore';
import { ReadRecorder } from './readRecorder';

const K_DECISION_END = 1;
const K_SCHEDULER_TIMER = 5;

/** The random stream of decision service times. */
export const SERVICE_STREAM = 1;
/** How many simulated events pass between cancellation polls and progress reports. */
const POLL_EVERY = 4096;

/** Everything one run needs. */
export interface SimulationInput {
  readonly decider: AnyDomainModule;
  readonly run: RunConfig;
  readonly seed: number;
  readonly setup: readonly DecisionInput[];
  readonly arrivals: readonly Arrival[];
  readonly trace: boolean;
  readonly services?: EngineServices;
  readonly onProgress?: (progress: RunProgress) => void;
  readonly isCancelled?: () => boolean;
}

const NO_OPTIONS: DecideOptions = {};

/** One run's simulation state; `run()` drives it to the end. */
export class Simulation implements SchedulerHost, SettleListener {
  readonly counters = new RunCounters();
  readonly store: StateStore;
  readonly lanes: ConsumerLane[];
  readonly decisions: DecisionRecord[] = [];
  readonly log: LogEntry[] = [];
  readonly attempts: AttemptRecord[] = [];
  readonly queueDepth = new SampleSeries();
  readonly workerSamples = new SampleSeries();
  readonly capacity: SchedulerHost['capacity'];
  readonly interpreters: Readonly<Record<string, Interpreter>>;
  private readonly queue = new EventQueue();
  private readonly scheduler: Scheduler;
  private readonly decider: AnyDomainModule;
  private readonly run_: RunConfig;
  private readonly tracing: boolean;
  private readonly serviceRandom;
  readonly storeLane: ConsumerLane;
  private t = 0;
  private seq = 0;
  /** The seq of the last event appended to each stream (for stale-read detection). */
  private readonly lastAppend = new Map<string, number>();
  private arrived = 0;
  private started = 0;
  /** Events appended for the state store that it has not settled yet (a decision's lag). */
  private storePending = 0;
  /** Per event seq: the ordinal of the command that appended it (for enact latency). */
  private readonly seqCommand = new Int32Table();
  private readonly commandArrival = new Float64Table();
  private readonly commandRemaining = new Int32Table();
  private commandOrdinal = 0;
  /** The state store as decisions read it: it notes the streams read, for stale-read detection. */
  private readonly readView: ReadRecorder;

  constructor(private readonly input: SimulationInput) {
    this.decider = input.decider;
    this.run_ = input.run;
    this.tracing = input.trace;
    this.serviceRandom = seededRandom(input.seed, SERVICE_STREAM);
    const consumers = buildConsumers({
      decider: input.decider,
      run: input.run,
      seed: input.seed,
      queue: this.queue,
      counters: this.counters,
      listener: this,
      tracing: input.trace,
      attempts: this.attempts,
      services: input.services ?? {},
    });
    this.store = consumers.store;
    this.lanes = consumers.lanes;
    this.storeLane = consumers.storeLane;
    this.readView = new ReadRecorder(this.store);
    this.interpreters = consumers.interpreters;
    const hook = input.decider.capacity;
    const store = this.store;
    this.capacity = hook && {
      left: (key) => hook.capacityOf(key, store),
      demand: (job) => (isBatch(job.input) ? 0 : hook.demandOf(job.input)),
    };
    this.scheduler = schedulers[input.run.scheduler.kind](input.run.scheduler, this);
    this.counters.maxWorkers = this.scheduler.initialWorkers;
    // At least one command per arrival: size the per-command arrays once.
    const expected = input.arrivals.length + 1;
    this.counters.commandLatency.reserve(expected);
    this.counters.enactLatency.reserve(expected);
    this.commandArrival.reserve(expected);
    this.commandRemaining.reserve(expected);
    this.seqCommand.reserve(expected + 1);
    if (this.tracing) this.workerSamples.record(0, this.scheduler.initialWorkers);
  }

  /** Runs setup, then every arrival and event to the end. */
  run(): void {
    this.runSetup();
    this.store.counting = true;
    const arrivals = this.input.arrivals;
    const total = arrivals.length;
    const queue = this.queue;
    const { onProgress, isCancelled } = this.input;
    let next = 0;
    let steps = 0;
    for (;;) {
      const heapAt = queue.peekTime();
      // an arrival at the same instant as a heap event waits for it; none is ever left behind
      if (next < total && (arrivals[next].at < heapAt || heapAt === Infinity)) {
        const arrival = arrivals[next];
        this.t = arrival.at;
        this.arrive(newJob(next++, arrival.input, arrival.at));
      } else if (heapAt !== Infinity) {
        const e = queue.pop()!;
        this.t = e.t;
        this.handle(e);
        queue.recycle(e);
      } else break;
      if (++steps % POLL_EVERY === 0) {
        if (isCancelled?.()) throw new RunCancelled();
        onProgress?.({ run: this.run_.name, done: next, total, phase: next < total ? 'arriving' : 'finishing' });
      }
    }
    onProgress?.({ run: this.run_.name, done: total, total, phase: 'report' });
  }

  /** Setup inputs: decided and enacted instantly before time 0, counted in no metric. */
  private runSetup(): void {
    for (const input of this.input.setup) {
      const outcome = decideInput(this.decider, input, this.store);
      for (const envelope of outcome.events) {
        const entry = this.entryOf(envelope, 0);
        for (const lane of this.lanes) lane.enactSetup(entry);
      }
    }
  }

  private handle(e: SimEvent): void {
    switch (e.kind) {
      case K_DECISION_END:
        return this.endDecision(e.ref as Job);
      case K_DELIVERY_READY:
        return this.lanes[e.a].enqueue(e.ref as LogEntry, e.b, this.t);
      case K_ATTEMPT_END:
        return this.lanes[e.a].attemptEnded(e.ref as LogEntry, e.b, e.c, e.d, this.t);
      case K_LANE_WAKE:
        return this.lanes[e.a].wake(this.t);
      case K_SCHEDULER_TIMER:
        return this.scheduler.timer(e.a, e.b);
    }
  }

  private arrive(job: Job): void {
    this.counters.lastActivity = this.t;
    this.arrived++;
    this.depthChanged();
    this.scheduler.arrive(job);
  }

  private depthChanged(): void {
    const depth = this.arrived - this.started;
    if (depth > this.counters.maxQueueDepth) this.counters.maxQueueDepth = depth;
    if (this.tracing) this.queueDepth.record(this.t, depth);
  }

  // ------------------------------------------------------------ SchedulerHost

  now(): number {
    return this.t;
  }

  start(job: Job, worker: number): void {
    job.worker = worker;
    job.startedAt = this.t;
    this.started++;
    this.depthChanged();
    job.stateVersion = this.store.version;
    job.lag = this.storePending;
    job.readSeq = this.seq;
    const view = this.readView;
    view.reads = job.reads = [];
    job.outcome = decideInput(this.decider, job.input, view, this.run_.authorize ? { authorize: { now: this.t } } : NO_OPTIONS);
    this.queue.push(this.t + serviceTime(job.input, this.run_.serviceMs, this.serviceRandom), K_DECISION_END, 0, 0, 0, job);
  }

  setTimer(t: number, a: number, b: number): void {
    this.queue.push(t, K_SCHEDULER_TIMER, a, b, 0, null);
  }

  workersChanged(alive: number): void {
    if (alive > this.counters.maxWorkers) this.counters.maxWorkers = alive;
    if (this.tracing) this.workerSamples.record(this.t, alive);
  }

  keysOf(job: Job): readonly string[] {
    return (job.keys ??= partitionKeysOf(this.decider, job.input, this.store, this.run_.scheduler.key));
  }

  rekey(job: Job): readonly string[] {
    const held = this.keysOf(job);
    const now = partitionKeysOf(this.decider, job.input, this.store, this.run_.scheduler.key);
    const added = now.filter((key) => !held.includes(key));
    if (added.length > 0) job.keys = [...held, ...added];
    return added;
  }

  // ------------------------------------------------------------ decisions and the log

  private endDecision(job: Job): void {
    const counters = this.counters;
    counters.lastActivity = this.t;
    const outcome = job.outcome!;
    const seqs: number[] | undefined = this.tracing ? [] : undefined;
    if (job.lag > 0 || this.readChanged(job.reads!, job.readSeq) || this.changedSince(outcome.events, job.readSeq)) {
      job.stale = true;
      counters.staleDecisions++;
    }
    this.settleOutcome(outcome, job.arrivedAt, seqs);
    if (this.tracing) this.decisions.push(decisionRecord(job, outcome, seqs!, this.t));
    job.outcome = this.tracing ? outcome : undefined;
    this.scheduler.finish(job);
  }

  /** Counts a (batch) outcome's commands and appends each accepted command's events. */
  private settleOutcome(outcome: Outcome, arrivedAt: number, seqs: number[] | undefined): void {
    if (outcome.kind === 'batch') {
      for (const item of outcome.items) this.settleOutcome(item, arrivedAt, seqs);
      return;
    }
    const counters = this.counters;
    counters.commands++;
    counters.commandLatency.push(this.t - arrivedAt);
    if (!outcome.accepted) {
      counters.reject(outcome.rejection!.code);
      return;
    }
    counters.accepted++;
    const events = outcome.events;
    if (events.length === 0) return;
    const ordinal = this.commandOrdinal++;
    this.commandArrival.set(ordinal, arrivedAt);
    let remaining = 0;
    for (let i = 0; i < events.length; i++) if (this.storeLane.subscribes(events[i].type)) remaining++;
    this.commandRemaining.set(ordinal, remaining);
    for (let i = 0; i < events.length; i++) {
      const entry = this.entryOf(events[i], this.t);
      seqs?.push(entry.seq);
      counters.events++;
      this.seqCommand.set(entry.seq, ordinal);
      const lanes = this.lanes;
      for (let l = 0; l < lanes.length; l++) {
        const lane = lanes[l];
        if (!lane.subscribes(entry.type)) continue;
        if (lane === this.storeLane) this.storePending++;
        lane.offer(entry, this.t);
      }
    }
  }

  /** True when another decision appended to one of these streams (the ones a decision read) after log seq `readSeq`. */
  private readChanged(streams: readonly string[], readSeq: number): boolean {
    for (let i = 0; i < streams.length; i++) if ((this.lastAppend.get(streams[i]) ?? 0) > readSeq) return true;
    return false;
  }

  /** True when another decision appended to one of these events' streams after log seq `readSeq`. */
  private changedSince(events: readonly EventEnvelope[], readSeq: number): boolean {
    for (let i = 0; i < events.length; i++) if ((this.lastAppend.get(events[i].stream) ?? 0) > readSeq) return true;
    return false;
  }

  private noteAppend(stream: string, seq: number): number {
    this.lastAppend.set(stream, seq);
    return seq;
  }

  /** Gives an event its seq number at append. */
  private entryOf(e: EventEnvelope, appendedAt: number): LogEntry {
    const entry: LogEntry = {
      seq: this.noteAppend(e.stream, ++this.seq),
      id: e.id,
      type: e.type,
      data: e.data,
      stream: e.stream,
      causationId: e.causationId,
      correlationId: e.correlationId,
      at: e.at,
      appendedAt,
    };
    if (this.tracing) this.log.push(entry);
    return entry;
  }

  /** The state store is done with an event (enacted, parked or lost). */
  settled(entry: LogEntry, enacted: boolean, now: number): void {
    this.storePending--;
    if (!enacted) return;
    const ordinal = this.seqCommand.data[entry.seq];
    if (--this.commandRemaining.data[ordinal] === 0) this.counters.enactLatency.push(now - this.commandArrival.data[ordinal]);
  }
}
