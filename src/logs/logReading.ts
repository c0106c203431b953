/**
 * The reading of a log's records once its profile is chosen (./logInspector holds the first
 * records until it is): each record read as a header, a command, a rejection or an event
 * (./recordReading), renamed by the map, counted into the facts every log has (./facts), watched
 * for stale decisions (./staleDecisions), and — with a domain — read as the domain's event,
 * replayed and its commands decided again (./domainCheck); and a store's records from before the
 * read, replayed into the state only. What it read is what the report is made of
 * (./inspectionResult's InspectionState). Pure.
 */
import type { DomainCheck, DomainEvent } from './domainCheck';
import type { AnomalyList } from './facts/anomalyList';
import { LogFacts } from './facts/logFacts';
import { MAX_RECORD_DEPTH, tooDeep } from './json/recordDepth';
import type { NamedDomain } from './headerDomainNote';
import { domainOfSource } from './cloudEventWriter';
import { StaleWatch } from './staleDecisions';
import type { InspectorOptions } from './inspectorTypes';
import { parsedRecordText, readRecordObject } from './recordReading';
import { expectedRecords, firstStreamPosition, positionRules } from './profileChoice';
import { closerProfile, FieldReader, type JsonObject, type LogMap, type ReadProblem } from './profiles';
import { show } from './profiles/fieldReader';
import type { Anomaly, AnomalyKind, CommandRecord, EventRecord } from './types';
import type { PlacedEntry } from './placeWord';
import { DETECTION_SAMPLE } from './profiles';

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const isProblem = (r: unknown): r is ReadProblem => (r as ReadProblem)?.kind === 'anomaly';

/** A record's place: its line in the file (a source's number in the read) and its number among the records. */
type Place = { readonly line: number; readonly record: number };

/** Reads a log's records under its chosen profile (see the file's doc). */
export class LogReading {
  readonly facts: LogFacts;
  private readonly commandIds = new Set<string>();
  commands = 0;
  rejections = 0;
  private lastMs = 0;
  /** Events the domain files under another stream than the log names (its streamOf), and the first of them. */
  restreamed = 0;
  /** Events the domain read as its own (a stream of its): what `restreamed` counts among. */
  domainEvents = 0;
  firstRestreamed: (PlacedEntry & { readonly log: string; readonly domain: string }) | undefined;
  /** The domain the log names (its header's, else its CloudEvents source's: the first that names one), said in a note when another is chosen, offered when none is. */
  named: NamedDomain | undefined;
  /** Stale decisions, watched from the first command record on (a log without commands costs one check per event). */
  stale: StaleWatch | undefined;
  /** With a profile asked for: the first records it read no event from, to say what they look like when it reads none (otherProfile). */
  readonly unreadSamples: JsonObject[] | undefined;
  /** Reading with a source reader's own profile until a record with content says whether another reads its records more closely (closerProfile). */
  private mayRefine: boolean;
  /** Told when the profile changed for a closer one (the inspector's quick reading follows it). */
  onRefined: (() => void) | undefined;

  constructor(
    public reader: FieldReader,
    private readonly anomalies: AnomalyList,
    private readonly domain: DomainCheck | undefined,
    private readonly map: LogMap,
    private readonly options: InspectorOptions,
    /** Whether a blocking problem means the log will be refused (the inspection's `refused`). */
    private readonly refused: () => boolean,
  ) {
    // a stream's first revision is the store's contract only where the profile reads the revision
    // (or where the map says its revisions are dense from a first one)
    domain?.useFirstPosition(firstStreamPosition(reader.profile, map));
    const rules = positionRules(reader.profile);
    this.facts = new LogFacts(anomalies, map.dense ? { ...rules, denseStream: true } : rules, expectedRecords(options.sizeHint));
    // a read resumed from a checkpoint: each stream's order checks go on from where the earlier read left them
    if (options.carried?.order) this.facts.carryOrder(options.carried.order);
    this.unreadSamples = options.profile && !options.profileOfReader ? [] : undefined;
    this.mayRefine = options.profileOfReader === true && options.profile !== undefined;
  }

