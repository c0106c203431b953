/**
 * Replays recorded events through a domain's `evolve` into a state Map (one aggregate per
 * stream), recording invariant violations by event seq (an invariant going from holding everywhere to
 * broken, as in run reports) and, when asked, the history in the
 * engine trace's structure (`HistoryStep[]`: aggregate after + the stream's previous step).
 * O(1) work per event beyond the domain's own.
 */
import type { AnyDecider, StateView } from '../../domain/kernel';
import type { HistoryStep } from '../engine/types';
import type { LogViolation } from './types';

/** The state being rebuilt from a log, with its violations and optional history. */
export class LogReplay {
  readonly state = new Map<string, unknown>();
  readonly violations: LogViolation[] = [];
  readonly history: HistoryStep[] | undefined;
  /** A read-only view of the current state, for deciding commands against it. */
  readonly view: StateView<unknown> = { get: (stream) => this.state.get(stream) };
  private readonly lastStep = new Map<string, number>();
  /** Per invariant: the streams currently breaking it. */
  private readonly broken: Set<string>[];

  constructor(
    private readonly decider: AnyDecider,
    keepHistory = false,
  ) {
    this.history = keepHistory ? [] : undefined;
    this.broken = decider.invariants.map(() => new Set<string>());
  }

  /** Folds one event (anything with the domain's `type` and `data`) into its stream; `t` is its time for the history. */
  apply(event: { readonly type: string; readonly data: unknown }, seq: number, t: number): void {
    const stream: string = this.decider.streamOf(event);
    const after = this.decider.evolve(this.state.get(stream), event);
    this.state.set(stream, after);
    const newlyBroken = this.checkInvariants(stream, after, seq);
    if (!this.history) return;
    const step = this.history.length;
    this.history.push({ step, eventSeq: seq, t, stream, prevStep: this.lastStep.get(stream) ?? -1, after, ...(newlyBroken ? { violations: newlyBroken } : {}) });
    this.lastStep.set(stream, step);
  }

  /** Records each invariant that went from holding everywhere to broken (as the engine's state store does); returns their names. */
  private checkInvariants(stream: string, aggregate: unknown, seq: number): string[] | undefined {
    const invariants = this.decider.invariants;
    let names: string[] | undefined;
    for (let i = 0; i < invariants.length; i++) {
      const message = invariants[i].violation(stream, aggregate);
      const set = this.broken[i];
      if (message === undefined) {
        if (set.size > 0) set.delete(stream);
        continue;
      }
      if (set.has(stream)) continue;
      set.add(stream);
      if (set.size > 1) continue;
      this.violations.push({ invariant: invariants[i].name, eventSeq: seq, message });
      (names ??= []).push(invariants[i].name);
    }
    return names;
  }
}
