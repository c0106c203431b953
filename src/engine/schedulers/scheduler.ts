/**
 * The one interface every scheduling strategy implements. A scheduler owns the waiting
 * queue(s) and the decision workers' assignment; the simulation (its host) owns the clock,
 * the decisions and the state store. A new strategy is one file plus one registry line.
 */
import type { Job } from '../sim/job';
import type { SchedulerConfig } from '../types';

/** What a scheduler may ask of the simulation. */
export interface SchedulerHost {
  /** Current virtual time. */
  now(): number;
  /** Starts deciding `job` on `worker` now (the worker reads the state store at this moment). */
  start(job: Job, worker: number): void;
  /** Calls the scheduler's `timer(a, b)` at virtual time `t`. */
  setTimer(t: number, a: number, b: number): void;
  /** Reports a change in the number of live decision workers. */
  workersChanged(alive: number): void;
  /** The job's partition keys (cached on the job; a batch has all its commands' keys). */
  keysOf(job: Job): readonly string[];
  /**
   * Recomputes the job's keys against the state now (a cancel that arrived before its order was
   * placed now names the order's stock too); adds the new ones to `job.keys` and returns them.
   */
  rekey(job: Job): readonly string[];
  /** The domain's capacity hook, when it has one. */
  readonly capacity?: {
    /** Capacity left for `key` in the state store's current view. */
    left(key: string): number;
    /** Demand of a job (0 for a batch or a command that takes no capacity). */
    demand(job: Job): number;
  };
}

/** A scheduling strategy: where waiting jobs go and which worker decides them when. */
export interface Scheduler {
  /** Live workers at time 0. */
  readonly initialWorkers: number;
  /** A job arrived. */
  arrive(job: Job): void;
  /** A job's decision ended; its worker (`job.worker`) is free again. */
  finish(job: Job): void;
  /** A timer set with `host.setTimer` fired. */
  timer(a: number, b: number): void;
}

/** Builds a scheduler for a configuration. */
export type SchedulerFactory = (config: SchedulerConfig, host: SchedulerHost) => Scheduler;