  /** Reads on with the profile that reads the source's records more closely, once a record says which (the facts so far are kept). */
  private refineProfile(record: JsonObject): void {
    const closer = closerProfile(this.reader.profile, record);
    if (closer === null) return;
    this.mayRefine = false;
    if (closer === undefined) return;
    this.reader = new FieldReader(closer, this.map.fields);
    this.domain?.useFirstPosition(firstStreamPosition(closer, this.map));
    this.onRefined?.();
  }

  /** A record that could not be read: the anomaly, and the record handed on as such. */
  unread(place: Place, text: string, kind: AnomalyKind, message: string): void {
    this.anomaly(kind, place, message);
    this.options.onRecord?.({ ...place, text, problem: { kind, message }, counted: false });
  }

  /** Reads one record: its text, its place, its parsed value or why it is not JSON. */
  read(text: string, line: number, record: number, value: unknown, error: string | undefined): void {
    const place = { line, record };
    if (error !== undefined) return this.unread(place, text, 'malformed', `not JSON: ${error}`);
    if (tooDeep(text)) return this.unread(place, text, 'malformed', `the record nests more than ${MAX_RECORD_DEPTH} levels deep`);
    // a record of nothing but null: a deletion marker (kafka-console-consumer prints a tombstone so)
    if (value === null) {
      const tombstone: EventRecord = { kind: 'tombstone', type: '', data: null };
      this.facts.event(tombstone, undefined, place, text);
      return this.options.onRecord?.({ ...place, text, read: tombstone, counted: false });
    }
    if (!isObject(value)) return this.unread(place, text, 'malformed', `expected a JSON object, got ${show(value)}`);
    if (this.mayRefine) this.refineProfile(value);
    const { read, value: obj } = readRecordObject(this.reader, value, text);
    if (isProblem(read)) {
      if (this.unreadSamples && this.unreadSamples.length < DETECTION_SAMPLE) this.unreadSamples.push(value);
      return this.unread(place, text, read.anomaly, read.message);
    }
    switch (read.kind) {
      case 'header':
        // another domain chosen (another version of the rules, say): replayed with it, and said in a note (see result)
        if (read.domain !== undefined) this.named ??= { domain: read.domain, by: 'header' };
        if (read.authorize !== undefined) this.domain?.drift.setAuthorize(read.authorize);
        return this.options.onRecord?.({ ...place, text, read, counted: true });
      case 'command':
        return this.command(read, place, text);
      case 'rejection':
        this.rejections++;
        if (this.domain && !this.refused()) {
          this.domain.drift.flush(this.domain.replay.view);
          this.domain.drift.rejection(read.commandId, read.code);
        }
        return this.options.onRecord?.({ ...place, text, read, counted: true });
      default:
        return this.event(read, place, text, obj);
    }
  }

  /** Reads one event record (read here, or scanned by the profile: then without its parsed value, with its text's `fingerprint` when scanned on another thread). */
  event(read: EventRecord, place: Place, text: string, value: JsonObject | undefined, fingerprint?: number): void {
    // CloudEvents a purestream export wrote name their domain in `source` (until one has)
    if (this.named === undefined && read.source !== undefined && this.reader.profile.name === 'cloudevents') {
      const domain = domainOfSource(read.source);
      if (domain !== undefined) this.named = { domain, by: 'source', source: read.source };
    }
    const renamed = this.map.types.get(read.type);
    const e: EventRecord = renamed !== undefined ? { ...read, type: renamed } : read;
    this.anomalies.reading(place.record, e);
    const domain = this.domain && e.kind === 'event' && !e.archived ? this.domain.read(e, value, value === undefined ? undefined : this.reader.lastPrepared) : undefined;
    const domainStream = domain && !isProblem(domain) ? domain.stream : undefined;
    const counted = this.facts.event(e, e.stream ?? domainStream, place, text, fingerprint);
    // (a redelivery is not counted among the events again, nor here)
    if (counted && domainStream !== undefined) this.domainEvents++;
    if (counted && domainStream !== undefined && e.stream !== undefined && e.stream !== domainStream && this.restreamed++ === 0) this.firstRestreamed = { line: place.line, ...(e.globalPosition !== undefined ? { globalPosition: e.globalPosition } : {}), ...(e.source !== undefined ? { source: e.source } : {}), log: e.stream, domain: domainStream };
    if (this.options.onRecord) this.options.onRecord({ ...place, text, read: e, counted, ...(domainStream !== undefined ? { domainStream } : {}) });
    if (this.stale !== undefined && counted && e.kind === 'event' && !e.archived) {
      // the streams the replay uses: the domain's with a domain (an event it cannot read is in none), else the log's
      const stream = this.domain ? domainStream : e.stream;
      if (stream !== undefined) this.stale.event(e.causationId, stream, place, e);
    }
    if (e.time) this.lastMs = e.time.ms;
    if (!counted || domain === undefined) return;
    if (isProblem(domain)) return this.anomaly(domain.anomaly, place, domain.message, e);
    if (this.refused()) return;
    const failed = this.domain!.apply(domain, e.causationId, { ...place, position: e.globalPosition, streamPosition: e.streamPosition, source: e.source, eventId: e.id, t: e.time?.ms ?? this.lastMs }, e.stream, e.streamPosition);
    if (failed) this.anomaly(failed.anomaly, place, failed.message, e);
  }

