/**
 * The heartbeat of a module's calls in shared memory, for the one-second watchdog: the thread
 * running the module marks each call's start and end (three integer stores and one compare, no
 * message), and the thread watching reads them; a call still running after a second is stopped
 * by the watcher (it terminates the worker). Calls are numbered from 1 in each worker, so a
 * deterministic task replayed in a fresh worker makes the same calls under the same numbers:
 * `stopAt` marks the one a replay must not make (the app names a stuck call so). Works with
 * worker threads and Web Workers alike. Pure.
 */

/** The longest a single call of a module's function may run (domain-modules.md). */
export const CALL_LIMIT_MS = 1000;

const SEQ = 0;
const ACTIVE = 1;
const MEMBER = 2;
const SLOTS = 3;

/** The watchdog's sentence: `m.ts: decide ran for more than 1 second while deciding c12 (Book) and was stopped` (`doing`: what the call was doing, when known). */
export const overranText = (module: string, member: string, doing?: string): string =>
  `${module}: ${member} ran for more than ${CALL_LIMIT_MS / 1000} second${doing ? ` while ${doing}` : ''} and was stopped`;

/** A new shared buffer for a {@link CallWatch}. */
export const newWatchBuffer = (): SharedArrayBuffer => new SharedArrayBuffer(SLOTS * Int32Array.BYTES_PER_ELEMENT);

/** The module side: marks calls. */
export class CallWatch {
  private readonly slots: Int32Array;
  private seq = 0;
  /** The number of the call not to make (0: none; calls are numbered from 1). */
  private stop = 0;

  constructor(buffer: SharedArrayBuffer) {
    this.slots = new Int32Array(buffer);
  }

  /** A call of member `code` starts; true when it is the call to stop at (see stopAt), which the caller must then not make. */
  enter(code: number): boolean {
    const s = this.slots;
    const seq = ++this.seq;
    s[SEQ] = seq;
    s[MEMBER] = code;
    s[ACTIVE] = 1;
    return seq === this.stop;
  }

  /** Marks call number `seq` (as the watcher read it in SEQ) as the one `enter` stops at. */
  stopAt(seq: number): void {
    this.stop = seq;
  }

  /** The call ended. */
  exit(): void {
    this.slots[ACTIVE] = 0;
  }
}

/** What the watcher sees: the call in progress (its number and member code), if any. */
export interface WatchReading {
  readonly seq: number;
  readonly active: boolean;
  readonly member: number;
}

/** Reads a watch buffer (the watcher side). */
export function readWatch(buffer: SharedArrayBuffer): WatchReading {
  const s = new Int32Array(buffer);
  return { seq: Atomics.load(s, SEQ), active: Atomics.load(s, ACTIVE) === 1, member: Atomics.load(s, MEMBER) };
}

/**
 * The watcher's judgement over successive readings: `tick` returns true once the same call has
 * been running for `limitMs` (readings taken at `now` ms, from any monotonic clock).
 */
export class StuckCall {
  private seq = -1;
  private since = 0;

  constructor(private readonly limitMs = CALL_LIMIT_MS) {}

  tick(reading: WatchReading, now: number): boolean {
    if (!reading.active) {
      this.seq = -1;
      return false;
    }
    if (reading.seq !== this.seq) {
      this.seq = reading.seq;
      this.since = now;
      return false;
    }
    return now - this.since >= this.limitMs;
  }
}
