/**
 * Replays recorded events through a domain's `evolve` into a state Map (one aggregate per
 * stream), recording invariant violations by event seq and, when asked, the history in the
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
  /** `<invariant>\0<stream>` of every invariant currently broken. */
  private readonly broken = new Set<string>();

  constructor(
    private readonly decider: AnyDecider,
    keepHistory = false,
  ) {
    this.history = keepHistory ? [] : undefined;
  }

  /** Folds one event into its stream; `t` is its time for the history. */
  apply(type: string, data: unknown, seq: number, t: number): void {
    const event = { type, data };
    const stream: string = this.decider.streamOf(event);
    const after = this.decider.evolve(this.state.get(stream), event);
    this.state.set(stream, after);
    const newlyBroken = this.checkInvariants(stream, after, seq);
    if (!this.history) return;
    const step = this.history.length;
    this.history.push({ step, eventSeq: seq, t, stream, prevStep: this.lastStep.get(stream) ?? -1, after, ...(newlyBroken ? { violations: newlyBroken } : {}) });
    this.lastStep.set(stream, step);
  }

  /** Records each invariant that went from holding to broken; returns their names. */
  private checkInvariants(stream: string, aggregate: unknown, seq: number): string[] | undefined {
    let names: string[] | undefined;
    for (const invariant of this.decider.invariants) {
      const message = invariant.violation(stream, aggregate);
      const key = `${invariant.name}\0${stream}`;
      if (message === undefined) {
        if (this.broken.size > 0) this.broken.delete(key);
        continue;
      }
      if (this.broken.has(key)) continue;
      this.broken.add(key);
      this.violations.push({ invariant: invariant.name, eventSeq: seq, message });
      (names ??= []).push(invariant.name);
    }
    return names;
  }
}
