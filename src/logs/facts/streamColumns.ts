/**
 * The per-stream columns of ../facts/logFacts: each stream's count, first and last positions and
 * times, and what its order checks compare with, in parallel arrays indexed by the stream's
 * entry in a KeyTable (no object per stream: a log of a million one-record streams stays small).
 * Pure.
 */
import type { LogTime } from '../json/logTime';

/** A stream holds archived records (StreamColumns.held). */
export const HELD_ARCHIVED = 1;
/** A stream holds a store's other records (StreamColumns.held). */
export const HELD_OTHER = 2;

/** Per stream, in parallel arrays indexed by the stream's entry in a KeyTable (no object per stream). */
export class StreamColumns {
  events = new Int32Array(1024);
  /** What the stream holds that is counted apart: HELD_ARCHIVED and HELD_OTHER bits (a stream with no event says which). */
  held = new Uint8Array(1024);
  readonly firstPosition: (string | undefined)[] = [];
  readonly lastPosition: (string | undefined)[] = [];
  /** The stream position of the previous record ordered in the stream (`out-of-order` compares with it). */
  readonly previousPosition: (string | undefined)[] = [];
  /** Highest stream position so far (`gap` compares with it). */
  readonly maxPosition: (string | undefined)[] = [];
  readonly firstTime: (LogTime | undefined)[] = [];
  readonly lastTime: (LogTime | undefined)[] = [];
  /** The time of the previous record ordered in the stream (`time-reversal` compares with it, as `out-of-order` does). */
  readonly previousTime: (LogTime | undefined)[] = [];

  /** Makes room for entry `i` (a new stream). */
  add(i: number): void {
    if (i >= this.events.length) {
      const grown = new Int32Array(this.events.length * 2);
      grown.set(this.events);
      this.events = grown;
      const held = new Uint8Array(grown.length);
      held.set(this.held);
      this.held = held;
    }
    this.firstPosition.push(undefined);
    this.lastPosition.push(undefined);
    this.previousPosition.push(undefined);
    this.maxPosition.push(undefined);
    this.firstTime.push(undefined);
    this.lastTime.push(undefined);
    this.previousTime.push(undefined);
  }
}
