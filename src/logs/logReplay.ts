/**
 * Replays recorded events through a domain's `evolve` into a state table (one aggregate per
 * stream), recording a violation each time an event makes a stream's aggregate break an
 * invariant it satisfied just before (logs.md, "Violations") and, when asked, the history in
 * the engine trace's structure (`HistoryStep[]`: aggregate after + the stream's previous step;
 * a log's `eventSeq` is the record's number in the file). O(1) work per event beyond the
 * domain's own.
 */
import type { AnyDomainModule, StateView } from '../../domain/kernel';
import { HistoryRecorder } from '../engine/state/historyRecorder';
import { InvariantWatch } from '../engine/state/invariantWatch';
import type { HistoryStep } from '../engine/types';
import { safeNumberOf } from './json/decimal';
import { keyHash, KeyTable } from './keyTable';
import type { LogViolation } from './types';

/** Where a replayed event is in the log. */
export interface ReplayPlace {
  readonly line: number;
  readonly record: number;
  /** The event's global position (decimal string), when the log has one. */
  readonly position?: string;
  /** Its position in the log's stream and its producer scope, when the log has them. */
  readonly streamPosition?: string;
  readonly source?: string;
  /** The event's id, when it has one. */
  readonly eventId?: string;
  /** Its time in ms since the epoch (for the history). */
  readonly t: number;
}

/** The state being rebuilt from a log, with its violations and optional history. */
export class LogReplay {
  /** The aggregate of every stream so far, in the order streams first appeared. */
  readonly state = new KeyTable<unknown>();
  readonly violations: LogViolation[] = [];
  readonly history: HistoryStep[] | undefined;
  /** A read-only view of the current state, for deciding commands against it. */
  readonly view: StateView<unknown> = { get: (stream) => this.state.get(stream) };
  private readonly watch: InvariantWatch;
  private readonly recorder: HistoryRecorder | undefined;
  /** Hears each violation as it is found (a live source's tail prints them). */
  onViolation: ((v: LogViolation) => void) | undefined;

  constructor(
    private readonly decider: AnyDomainModule,
    keepHistory = false,
  ) {
    this.watch = new InvariantWatch(decider);
    this.recorder = keepHistory ? new HistoryRecorder() : undefined;
    this.history = this.recorder?.steps;
  }

  /**
   * Sets `stream`'s state as an earlier read left it (a checkpoint's, ./carriedState), before any
   * event: the invariants it breaks already are watched, so they are not reported again; nothing is
   * recorded.
   */
  seed(stream: string, state: unknown): void {
    const hash = keyHash(stream);
    const index = this.state.find(stream, hash);
    if (index < 0) this.state.insert(stream, hash, state);
    else this.state.setValueAt(index, state);
    this.watch.check(stream, state);
  }

  /** The stream the domain files an event under. */
  streamOf(event: { readonly type: string; readonly data: unknown }): string {
    const id: unknown = this.decider.streamOf(event);
    return typeof id === 'string' ? id : String(id);
  }

  /**
   * Folds one event (the domain's `type` and `data`) into `stream` (the domain's stream of it),
   * checking the stream's invariants unless `check` is false; throws what `evolve` throws.
   * `'quiet'`: an event from before the read (loaded from the store to replay a stream's history
   * first) — the invariants are watched, so a stream already breaking one is not said to break it
   * again, but nothing is recorded: no violation, no history step.
   */
  apply(event: { readonly type: string; readonly data: unknown }, stream: string, place: ReplayPlace, check: boolean | 'quiet' = true): void {
    const hash = keyHash(stream);
    const index = this.state.find(stream, hash);
    const after = this.decider.evolve(index < 0 ? undefined : this.state.valueAt(index), event);
    // a stream is added only once its first event applied (an event the domain refuses leaves no trace)
    if (index < 0) this.state.insert(stream, hash, after);
    else this.state.setValueAt(index, after);
    if (check === 'quiet') {
      this.watch.check(stream, after);
      return;
    }
    const newly = check ? this.watch.check(stream, after) : undefined;
    if (newly) {
      const eventSeq = place.position !== undefined ? safeNumberOf(place.position) : undefined;
      for (const v of newly) {
        const violation: LogViolation = {
          invariant: v.invariant,
          stream,
          ...(place.position !== undefined ? { position: place.position } : {}),
          ...(eventSeq !== undefined ? { eventSeq } : {}),
          line: place.line,
          record: place.record,
          message: v.message,
          ...(place.streamPosition !== undefined ? { streamPosition: place.streamPosition } : {}),
          ...(place.position !== undefined ? { globalPosition: place.position } : {}),
          ...(place.source !== undefined ? { source: place.source } : {}),
          ...(place.eventId !== undefined ? { eventId: place.eventId } : {}),
        };
        this.violations.push(violation);
        this.onViolation?.(violation);
      }
    }
    this.recorder?.record(place.record, place.t, stream, after, newly?.map((v) => v.invariant));
  }
}
