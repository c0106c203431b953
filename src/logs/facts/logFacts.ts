/**
 * The facts every inspection reports, with or without a domain (logs.md, "Facts every
 * inspection reports"): type counts, sources, tombstones, system and other records, streams
 * with their positions and times, the time range, causation, inferred payload schemas, and the
 * anomalies of identity and order — `duplicate-id` per (source, id) with `identical` for a
 * redelivery, `out-of-order` per stream on stream positions and per source on global
 * positions, `gap` only where positions are dense, `time-reversal` per stream at full
 * precision, one `no-zone` per file. Fed record by record; memory grows with distinct streams,
 * sources and ids, never with the file's size otherwise. Pure.
 *
 * A position "goes backwards" (logs.md, `out-of-order`) when it is at or before the position of
 * the previous record of its stream (stream positions) or source (global positions), not the
 * highest one so far, so that one misplaced record gives one anomaly: in 1,2,3,900000,4,5 only 4
 * (against the highest, every later record would be one: a million for one far jump); in
 * 1,2,4,3,5 only 3; in 1,2,3,1,2,3,4 under new ids once, where the positions restart (under the
 * same ids the second 1,2,3 are `duplicate-id`s, which take no part in ordering). A `gap`
 * compares with the highest position so far, so a position filled in late opens none: dense
 * 1,2,4,3,5 has one gap (3, at 4) and the `out-of-order` at 3, and 5 is in order. Times
 * likewise: a `time-reversal` is a time before the previous record's time in its stream.
 *
 * A `duplicate-id` is not replayed and is never the "previous record" of `out-of-order` or
 * `time-reversal` — the same record again (a redelivery) is not counted a second time either —
 * but its position is in the log, so the gap check counts it as present: in
 * dense 1,2,3 followed by a reused id at 4 and then 5, nothing is missing (only the
 * `duplicate-id`); a duplicate that jumps ahead (1,2, a reused id at 5) reports the positions
 * it skips (3..4), at its own line, as any record would.
 */
import { isDecimal, normalizeDecimal, successor } from '../json/decimal';
import { compareTimes, formatUtc, type LogTime } from '../json/logTime';
import { comparePositions } from '../profiles/fieldReader';
import type { Anomaly, CausationFacts, EventRecord, InferredSchema, RecordPlace, StreamFacts } from '../types';
import { keyHash, KeyTable } from '../keyTable';
import { positionsOf, type AnomalyList, type RecordPositions } from './anomalyList';
import { CausationDepths } from './causationDepths';
import { hash53 } from './hash';
import { missing, orderAnomaly, q, type PositionRules } from './positions';
import { SchemaInference } from './schemaInference';
import { SourceOrder } from './sourceOrder';
import { onPlace, type PlacedEntry } from '../placeWord';
import type { StreamOrder } from '../carriedState';
import { HELD_ARCHIVED, HELD_OTHER, StreamColumns } from './streamColumns';

export type { PositionRules };

/** What `count` answers for a tombstone. */
const TOMBSTONE = -2;

/** Entries listed in `streams` and `sources`. */
export const MAX_LISTED = 1000;

/** What tells a record's content apart (for `identical`): the profile's content, else the text's hash53, made once. */
const fingerprintOf = (e: EventRecord, text: string, textFingerprint: number | undefined): number => (e.content === undefined && textFingerprint !== undefined ? textFingerprint : hash53(e.content ?? text));

/** Accumulates the facts of one log. */
export class LogFacts {
  events = 0;
  tombstones = 0;
  systemEvents = 0;
  /** A store's records beside its events that are not archived (an Emmett command row). */
  otherRecords = 0;
  /** Archived rows (Marten's, Emmett's `is_archived`): counted apart, in none of the counts above. */
  archivedRecords = 0;
  /** Records that repeat one read before, content and all (identical `duplicate-id`s: redeliveries), counted once: in none of the counts above. */
  redeliveries = 0;
  private readonly types = new Map<string, { n: number }>();
  private readonly schemas = new Map<string, SchemaInference>();
  private readonly streams = new KeyTable<undefined>();
  private readonly columns = new StreamColumns();
  private readonly sources: SourceOrder;
  /**
   * Every record id and address, for identity and causation at once: the value is the content
   * hash of the record that has this id with no scope (NaN when only named as a command, an
   * address or a scoped record's id); the causation depths are in `depths`, by the same entries.
   */
  private readonly ids: KeyTable<number>;
  private readonly depths: CausationDepths;
  /** Content hash per scoped identity (`scope \0 id`). */
  private readonly scoped = new KeyTable<number>();
  /** Causation ids not known when first named (checked again at the end). */
  private readonly unresolved = new Set<string>();
  private readonly correlations = new KeyTable<undefined>();
  private roots = 0;
  private first: LogTime | undefined;
  private last: LogTime | undefined;
  private noZone: { line: number; record: number; count: number; positions: RecordPositions } | undefined;
  /** Each stream's order an earlier read left (carryOrder), seeded into a stream when first met. */
  private carriedOrder: Map<string, StreamOrder> | undefined;

