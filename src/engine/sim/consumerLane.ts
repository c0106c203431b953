/**
 * One consumer's delivery pipeline around its interpreter: subscription, latency, a pool of
 * enactment workers, seeded failures, retries with exponential backoff, the delivery
 * guarantee (exactly-once / at-least-once / at-most-once), dead letters and downtime windows.
 * Policies live here, never in the interpreter.
 */
import { draw, type Random } from '../random';
import { FreeWorkers } from '../schedulers/freeWorkers';
import type { AttemptOutcome, AttemptRecord, ConsumerConfig, Duration, LogEntry } from '../types';
import type { Interpreter } from '../consumers/interpreter';
import type { EventQueue } from './eventQueue';
import { Fifo } from './fifo';
import { retryWaitMs } from '../retryWait';
import type { RunCounters } from './runCounters';
import { SampleSeries } from './samples';

/** Event kinds a lane schedules (the simulation routes them back by lane index). */
export const K_DELIVERY_READY = 2;
export const K_ATTEMPT_END = 3;
export const K_LANE_WAKE = 4;

/** Told when the lane is done with an event: enacted (first time) or given up (parked / lost). */
export interface SettleListener {
  settled(entry: LogEntry, enacted: boolean, now: number): void;
}

/** The random streams a lane draws from (independent per consumer and purpose). */
export interface LaneRandoms {
  readonly latency: Random;
  readonly failure: Random;
  readonly duplicate: Random;
  readonly enact: Random;
}

/** The delivery pipeline of one consumer. */
export class ConsumerLane {
  readonly deadLetters: number[] = [];
  readonly depth = new SampleSeries();
  private readonly entries = new Fifo<LogEntry>();
  private readonly codes = new Fifo<number>();
  private readonly workers: FreeWorkers;
  private readonly subscribed: ReadonlySet<string> | undefined;
  private readonly enactMs: Duration;
  private wakeAt = -1;
  /** No latency, enactment time, failures, duplicates or downtime: an idle lane enacts on offer. */
  private readonly instant: boolean;

  constructor(
    readonly index: number,
    readonly config: ConsumerConfig,
    private readonly interpreter: Interpreter,
    private readonly randoms: LaneRandoms,
    private readonly queue: EventQueue,
    private readonly counters: RunCounters,
    private readonly listener: SettleListener | undefined,
    private readonly tracing: boolean,
    /** Shared by every lane of the run, in order of completion. */
    private readonly attempts: AttemptRecord[],
  ) {
    this.workers = new FreeWorkers(Math.max(1, config.workers), Math.max(1, config.workers));
    this.subscribed = config.events === '*' ? undefined : new Set(config.events);
    this.enactMs = (config as { enactMs?: Duration }).enactMs ?? 0;
    this.instant =
      config.latencyMs === 0 && this.enactMs === 0 && config.failureRate === 0 && config.duplicateRate === 0 && config.downtime.length === 0;
  }

  /** Whether the consumer subscribes to an event type. */
  subscribes(type: string): boolean {
    return this.subscribed === undefined || this.subscribed.has(type);
  }

  /** Enacts a setup event at once: no latency, failures, attempts or metrics. */
  enactSetup(entry: LogEntry): void {
    if (this.subscribes(entry.type)) this.interpreter.enact(entry, 0);
  }

  /** Interpreter output for views. */
  output(): unknown {
    return this.interpreter.output();
  }

  /** An event was appended at `now` (the caller checked the subscription). */
  offer(entry: LogEntry, now: number): void {
    if (this.instant && this.entries.length === 0) return this.enactNow(entry, now);
    const latency = draw(this.config.latencyMs, this.randoms.latency);
    if (latency > 0) this.queue.push(now + latency, K_DELIVERY_READY, this.index, 1, 0, entry);
    else this.enqueue(entry, 1, now);
  }

  /** A delivery (attempt code: n = n-th attempt, -n = a duplicate delivery) is ready at `now`. */
  enqueue(entry: LogEntry, code: number, now: number): void {
    this.entries.push(entry);
    this.codes.push(code);
    if (this.tracing) this.depth.record(now, this.entries.length);
    this.pump(now);
  }

  /** The end of a downtime window. */
  wake(now: number): void {
    if (this.wakeAt === now) this.wakeAt = -1;
    this.pump(now);
  }

  /** An attempt that took time ended. */
  attemptEnded(entry: LogEntry, code: number, start: number, worker: number, now: number): void {
    this.finish(entry, code, start, worker, now);
    this.pump(now);
  }

