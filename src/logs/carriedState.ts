/**
 * A domain's state carried from an earlier read of the same source into the next one (the command
 * line's `--checkpoint FILE`, ../cli/checkpointFile): the read resumes where the earlier one ended,
 * its replay starts from the states it left, and the streams it knew stay known (./streamStarts'
 * `carry`). Plain data, so it crosses to a domain module's worker. Pure.
 */

import type { LogTime } from './json/logTime';

/**
 * Where a stream's order stood at the end of the earlier read (an extension of the checkpoint):
 * the previous record's stream position (`out-of-order` compares with it), the highest so far
 * (`gap`), and the previous record's time (`time-reversal`), so those go on across reads.
 */
export interface StreamOrder {
  readonly position?: string;
  readonly highest?: string;
  readonly time?: LogTime;
}

/** What a read resumed from a checkpoint starts with. */
export interface CarriedState {
  /** Each stream's state at the end of the earlier read (its report's `finalState`), in any order. */
  readonly states: readonly (readonly [string, unknown])[];
  /** The streams whose state was unknown there (they began before the first read of the chain): unknown still. */
  readonly unknown: readonly string[];
  /**
   * The first read of the chain began at the source's start: every event before this read was read
   * by one of the chain, so a stream none of them met began in this read and is checked from the
   * domain's initial state. Else such a stream is judged as any stream of a read `--from` a position.
   */
  readonly fromStart: boolean;
  /** Each stream's order at the end of the earlier read (./StreamOrder); absent in a checkpoint written before it was kept. */
  readonly order?: readonly (readonly [string, StreamOrder])[];
}