  /** `expectedRecords`: about how many records the log has, when known (tables are sized for them at once instead of growing). */
  constructor(
    private readonly anomalies: AnomalyList,
    private readonly rules: PositionRules,
    expectedRecords = 1024,
  ) {
    this.sources = new SourceOrder(anomalies, rules);
    this.ids = new KeyTable<number>(expectedRecords);
    this.depths = new CausationDepths(expectedRecords);
  }

  /**
   * Takes one event-like record (its text, or that text's hash53 when already made, for
   * `identical`); false when it is not to be
   * replayed: a tombstone, or a record repeating an identity already read (a `duplicate-id`:
   * counted as read, neither ordered nor replayed again, its positions present for `gap`).
   */
  event(e: EventRecord, stream: string | undefined, at: RecordPlace, text: string, textFingerprint?: number): boolean {
    let idEntry = -1;
    if (e.id === undefined && e.globalPosition !== undefined && e.kind !== 'tombstone') {
      // no id: a record's position within its source is its identity (a Kafka offset read twice is a redelivery)
      if (this.positionSeen(e, stream, at, text, textFingerprint)) return false;
    } else if (e.id !== undefined) {
      const scope = e.idScope ?? e.source;
      const fingerprint = fingerprintOf(e, text, textFingerprint);
      let earlier = Number.NaN;
      if (scope === undefined) {
        idEntry = this.ids.findOrInsert(e.id, fingerprint);
        if (idEntry >= 0) {
          earlier = this.ids.valueAt(idEntry);
          if (Number.isNaN(earlier)) this.ids.setValueAt(idEntry, fingerprint);
        } else idEntry = this.added(~idEntry);
      } else {
        const entry = this.scoped.findOrInsert(`${scope}\u0000${e.id}`, fingerprint);
        if (entry >= 0) earlier = this.scoped.valueAt(entry);
      }
      if (!Number.isNaN(earlier)) {
        this.duplicate(e, stream, at, `event id ${q(e.id)}`, earlier === fingerprint, e.streamPosition ?? e.globalPosition);
        return false;
      }
    }
    const streamIndex = this.count(e, stream);
    if (streamIndex === TOMBSTONE) {
      // a tombstone is no event, but it has its place in its source's order
      if (e.globalPosition !== undefined) this.sources.check(e, e.globalPosition, at);
      return false;
    }
    if (e.kind !== 'system') this.order(e, stream, streamIndex, at);
    this.causation(idEntry, e.id, e.address, e.causationId, e.correlationId, e.kind === 'event' && !e.archived);
    return true;
  }

  /** Whether a record without an id repeats the position of an earlier one in its source (then reported as a `duplicate-id`). */
  private positionSeen(e: EventRecord, stream: string | undefined, at: RecordPlace, text: string, textFingerprint: number | undefined): boolean {
    const position = e.globalPosition!;
    const fingerprint = fingerprintOf(e, text, textFingerprint);
    const entry = this.scoped.findOrInsert(`${e.source ?? ''}\u0001${isDecimal(position) ? normalizeDecimal(position) : position}`, fingerprint);
    if (entry < 0) return false;
    this.duplicate(e, stream, at, `${this.rules.globalName} ${position}`, this.scoped.valueAt(entry) === fingerprint, position);
    return true;
  }