  private command(c: CommandRecord, place: Place, text: string): void {
    if (this.commandIds.has(c.id)) {
      this.options.onRecord?.({ ...place, text, read: c, counted: false });
      return this.anomaly('duplicate-id', place, `command id ${JSON.stringify(c.id)} appeared before; not decided again`);
    }
    this.commandIds.add(c.id);
    this.commands++;
    this.facts.command(c.id);
    (this.stale ??= new StaleWatch()).command(c, place);
    this.options.onRecord?.({ ...place, text, read: c, counted: true });
    if (!this.domain || this.refused()) return;
    const failed = this.domain.command(c, place);
    if (failed) this.anomaly(failed.anomaly, place, failed.message);
  }

  /** Adds an anomaly found at `place` (of event `e`, when it is one's). */
  anomaly(kind: AnomalyKind, place: Place, message: string, e?: EventRecord): void {
    const a: Anomaly = { kind, line: place.line, record: place.record, message, ...(e?.stream !== undefined ? { stream: e.stream } : {}), ...(e?.globalPosition !== undefined ? { position: e.globalPosition } : {}) };
    this.anomalies.add(a);
  }

  /** Replays one record of a stream from before the read into the domain's state only (../domainCheck's `earlier`); true when it was replayed. */
  earlier(value: unknown): boolean {
    const read = this.domainEventOf(value);
    if (read === undefined) return false;
    const { e, domain } = read;
    return this.domain!.earlier(domain, e.stream, e.streamPosition, { line: 0, record: 0, position: e.globalPosition, streamPosition: e.streamPosition, source: e.source, t: e.time?.ms ?? this.lastMs });
  }

  /** Whether the earlier events of a record's stream in the store are in the states a checkpoint carried already (../domainCheck's `carriesEarlier`). */
  carriesEarlier(value: unknown): boolean {
    // no checkpoint carried a known stream: nothing to read the record for (reading it would count it twice in fieldsUsed)
    if (!this.domain?.carriesKnown) return false;
    const read = this.domainEventOf(value);
    return read !== undefined && this.domain!.carriesEarlier(read.domain, read.e.stream);
  }

  /** With a domain, a record read as one of the domain's events (renamed by the map), without taking it; undefined otherwise. */
  private domainEventOf(value: unknown): { readonly e: EventRecord; readonly domain: DomainEvent } | undefined {
    if (!this.domain || this.refused() || !isObject(value)) return undefined;
    const { read } = readRecordObject(this.reader, value, parsedRecordText(value));
    if (isProblem(read) || read.kind !== 'event' || read.archived) return undefined;
    const renamed = this.map.types.get(read.type);
    const e: EventRecord = renamed !== undefined ? { ...read, type: renamed } : read;
    const domain = this.domain.read(e, value, this.reader.lastPrepared);
    return isProblem(domain) ? undefined : { e, domain };
  }
}
