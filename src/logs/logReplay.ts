/**
 * Replays recorded events through a domain's `evolve` into a state Map (one aggregate per
 * stream), recording invariant violations by event seq (an invariant going from holding everywhere to
 * broken, as in run reports) and, when asked, the history in the
 * engine trace's structure (`HistoryStep[]`: aggregate after + the stream's previous step).
 * O(1) work per event beyond the domain's own.
 */
import type { AnyDecider, StateView } from '../../domain/kernel';
import { HistoryRecorder } from '../engine/state/historyRecorder';
import { InvariantWatch } from '../engine/state/invariantWatch';
import type { HistoryStep } from '../engine/types';
import type { LogViolation } from './types';

/** The state being rebuilt from a log, with its violations and optional history. */
export class LogReplay {
  readonly state = new Map<string, unknown>();
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
    const stream: string = this.decider.streamOf(event);
    // A stream id built by concatenation is a rope; reading one character flattens it once, so
    // the Map's hashing and key comparisons below read flat text (about 0.3 s per million events).
    stream.charCodeAt(0);
    const after = this.decider.evolve(this.state.get(stream), event);
    this.state.set(stream, after);
    const newly = this.watch.check(stream, after);
    if (newly) for (const v of newly) this.violations.push({ invariant: v.invariant, eventSeq: seq, message: v.message });
    this.recorder?.record(seq, t, stream, after, newly?.map((v) => v.invariant));
  }
}
