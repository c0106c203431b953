/**
 * The run's state store: the first `state-store` consumer, whose interpreter's state is what
 * decisions read. This wrapper adds what the simulation needs around the interpreter: a
 * version, the domain's invariants checked on the touched aggregate after each enactment
 * (a violation is recorded each time a stream's aggregate goes from satisfying an invariant to breaking it), and,
 * when tracing, one history step per enactment — the touched aggregate after it and a link to
 * the stream's previous step, never a copy of the whole state.
 */
import type { AnyDecider, StateView } from '../../../domain/kernel';
import type { HistoryStep, LogEntry, Violation } from '../types';
import { HistoryRecorder } from '../state/historyRecorder';
import { InvariantWatch } from '../state/invariantWatch';
import { SeqSet } from './seqSet';
import { ENACTED } from '../consumers/results';
import type { EnactResult, Interpreter } from '../consumers/interpreter';

/** A state-store interpreter: enacts events and can be read. */
export type StateInterpreter = Interpreter & StateView<unknown>;

/** The engine's view of the state store (mutable; one per run). */
export class StateStore implements StateView<unknown>, Interpreter {
  readonly kind = 'state-store';
  /** Enactments done (the version a decision reads). */
  version = 0;
  readonly violations: Violation[] = [];
  readonly history: HistoryStep[];
  /** Whether violations count (false while enacting setup). */
  counting = false;
  private readonly watch: InvariantWatch;
  private readonly recorder: HistoryRecorder | undefined;
  /** Seqs enacted, when idempotent (a bitmap: within one run's log a seq stands for one event id). */
  private readonly enacted: SeqSet | undefined;

  /** `interpreter` must not be idempotent itself: this store recognises repeats by seq, cheaply. */
  constructor(
    private readonly decider: AnyDecider,
    readonly interpreter: StateInterpreter,
    idempotent: boolean,
    private readonly tracing: boolean,
  ) {
    this.enacted = idempotent ? new SeqSet() : undefined;
    this.watch = new InvariantWatch(decider);
    this.recorder = tracing ? new HistoryRecorder() : undefined;
    this.history = this.recorder?.steps ?? [];
  }

  /** Reads a stream's aggregate. */
  get(stream: string): unknown {
    return this.interpreter.get(stream);
  }

  /** Enacts one event at `now` (an event already enacted is `ignored` when the store is idempotent). */
  enact(entry: LogEntry, now: number): EnactResult {
    const enacted = this.enacted;
    if (enacted !== undefined && enacted.has(entry.seq)) return IGNORED_AGAIN;
    const result = this.interpreter.enact(entry, now);
    if (result.type !== 'enacted') return result;
    enacted?.add(entry.seq);
    const stream = entry.stream;
    const after = this.interpreter.get(stream);
    this.version++;
    const newly = this.watch.check(stream, after);
    let broke: string[] | undefined;
    if (newly && this.counting) {
      broke = newly.map((v) => v.invariant);
      for (const v of newly) this.violations.push({ invariant: v.invariant, atMs: now, eventSeq: entry.seq, message: v.message });
    }
    this.recorder?.record(entry.seq, now, stream, after, broke);
    return ENACTED;
  }

  /** The state as a plain record. */
  snapshot(): Record<string, unknown> {
    return this.interpreter.output() as Record<string, unknown>;
  }

  /** Same as {@link snapshot} (the Interpreter interface). */
  output(): unknown {
    return this.snapshot();
  }
}

/** What an idempotent store answers for an event it enacted before (shared: the hot path allocates nothing). */
const IGNORED_AGAIN: EnactResult = Object.freeze({ type: 'ignored', reason: 'already enacted' });
