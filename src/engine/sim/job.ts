/** A decision job: one arrival (a command or a whole batch) on its way through a scheduler to a worker. */
import type { DecisionInput, Outcome } from '../../../domain/kernel';

/** Mutable bookkeeping of one arrival; the simulation owns it, schedulers read and tag it. */
export interface Job {
  /** Position in arrival order (0-based). */
  readonly index: number;
  readonly input: DecisionInput;
  readonly arrivedAt: number;
  /** Partition keys (computed on demand by the host; a batch holds all its items' keys). */
  keys: readonly string[] | undefined;
  worker: number;
  startedAt: number;
  stateVersion: number;
  lag: number;
  /** The log's last seq when the decision read the state (to tell whether what it read changed before it appended). */
  readSeq: number;
  /** The streams its decision read (noted when it starts). */
  reads: string[] | undefined;
  /** Set at the decision's end: a stream it read or appended to changed since its read, or it read a state store that was behind. */
  stale: boolean;
  outcome: Outcome | undefined;
  /** Scheduler-private flag (e.g. admitted by capacity, queued as ready). */
  flag: number;
}

/** A fresh job for an arrival. */
export const newJob = (index: number, input: DecisionInput, arrivedAt: number): Job => ({
  index,
  input,
  arrivedAt,
  keys: undefined,
  worker: -1,
  startedAt: 0,
  stateVersion: 0,
  lag: 0,
  readSeq: 0,
  reads: undefined,
  stale: false,
  outcome: undefined,
  flag: 0,
});