  /** The fast path of an instant lane: one successful attempt on worker 0, right now. */
  private enactNow(entry: LogEntry, now: number): void {
    this.counters.deliveries++;
    this.counters.lastActivity = now;
    const result = this.interpreter.enact(entry, now).type;
    if (result === 'failed') {
      this.failed(entry, 1, 0, now, now);
      this.pump(now);
    } else {
      if (this.tracing) this.record(entry, 1, 0, now, now, result === 'ignored' ? 'duplicate' : 'enacted');
      this.listener?.settled(entry, result !== 'ignored', now);
    }
  }

  /** Starts attempts while workers are free and the consumer is up. */
  private pump(now: number): void {
    while (this.entries.length > 0 && this.workers.anyFree) {
      if (this.config.downtime.length > 0) {
        const until = this.upAt(now);
        if (until > now) {
          if (this.wakeAt !== until) {
            this.wakeAt = until;
            this.queue.push(until, K_LANE_WAKE, this.index, 0, 0, null);
          }
          return;
        }
      }
      const entry = this.entries.shift()!;
      const code = this.codes.shift()!;
      if (this.tracing) this.depth.record(now, this.entries.length);
      const worker = this.workers.take();
      this.counters.deliveries++;
      if (code > 1) this.counters.retries++;
      else if (code < 0) this.counters.duplicates++;
      const took = typeof this.enactMs === 'number' ? this.enactMs : draw(this.enactMs, this.randoms.enact);
      if (took > 0) this.queue.push(now + took, K_ATTEMPT_END, this.index, code, now, entry, worker);
      else this.finish(entry, code, now, worker, now);
    }
  }

  /** The first instant at or after `t` outside every downtime window. */
  private upAt(t: number): number {
    let moved = true;
    while (moved) {
      moved = false;
      for (const w of this.config.downtime) {
        if (w.from <= t && t < w.to) {
          t = w.to;
          moved = true;
        }
      }
    }
    return t;
  }

  /** Settles one attempt: enact or fail, then retry, park, lose or duplicate per the policies. */
  private finish(entry: LogEntry, code: number, start: number, worker: number, now: number): void {
    this.workers.release(worker);
    this.counters.lastActivity = now;
    const config = this.config;
    if (code < 0) {
      if (config.delivery !== 'exactly-once') this.interpreter.enact(entry, now);
      this.record(entry, -code, worker, start, now, 'duplicate');
      return;
    }
    let result: 'enacted' | 'ignored' | 'failed' = 'ignored';
    let failed = this.randoms.failure.chance(config.failureRate);
    if (!failed) {
      result = this.interpreter.enact(entry, now).type;
      failed = result === 'failed';
    }
    if (failed) this.failed(entry, code, worker, start, now);
    else this.succeeded(entry, code, worker, start, now, result === 'ignored');
  }

  /** A successful attempt: settle the event, and maybe deliver it once more (at-least-once, exactly-once). */
  private succeeded(entry: LogEntry, code: number, worker: number, start: number, now: number, ignored: boolean): void {
    this.record(entry, code, worker, start, now, ignored ? 'duplicate' : 'enacted');
    this.listener?.settled(entry, !ignored, now);
    if (this.config.delivery !== 'at-most-once' && this.randoms.duplicate.chance(this.config.duplicateRate)) {
      this.entries.push(entry);
      this.codes.push(-(code + 1));
      if (this.tracing) this.depth.record(now, this.entries.length);
    }
  }

  /** A failed attempt: retry after the backoff, or park, or lose the event. */
  private failed(entry: LogEntry, code: number, worker: number, start: number, now: number): void {
    const config = this.config;
    this.counters.failures++;
    const retry = config.retry;
    if (config.delivery !== 'at-most-once' && retry !== undefined && code <= retry.max) {
      this.record(entry, code, worker, start, now, 'failed');
      const wait = retryWaitMs(retry, code);
      if (wait > 0) this.queue.push(now + wait, K_DELIVERY_READY, this.index, code + 1, 0, entry);
      else {
        this.entries.push(entry);
        this.codes.push(code + 1);
        if (this.tracing) this.depth.record(now, this.entries.length);
      }
      return;
    }
    const park = config.delivery !== 'at-most-once' && config.deadLetter;
    if (park) {
      this.counters.deadLettered++;
      if (this.tracing) this.deadLetters.push(entry.seq);
    } else this.counters.lost++;
    this.record(entry, code, worker, start, now, park ? 'parked' : 'lost');
    this.listener?.settled(entry, false, now);
  }

  private record(entry: LogEntry, attempt: number, worker: number, start: number, end: number, outcome: AttemptOutcome): void {
    if (this.tracing) this.attempts.push({ consumer: this.config.name, eventSeq: entry.seq, attempt, worker, start, end, outcome });
  }
}