  /**
   * A record repeating an identity already read (`what`: `event id "e1"`, `offset 1`): its
   * `duplicate-id`. The same record again (a redelivery) is counted once, as the record it repeats
   * (not in `events`, types, sources or its stream's counts); different content under a reused id
   * is counted as read.
   */
  private duplicate(e: EventRecord, stream: string | undefined, at: RecordPlace, what: string, identical: boolean, position: string | undefined): void {
    this.anomalies.add({
      kind: 'duplicate-id',
      line: at.line,
      record: at.record,
      message: `${what}${e.source !== undefined ? ` of source ${q(e.source)}` : ''} appeared before${identical ? ' (the same record again: a redelivery)' : ' with different content'}; not replayed again`,
      identical,
      ...(stream !== undefined ? { stream } : {}),
      ...(position !== undefined ? { position } : {}),
    });
    if (identical) this.redeliveries++;
    const i = identical ? (stream === undefined || e.kind === 'system' ? -1 : this.streams.find(stream, keyHash(stream))) : this.count(e, stream);
    if (e.kind !== 'system') this.present(e, stream, i, at);
  }

  /**
   * A record that is not ordered (a `duplicate-id`): its positions still count as present for
   * `gap` (they are in the log), without `out-of-order` and without becoming the previous record
   * of its stream or source.
   */
  private present(e: EventRecord, stream: string | undefined, i: number, at: RecordPlace): void {
    if (e.globalPosition !== undefined) this.sources.check(e, e.globalPosition, at, false);
    const p = e.streamPosition;
    if (p !== undefined && stream !== undefined && i >= 0) this.streamGap(stream, i, p, at);
  }

  /** Counts a record by kind, type, source and stream; its stream's entry (-1: none), or TOMBSTONE. */
  private count(e: EventRecord, stream: string | undefined): number {
    switch (e.kind) {
      case 'tombstone':
        this.tombstones++;
        return TOMBSTONE;
      case 'system':
        this.systemEvents++;
        break;
      case 'other':
        // another message in the store (an Emmett command row): counted apart, still ordered in its stream
        this.otherRecords++;
        break;
      default:
        if (e.archived) this.archivedRecords++;
        else {
          this.events++;
          const count = this.types.get(e.type);
          if (count) count.n++;
          else this.types.set(e.type, { n: 1 });
          let schema = this.schemas.get(e.type);
          if (!schema) this.schemas.set(e.type, (schema = new SchemaInference()));
          schema.add(e.data);
        }
    }
    // system events are the store's own: counted apart, in no user stream or source
    if (e.kind === 'system') return -1;
    // records counted apart (an Emmett command row, an archived event) keep their place in their stream's order, nothing more
    const apart = e.kind === 'other' || e.archived === true;
    if (e.source !== undefined && !apart) this.sources.count(e.source);
    if (stream !== undefined) {
      let i = this.streams.findOrInsert(stream, undefined);
      const c = this.columns;
      if (i < 0) {
        c.add((i = ~i));
        if (this.carriedOrder) this.seedOrder(stream, i);
      }
      if (apart) {
        c.held[i] |= e.kind === 'other' ? HELD_OTHER : HELD_ARCHIVED;
        return i;
      }
      c.events[i]++;
      const position = e.streamPosition ?? e.globalPosition;
      if (position !== undefined) {
        c.firstPosition[i] ??= position;
        c.lastPosition[i] = position;
      }
      if (e.time) {
        c.firstTime[i] ??= e.time;
        c.lastTime[i] = e.time;
      }
      return i;
    }
    return -1;
  }

  /**
   * Starts each stream's order checks where an earlier read of the same source left them
   * (../carriedState, a checkpoint's `order`): out-of-order, gap and time-reversal go on across
   * reads. A stream is seeded when first met; one not met keeps its entry for the next checkpoint.
   */
  carryOrder(order: readonly (readonly [string, StreamOrder])[]): void {
    this.carriedOrder = new Map(order);
  }

  private seedOrder(stream: string, i: number): void {
    const o = this.carriedOrder!.get(stream);
    if (!o) return;
    const c = this.columns;
    c.previousPosition[i] = o.position;
    c.maxPosition[i] = o.highest;
    c.previousTime[i] = o.time;
  }

  /** Each stream's order at the end of the read, those carried and not met included (the next checkpoint's `order`); streams with none left out. */
  *streamOrder(): Generator<readonly [string, StreamOrder]> {
    const c = this.columns;
    for (let i = 0; i < this.streams.size; i++) {
      const o = { ...(c.previousPosition[i] !== undefined ? { position: c.previousPosition[i] } : {}), ...(c.maxPosition[i] !== undefined ? { highest: c.maxPosition[i] } : {}), ...(c.previousTime[i] !== undefined ? { time: c.previousTime[i] } : {}) };
      if (Object.keys(o).length > 0) yield [this.streams.keyAt(i), o];
    }
    if (!this.carriedOrder) return;
    for (const [stream, o] of this.carriedOrder) if (!this.streams.has(stream)) yield [stream, o];
  }

