/**
 * Watches a domain's invariants as aggregates change: per invariant, the set of streams that
 * currently break it. A violation is recorded each time a change makes **a stream's** aggregate
 * break an invariant that this stream's aggregate satisfied just before (or had no aggregate
 * yet): fifty stocks going negative are fifty violations (logs.md, "Violations"; the same rule
 * for run reports and log inspections). O(invariants) per change.
 */
import type { AnyDomainModule } from '../../../domain/kernel';

/** An invariant that a stream's aggregate has just gone from satisfying to breaking. */
export interface NewlyBroken {
  readonly invariant: string;
  readonly message: string;
}

/** The broken-stream sets of one state (mutable; one per state store or replay). */
export class InvariantWatch {
  private readonly broken: Set<string>[];

  constructor(private readonly decider: AnyDomainModule) {
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
      (newly ??= []).push({ invariant: invariants[i].name, message });
    }
    return newly;
  }
}
