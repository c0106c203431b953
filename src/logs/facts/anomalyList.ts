/**
 * The anomalies of one inspection, in file order: all counted, the first MAX_ANOMALIES kept,
 * and the blocking ones (malformed, unmapped, unknown-type, invalid-data) also kept apart — the
 * first MAX_ANOMALIES, so that the message that refuses a log can group them — for that message.
 * Pure.
 */
import { BLOCKING_ANOMALIES, type Anomaly, type AnomalyKind, type EventRecord } from '../types';

/** An event's positions and producer scope, as anomalies and violations carry them (types.ts). */
export interface RecordPositions {
  readonly streamPosition?: string;
  readonly globalPosition?: string;
  readonly source?: string;
}

/** The positions of `e` that it has (none: an empty object). */
export const positionsOf = (e: EventRecord): RecordPositions => ({
  ...(e.streamPosition !== undefined ? { streamPosition: e.streamPosition } : {}),
  ...(e.globalPosition !== undefined ? { globalPosition: e.globalPosition } : {}),
  ...(e.source !== undefined ? { source: e.source } : {}),
});

/** Problems listed when a log is refused (cli-and-reports.md: "up to 20"), each kind and message once. */
export const MAX_PROBLEMS = 20;
/** Anomalies kept in a report; beyond it only the count grows. */
export const MAX_ANOMALIES = 10_000;

/** Collects anomalies. */
export class AnomalyList {
  readonly kept: Anomaly[] = [];
  readonly problems: Anomaly[] = [];
  count = 0;
  problemCount = 0;
  /** Counts by kind (for the reason when nothing could be read). */
  readonly byKind = new Map<AnomalyKind, number>();
  /** Hears each anomaly as it is found (a live source's tail prints them). */
  onAdd: ((a: Anomaly) => void) | undefined;
  /** The event being read and its record number: an anomaly of that record gets its positions. */
  private event: EventRecord | undefined;
  private eventRecord = 0;

  /** The event read now (record `record`): anomalies added for that record carry its positions (set per event, no allocation). */
  reading(record: number, e: EventRecord): void {
    this.eventRecord = record;
    this.event = e;
  }

  /** Records one anomaly (with the positions of the event read now, when it is that event's). */
  add(a: Anomaly): void {
    if (this.event !== undefined && a.record === this.eventRecord) Object.assign(a, positionsOf(this.event));
    if (BLOCKING_ANOMALIES.has(a.kind)) {
      if (this.problems.length < MAX_ANOMALIES) this.problems.push(a);
      this.problemCount++;
    }
    if (this.kept.length < MAX_ANOMALIES) this.kept.push(a);
    this.count++;
    this.byKind.set(a.kind, (this.byKind.get(a.kind) ?? 0) + 1);
    this.onAdd?.(a);
  }

  /** Inserts an anomaly found at the end (one per file, like `no-zone`) at its place in file order. */
  insertInOrder(a: Anomaly): void {
    const at = placeOf(this.kept, a);
    if (at < MAX_ANOMALIES) this.kept.splice(at, 0, a);
    if (this.kept.length > MAX_ANOMALIES) this.kept.length = MAX_ANOMALIES;
    this.count++;
    this.byKind.set(a.kind, (this.byKind.get(a.kind) ?? 0) + 1);
    this.onAdd?.(a);
  }

  /** Removes kept anomalies that `drop` selects (they no longer hold), keeping the counts right. */
  retract(drop: (a: Anomaly) => boolean): void {
    const before = this.kept.length;
    const kept = this.kept.filter((a) => {
      if (!drop(a)) return true;
      this.byKind.set(a.kind, (this.byKind.get(a.kind) ?? 1) - 1);
      return false;
    });
    this.count -= before - kept.length;
    this.kept.length = 0;
    this.kept.push(...kept);
  }

  /**
   * The kept anomalies and their count as they would be after `retract(a => drop.has(a))` and
   * `insertInOrder(extra)`, changing nothing and telling no one (an interim report).
   */
  closed(drop: ReadonlySet<Anomaly>, extra: Anomaly | undefined): { readonly kept: Anomaly[]; readonly count: number } {
    const kept = drop.size > 0 ? this.kept.filter((a) => !drop.has(a)) : this.kept.slice();
    let count = this.count - (this.kept.length - kept.length);
    if (extra) {
      const at = placeOf(kept, extra);
      if (at < MAX_ANOMALIES) kept.splice(at, 0, extra);
      if (kept.length > MAX_ANOMALIES) kept.length = MAX_ANOMALIES;
      count++;
    }
    return { kept, count };
  }
}

/** Where an anomaly goes in a list in file order: after every one at or before its record. */
function placeOf(list: readonly Anomaly[], a: Anomaly): number {
  let lo = 0;
  let hi = list.length;
  const at = a.record ?? 0;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid].record ?? 0) <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
