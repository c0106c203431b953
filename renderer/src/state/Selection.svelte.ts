/**
 * What the user picked in a run's result, shared by the timeline, the event log, the graph and
 * the history: a command or an event of the run at `runIndex`, with the event's seq and the
 * state-history step when known.
 */

/** A selected command or event. */
export interface Selected {
  readonly kind: 'command' | 'event';
  /** The command id, or the event id. */
  readonly id: string;
  readonly eventSeq?: number;
  /** The state history step (index into trace.history) it corresponds to. */
  readonly step?: number;
}

/** The current selection; views subscribe by reading `current`. */
export class Selection {
  current = $state.raw<Selected | undefined>(undefined);
  /** Which run of the result the selection belongs to. */
  runIndex = $state.raw(0);

  /** Selects a command or event of run `runIndex`. */
  select(selected: Selected, runIndex = this.runIndex): void {
    this.runIndex = runIndex;
    this.current = selected;
  }

  /** Clears the selection. */
  clear(): void {
    this.current = undefined;
  }
}
