/**
 * Stale decisions in a recorded log (extends logs.md, additively; the run report's
 * `staleDecisions` metric brought to logs). A `purestream/events@1` log places each command
 * record where its decision read the state (./exportRun), and each event names its command
 * by `causationId`. A command is **stale** when, between its own record (its read point) and
 * the first event it caused, an event not caused by its decision — caused by another command,
 * by something else, or by nothing — was recorded on a stream that one of its own events is
 * on: it decided on a state that changed before its events were recorded (the overbooking of
 * a pool of workers, which drift does not show: decided again at its place, the command is
 * fine). The items of a batch are one decision (decided together against one state): their
 * events do not make each other stale.
 *
 * Each stale command is reported once, with the first such stream met and the event that came
 * in between. Commands are read in file order; a command without events (rejected, or
 * accepting with none) is never stale; events read before their command's record are another's. Pure;
 * O(1) per event (a lookup of its command and of its stream's last writers).
 *
 * Limit: each own event is checked against its stream's latest event by another decision
 * when it is read; a command whose events are not consecutive in the log (a decision appends
 * its events together, so exported logs have them so) may miss a change inside its window
 * that a third decision's event on the same stream hid before the command's own event came.
 */
import type { CommandRecord, Positioned, RecordPlace, StaleDecision, StaleDecisions } from './types';

/** Where a record is: its line and number in the read, and its global position and producer scope where the log has them. */
type Place = RecordPlace & Positioned;

/** How many stale decisions a report lists (the count counts them all). */
export const MAX_STALE_LISTED = 100;

interface Command {
  readonly place: Place;
  readonly record: number;
  /** The decision it is part of: its own id, or its root batch's. */
  readonly decision: string;
  /** The record number of its first event (0: none yet). */
  first: number;
  stale: boolean;
}

/** The last event recorded on a stream, and the last one by another decision than that one's. */
interface StreamWrites {
  record: number;
  place: RecordPlace;
  /** The event's global position and producer scope (the event record itself: nothing is copied per event). */
  at: Positioned;
  decision: string | undefined;
  cause: string | undefined;
  otherRecord: number;
  otherPlace: RecordPlace | undefined;
  otherAt: Positioned | undefined;
  otherCause: string | undefined;
}

/** A place's global position and producer scope, those it has. */
const positioned = (p: Positioned): Positioned => ({ ...(p.globalPosition !== undefined ? { globalPosition: p.globalPosition } : {}), ...(p.source !== undefined ? { source: p.source } : {}) });

/** The decision of a command (a batch's items share their root batch's); `\u0000` keeps batch ids apart from command ids. */
const decisionOf = (c: CommandRecord): string => (c.batch && c.batch.length > 0 ? `\u0000${c.batch[0].id}` : c.id);

/** Finds stale decisions as a log is read: fed its (counted, first-seen) commands and its events in file order. */
export class StaleWatch {
  private readonly commands = new Map<string, Command>();
  private readonly streams = new Map<string, StreamWrites>();
  private readonly listed: StaleDecision[] = [];
  private count = 0;

  /** A command record at `place`: its read point. */
  command(c: CommandRecord, place: Place): void {
    this.commands.set(c.id, { place, record: place.record, decision: decisionOf(c), first: 0, stale: false });
  }

  /**
   * An event at `place` on `stream` (the domain's stream with a domain, else the log's), caused by
   * `causationId`; `at` holds its global position and producer scope (the event record, kept by
   * reference; by default the place's own).
   */
  event(causationId: string | undefined, stream: string, place: Place, at: Positioned = place): void {
    const own = causationId === undefined ? undefined : this.commands.get(causationId);
    const decision = own?.decision;
    let writes = this.streams.get(stream);
    if (own !== undefined) {
      if (own.first === 0) own.first = place.record;
      if (!own.stale && writes !== undefined) {
        // the stream's latest event by another decision, read before this one
        const byLast = writes.decision !== decision;
        const record = byLast ? writes.record : writes.otherRecord;
        if (record > own.record && record < own.first) {
          own.stale = true;
          this.count++;
          if (this.listed.length < MAX_STALE_LISTED) {
            const cause = byLast ? writes.cause : writes.otherCause;
            // (record > own.record: an event was there, so its place is known)
            const changed = (byLast ? writes.place : writes.otherPlace)!;
            const changedAt = (byLast ? writes.at : writes.otherAt)!;
            this.listed.push({
              commandId: causationId!,
              stream,
              line: own.place.line,
              record: own.record,
              ...positioned(own.place),
              changedAt: { line: changed.line, record, ...positioned(changedAt), ...(cause !== undefined ? { causationId: cause } : {}) },
            });
          }
        }
      }
    }
    if (writes === undefined) {
      writes = { record: place.record, place, at, decision, cause: causationId, otherRecord: 0, otherPlace: undefined, otherAt: undefined, otherCause: undefined };
      this.streams.set(stream, writes);
      return;
    }
    if (writes.decision !== decision) {
      writes.otherRecord = writes.record;
      writes.otherPlace = writes.place;
      writes.otherAt = writes.at;
      writes.otherCause = writes.cause;
    }
    writes.record = place.record;
    writes.place = place;
    writes.at = at;
    writes.decision = decision;
    writes.cause = causationId;
  }

  /** How many stale decisions were found so far (a live read's running count). */
  get found(): number {
    return this.count;
  }

  /** The stale decisions so far: the count and the first ones (a copy, unless `final`: then the list itself). */
  report(final: boolean): StaleDecisions {
    return { count: this.count, first: final ? this.listed : [...this.listed] };
  }
}
