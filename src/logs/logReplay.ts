/**
 * Replays recorded events through a domain's `evolve` into a state Map (one aggregate per
 * stream), recording invariant violations by event seq (each time a stream newly breaks an invariant, as in
 * run reports) and, when asked, the history in the
 * engine trace's structure (`HistoryStep[]`: aggregate after + the stream's previous step).
 * O(1) work per event beyond the domain's own.
 */
import type { AnyDecider, StateView } from '../../domain/kernel';
import { HistoryRecorder } from '../engine/state/historyRecorder';
import { InvariantWatch } from '../engine/state/invariantWatch';
import type { HistoryStep } from '../engine/types';
import { streamHash, StreamTable } from './streamTable';
import type { LogViolation } from './types';

/** The state being rebuilt from a log, with its violations and optional history. */
export class LogReplay {
  /** The aggregate of every stream so far, in the order streams first appeared. */
  readonly state = new StreamTable<unknown>();
  readonly violations: LogViolation[] = [];
  readonly history: HistoryStep[] | undefined;
  /** A read-only view of the current state, for deciding commands against it. */
  readonly view: StateView<unknown> = { get: (stream) => this.state.get(stream) };
  private readonly watch: InvariantWatch;
  private readonly recorder: HistoryRecorder | undefined;

  constructor(
    private readonly decider: AnyDecider,
    keepHistory = false,
  ) {
    this.watch = new InvariantWatch(decider);
    this.recorder = keepHistory ? new HistoryRecorder() : undefined;
    this.history = this.recorder?.steps;
  }

  /** Folds one event (anything with the domain's `type` and `data`) into its stream; `t` is its time for the history. */
  apply(event: { readonly type: string; readonly data: unknown }, seq: number, t: number): void {
    const id: unknown = this.decider.streamOf(event);
    const stream = typeof id === 'string' ? id : String(id);
    const hash = streamHash(stream);
    const index = this.state.find(stream, hash);
    const after = this.decider.evolve(index < 0 ? undefined : this.state.valueAt(index), event);
    // a stream is added only once its first event applied (an event the domain refuses leaves no trace)
    if (index < 0) this.state.insert(stream, hash, after);
    else this.state.setValueAt(index, after);
    const newly = this.watch.check(stream, after);
    if (newly) for (const v of newly) this.violations.push({ invariant: v.invariant, eventSeq: seq, message: v.message });
    this.recorder?.record(seq, t, stream, after, newly?.map((v) => v.invariant));
  }
}
