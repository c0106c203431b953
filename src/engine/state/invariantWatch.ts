/**
 * Watches a domain's invariants as aggregates change: per invariant, the set of streams that
 * currently break it. An invariant "goes from holding to broken" when its first stream breaks
 * it — the moment run reports and log inspections record a violation. O(invariants) per change.
 */
import type { AnyDecider } from '../../../domain/kernel';

/** An invariant that has just gone from holding everywhere to broken. */
export interface NewlyBroken {
  readonly invariant: string;
  readonly message: string;
}

/** The broken-stream sets of one state (mutable; one per state store or replay). */
export class InvariantWatch {
  private readonly broken: Set<string>[];

  constructor(private readonly decider: AnyDecider) {
    this.broken = decider.invariants.map(() => new Set<string>());
  }

  /** Checks `stream`'s new aggregate; returns the invariants it newly broke (undefined: none). */
  check(stream: string, aggregate: unknown): NewlyBroken[] | undefined {
    const invariants = this.decider.invariants;
    let newly: NewlyBroken[] | undefined;
    for (let i = 0; i < invariants.length; i++) {
      const message = invariants[i].violation(stream, aggregate);
      const set = this.broken[i];
      if (message === undefined) {
        if (set.size > 0) set.delete(stream);
        continue;
      }
      if (set.has(stream)) continue;
      set.add(stream);
      if (set.size === 1) (newly ??= []).push({ invariant: invariants[i].name, message });
    }
    return newly;
  }
}