  /** A command record of the log: its id can be a cause. */
  command(id: string): void {
    this.causation(-1, id, undefined, undefined, undefined, false);
  }

  /** Makes room for the depth of a new id entry; returns it. */
  private added(entry: number): number {
    return this.depths.room(entry);
  }

  /** The entry of an id named as a cause target (a command, an address, a scoped record's id), added when new. */
  private entryOf(id: string): number {
    const entry = this.ids.findOrInsert(id, Number.NaN);
    return entry >= 0 ? entry : this.added(~entry);
  }

  private order(e: EventRecord, stream: string | undefined, i: number, at: RecordPlace): void {
    if (e.time) {
      if (!e.time.zoned && !this.rules.utcWithoutZone) {
        if (this.noZone) this.noZone.count++;
        else this.noZone = { line: at.line, record: at.record, count: 1, positions: positionsOf(e) };
      }
      if (e.kind === 'event' && !e.archived) {
        if (!this.first || compareTimes(e.time, this.first) < 0) this.first = e.time;
        if (!this.last || compareTimes(e.time, this.last) > 0) this.last = e.time;
      }
    }
    if (e.globalPosition !== undefined) this.sources.check(e, e.globalPosition, at);
    if (stream === undefined || i < 0) return;
    const c = this.columns;
    const p = e.streamPosition;
    if (p !== undefined) {
      const previous = c.previousPosition[i];
      const order = previous === undefined ? 1 : comparePositions(p, previous);
      if (order <= 0) orderAnomaly(this.anomalies, 'out-of-order', at, order === 0 ? `position ${p} again in stream ${q(stream)}` : `position ${p} after position ${previous} in stream ${q(stream)}`, stream, p);
      else this.streamGap(stream, i, p, at);
      c.previousPosition[i] = p;
    }
    const t = e.time;
    if (t) {
      const previous = c.previousTime[i];
      if (previous && compareTimes(t, previous) < 0) orderAnomaly(this.anomalies, 'time-reversal', at, `time ${formatUtc(t)} after ${formatUtc(previous)} in stream ${q(stream)}`, stream, e.streamPosition ?? e.globalPosition);
      c.previousTime[i] = t;
    }
  }

  /** Stream position `p` of stream entry `i` against the highest so far: a `gap` where positions are dense and numbers are skipped. */
  private streamGap(stream: string, i: number, p: string, at: RecordPlace): void {
    const c = this.columns;
    const max = c.maxPosition[i];
    if (max !== undefined && comparePositions(p, max) <= 0) return;
    if (max !== undefined && this.rules.denseStream && isDecimal(p) && isDecimal(max)) {
      const expected = successor(normalizeDecimal(max));
      if (normalizeDecimal(p) !== expected) orderAnomaly(this.anomalies, 'gap', at, missing('position', expected, normalizeDecimal(p), ` in stream ${q(stream)}`), stream, p);
    }
    c.maxPosition[i] = p;
  }

  /** Causation of a record whose id has entry `idEntry` (-1: look it up by `id`); only `event`s (not commands or records counted apart) count as roots. */
  private causation(idEntry: number, id: string | undefined, address: string | undefined, causationId: string | undefined, correlationId: string | undefined, event: boolean): void {
    let cause = -1;
    let late: string | undefined;
    if (causationId === undefined) {
      if (event) this.roots++;
    } else {
      cause = this.ids.find(causationId, keyHash(causationId));
      if (cause < 0) {
        this.unresolved.add(causationId);
        late = causationId;
      }
    }
    if (idEntry < 0 && id !== undefined) idEntry = this.entryOf(id);
    this.depths.record(idEntry, address === undefined ? -1 : this.entryOf(address), cause, late);
    if (correlationId !== undefined) this.correlations.findOrInsert(correlationId, undefined);
  }

  /** Ends the log: the one-per-file anomalies, and retractions where a source's positions were not all decimal. `place`: see {@link closing}. */
  finish(place?: (e: PlacedEntry) => string): void {
    const { drop, noZone } = this.closing(place);
    if (drop.size > 0) this.anomalies.retract((a) => drop.has(a));
    if (noZone) this.anomalies.insertInOrder(noZone);
  }

  /**
   * What ending the log now would change, changing nothing (an interim report reads it): the
   * gaps found in sources whose positions turned out not to be all decimal (they no longer hold),
   * and the one `no-zone` anomaly of the file, its first record named by `place` (../placeWord's
   * placer: `line 1`, a live source's `offset 0 of orders-1`).
   */
  closing(place: (e: PlacedEntry) => string = (e) => `line ${e.line}`): { readonly drop: ReadonlySet<Anomaly>; readonly noZone?: Anomaly } {
    const drop = new Set<Anomaly>();
    this.sources.droppedGaps(drop);
    const z = this.noZone;
    if (!z) return { drop };
    const where = place({ line: z.line, ...z.positions });
    const first = `${z.count === 1 ? '' : 'first '}${onPlace(where)}`;
    const message = `${z.count === 1 ? 'a time' : `${z.count.toLocaleString('en')} times`} without a zone offset, ${first}: read as UTC`;
    return { drop, noZone: { kind: 'no-zone', line: z.line, record: z.record, count: z.count, message, ...z.positions } };
  }

  /** The streams with the most events (ties in order of appearance), at most MAX_LISTED. */
  private listedStreams(): StreamFacts[] {
    const c = this.columns;
    const order = Array.from({ length: this.streams.size }, (_, i) => i).sort((a, b) => c.events[b] - c.events[a] || a - b);
    return order.slice(0, MAX_LISTED).map((i) => ({
      stream: this.streams.keyAt(i),
      events: c.events[i],
      ...(c.firstPosition[i] !== undefined ? { firstPosition: c.firstPosition[i], lastPosition: c.lastPosition[i] } : {}),
      ...(c.firstTime[i] ? { firstTime: formatUtc(c.firstTime[i]!), lastTime: formatUtc(c.lastTime[i]!) } : {}),
    }));
  }

  /**
   * The streams whose records are all counted apart (no event: listed with 0 events), and of
   * those the ones holding archived records only; over every stream, listed or not.
   */
  private streamsWithoutEvents(): { streamsWithoutEvents?: number; streamsArchivedOnly?: number } {
    const c = this.columns;
    let without = 0;
    let archivedOnly = 0;
    for (let i = 0; i < this.streams.size; i++) {
      if (c.events[i] > 0 || c.held[i] === 0) continue;
      without++;
      if (c.held[i] === HELD_ARCHIVED) archivedOnly++;
    }
    return { ...(without > 0 ? { streamsWithoutEvents: without } : {}), ...(archivedOnly > 0 ? { streamsArchivedOnly: archivedOnly } : {}) };
  }

  /** Events by type. */
  typeCounts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [t, c] of this.types) Object.defineProperty(out, t, { value: c.n, enumerable: true, writable: true, configurable: true });
    return out;
  }

  /** The facts for the report. */
  facts(): {
    sources: { source: string; events: number }[];
    streamCount: number;
    streamsWithoutEvents?: number;
    streamsArchivedOnly?: number;
    streams: StreamFacts[];
    timeRange: { first: string; last: string } | null;
    causation: CausationFacts;
    schemas: Record<string, InferredSchema>;
  } {
    let orphans = 0;
    for (const c of this.unresolved) if (!this.ids.has(c)) orphans++;
    const schemas: Record<string, InferredSchema> = {};
    for (const [t, s] of this.schemas) Object.defineProperty(schemas, t, { value: s.schema(), enumerable: true, writable: true, configurable: true });
    return {
      sources: mostFirst(this.sources.counts()).map(([source, s]) => ({ source, events: s.events })),
      streamCount: this.streams.size,
      ...this.streamsWithoutEvents(),
      streams: this.listedStreams(),
      timeRange: this.first && this.last ? { first: formatUtc(this.first), last: formatUtc(this.last) } : null,
      causation: { roots: this.roots, orphans, maxDepth: this.depths.maxDepth((id) => this.ids.find(id, keyHash(id))), correlations: this.correlations.size },
      schemas,
    };
  }
}

/** The first MAX_LISTED entries with the most events (ties in order of appearance). */
function mostFirst<T extends { events: number }>(entries: [string, T][]): [string, T][] {
  return entries
    .map((e, i) => [e, i] as const)
    .sort((a, b) => b[0][1].events - a[0][1].events || a[1] - b[1])
    .slice(0, MAX_LISTED)
    .map(([e]) => e);
}
