/**
 * The inspection of one log, fed record by record (push-based, so a reader can drive it from
 * any stream without an await per record): each record's text is parsed (positions exactly),
 * read under a profile chosen from the shape of the first records (or given), renamed by a
 * map, counted into the facts every log has, and — with a domain — matched, checked, replayed
 * with invariants per stream, and decided again for drift (logs.md); commands read on a state
 * that changed before their events were recorded are found with or without a domain
 * (./staleDecisions). Pure.
 */
import { DomainCheck } from './domainCheck';
import { AnomalyList } from './facts/anomalyList';
import { LogFacts } from './facts/logFacts';
import { MAX_RECORD_DEPTH, tooDeep } from './json/recordDepth';
import type { NamedDomain } from './headerDomainNote';
import { domainOfSource } from './cloudEventWriter';
import { StaleWatch } from './staleDecisions';
import { inspectionResult } from './inspectionResult';
import type { InspectionCounts, InspectionFound, InspectorOptions } from './inspectorTypes';
import { ExportHints } from './json/exportHint';
import { notJsonReason, parsedRecordText, readRecordObject } from './recordReading';
import { expectedRecords, HeldRecords, isScenario, positionRules, SCENARIO_NOTICE } from './profileChoice';
import { closerProfile, detectProfile, DETECTION_SAMPLE, FieldReader, NO_MAP, profileByName, type JsonObject, type LogMap, type Profile, type ReadProblem } from './profiles';
import { show } from './profiles/fieldReader';
import type { Anomaly, AnomalyKind, CommandRecord, EventRecord, InspectResult } from './types';
import type { PlacedEntry } from './placeWord';

export { MAX_ANOMALIES, MAX_PROBLEMS } from './facts/anomalyList';
export { MAX_RECORD_DEPTH } from './json/recordDepth';
export type { InspectedRecord, InspectionCounts, InspectionFound, InspectorOptions } from './inspectorTypes';

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const isProblem = (r: unknown): r is ReadProblem => (r as ReadProblem)?.kind === 'anomaly';

/** Inspects one log fed through `record`; `finish` returns the result. */
export class LogInspector {
  private readonly anomalies = new AnomalyList();
  private facts: LogFacts | undefined;
  private reader: FieldReader | undefined;
  private readonly domain: DomainCheck | undefined;
  private readonly map: LogMap;
  /** The records read before the profile is chosen (none once it is). */
  private pending: HeldRecords | undefined = new HeldRecords();
  private readonly commandIds = new Set<string>();
  private commands = 0;
  private rejections = 0;
  private recordCount = 0;
  private lastMs = 0;
  /** Events the domain files under another stream than the log names (its streamOf), and the first of them. */
  private restreamed = 0;
  /** Events the domain read as its own (a stream of its): what `restreamed` counts among. */
  private domainEvents = 0;
  private firstRestreamed: (PlacedEntry & { readonly log: string; readonly domain: string }) | undefined;
  /** Records met so far (for progress). */
  records = 0;
  /** What the file is, when it is plainly not a log (a Purestream scenario). */
  private notice: string | undefined;
  /** The domain the log names (its header's, else its CloudEvents source's: the first that names one), said in a note when another is chosen, offered when none is. */
  private named: NamedDomain | undefined;
  /** Stale decisions, watched from the first command record on (a log without commands costs one check per event). */
  private stale: StaleWatch | undefined;
  /** Says what lines of a CSV or psql table export are (it remembers the table their header names). */
  private readonly exportHints = new ExportHints();
  /** The profile's quick reading of plain event records, when it has one. */
  private scan: ((text: string) => EventRecord | undefined) | undefined;
  /** Reading with a source reader's own profile until a record with content says whether another reads its records more closely (closerProfile). */
  private mayRefine: boolean;
  /** With a profile asked for: the first records it read no event from, to say what they look like when it reads none (otherProfile). */
  private readonly unreadSamples: JsonObject[] | undefined;

  constructor(private readonly options: InspectorOptions = {}) {
    this.map = options.map ?? NO_MAP;
    this.anomalies.onAdd = options.onAnomaly;
    this.domain = options.domain ? new DomainCheck(options.domain, this.map, { history: options.history, authorize: options.authorize, partial: options.partial, placeWord: options.placeWord, positionName: options.positionName, pointerOf: (field) => this.reader?.lastPointer(field), onViolation: options.onViolation }) : undefined;
    if (options.carried) this.domain?.carry(options.carried);
    this.unreadSamples = options.profile && !options.profileOfReader ? [] : undefined;
    this.mayRefine = options.profileOfReader === true && options.profile !== undefined;
    const forced = options.profile ?? this.map.profile;
    if (forced) {
      this.choose(profileByName(forced));
      this.pending = undefined;
    }
  }

  /** True once a blocking problem means the log will be refused. */
  get refused(): boolean {
    return this.anomalies.problemCount > 0 && this.options.skipInvalid !== true;
  }

  /** The profile in use, once chosen. */
  get profile(): Profile | undefined {
    return this.reader?.profile;
  }

  /** Reads one record's text found at `line`. Blank text is skipped. */
  record = (text: string, line: number): void => {
    if (text.charCodeAt(0) !== 123 && text.trim() === '') return;
    const record = ++this.recordCount;
    this.records = record;
    // the profile's quick reading of a plain event record, once the profile is known
    if (this.scan !== undefined && this.pending === undefined && !tooDeep(text)) {
      const scanned = this.scan(text);
      if (scanned !== undefined) return this.event(scanned, { line, record }, text, undefined);
    }
    let value: unknown;
    let error: string | undefined;
    try {
      value = JSON.parse(text);
    } catch (e) {
      error = notJsonReason(text, line, e as Error, this.exportHints);
    }
    this.take(text, line, record, value, error);
  };

  /** Whether a record scanned on another thread (../framing/framedBatch) is read as such now: the profile scans, and no caller wants each record's text. */
  get takesScanned(): boolean {
    return this.scan !== undefined && this.pending === undefined && this.reader?.profile.framedScan === true && this.options.onRecord === undefined;
  }

  /** Reads an event record scanned on another thread (only while `takesScanned`), numbered as `record` numbers; `fingerprint` is its text's. */
  scanned = (e: EventRecord, line: number, fingerprint: number): void => {
    const record = ++this.recordCount;
    this.records = record;
    this.event(e, { line, record }, '', undefined, fingerprint);
  };

  /**
   * Reads one record already parsed — a row of a store, a broker's message as an object (see
   * sources.md) — numbered `line` (a live source numbers its records in the order read). Its
   * text (for `identical` and the stored record) is its JSON; positions should come as strings
   * (a store's int8), as they cannot be read exactly from a number here.
   */
  value = (value: unknown, line: number): void => {
    const record = ++this.recordCount;
    this.records = record;
    this.take(parsedRecordText(value), line, record, value, undefined);
  };

  /**
   * Replays one record of a stream from before the read, loaded from its store so the stream's
   * events in the read are checked on its whole history (../sources/earlierReplay): with a domain,
   * once the profile is known, into the domain's state only — not counted, not listed, no
   * violation or drift of its own (../domainCheck's `earlier`). True when it was replayed.
   */
  earlier = (value: unknown): boolean => {
    const reader = this.reader;
    if (!this.domain || !reader || this.pending !== undefined || this.refused || !isObject(value)) return false;
    const { read } = readRecordObject(reader, value, parsedRecordText(value));
    if (isProblem(read) || read.kind !== 'event' || read.archived) return false;
    const renamed = this.map.types.get(read.type);
    const e: EventRecord = renamed !== undefined ? { ...read, type: renamed } : read;
    const domain = this.domain.read(e, value, reader.lastPrepared);
    if (isProblem(domain)) return false;
    return this.domain.earlier(domain, e.stream, e.streamPosition, { line: 0, record: 0, position: e.globalPosition, streamPosition: e.streamPosition, source: e.source, t: e.time?.ms ?? this.lastMs });
  };

  /** With a domain, the note on the streams that began before the read so far (../domainCheck's `startsNote`): a live read says it when the first is met. */
  startsNote(): string | undefined {
    return this.domain?.startsNote();
  }

  /** With a domain, every stream whose state is unknown so far, those a checkpoint carried included (./carriedState: the next checkpoint's). */
  unknownStreams(): string[] {
    return this.domain?.unknownStreams() ?? [];
  }

  private take(text: string, line: number, record: number, value: unknown, error: string | undefined): void {
    if (this.pending) {
      if (this.pending.hold({ text, line, record, value, error })) this.drain();
      return;
    }
    this.process(text, line, record, value, error);
  }

  /**
   * Reports a problem of the file's structure (an unclosed array) or of one record the framer could
   * not hand on (too long, not complete at the end): given its start (`record`), that record is
   * numbered and handed on as any malformed record, so the records after it keep their numbers.
   */
  structural = (message: string, line: number, record?: string): void => {
    this.drain();
    if (record === undefined) return this.anomaly('malformed', { line, record: this.recordCount + 1 }, message);
    const place = { line, record: ++this.recordCount };
    this.records = place.record;
    this.unread(place, record, 'malformed', message);
  };

  private choose(profile: Profile): void {
    this.reader = new FieldReader(profile, this.map.fields);
    // a stream's first revision is the store's contract only where the profile reads the revision
    this.domain?.useFirstPosition(this.map.fields.streamPosition === undefined ? profile.firstStreamPosition : undefined);
    // a map's payload pointers read the whole record, and its field pointers any member: then every record is parsed (the reader says when its fields are the map's)
    this.scan = this.map.data.size === 0 ? this.reader.scan : undefined;
    this.facts = new LogFacts(this.anomalies, positionRules(profile), expectedRecords(this.options.sizeHint));
  }

  /** Reads on with the profile that reads the source's records more closely, once a record says which (the facts so far are kept). */
  private refineProfile(record: JsonObject): void {
    const closer = closerProfile(this.reader!.profile, record);
    if (closer === null) return;
    this.mayRefine = false;
    if (closer === undefined) return;
    this.reader = new FieldReader(closer, this.map.fields);
    this.domain?.useFirstPosition(this.map.fields.streamPosition === undefined ? closer.firstStreamPosition : undefined);
    this.scan = this.map.data.size === 0 ? this.reader.scan : undefined;
  }

  /** Chooses the profile from the records waiting (unless given) and reads them. */
  private drain(): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    const objects = pending.objectsHeld();
    const first = objects[0];
    if (!this.reader) this.choose(detectProfile(objects));
    if (first && isScenario(first)) {
      // a scenario read as a log would give one odd "event": say what it is instead, and read nothing
      this.notice = SCENARIO_NOTICE;
      return;
    }
    for (const p of pending.held) this.process(p.text, p.line, p.record, p.value, p.error);
  }

  /** A record that could not be read: the anomaly, and the record handed on as such. */
  private unread(place: { line: number; record: number }, text: string, kind: AnomalyKind, message: string): void {
    this.anomaly(kind, place, message);
    this.options.onRecord?.({ ...place, text, problem: { kind, message }, counted: false });
  }

  private process(text: string, line: number, record: number, value: unknown, error: string | undefined): void {
    const place = { line, record };
    if (error !== undefined) return this.unread(place, text, 'malformed', `not JSON: ${error}`);
    if (tooDeep(text)) return this.unread(place, text, 'malformed', `the record nests more than ${MAX_RECORD_DEPTH} levels deep`);
    // a record of nothing but null: a deletion marker (kafka-console-consumer prints a tombstone so)
    if (value === null) {
      const tombstone: EventRecord = { kind: 'tombstone', type: '', data: null };
      this.facts!.event(tombstone, undefined, place, text);
      return this.options.onRecord?.({ ...place, text, read: tombstone, counted: false });
    }
    if (!isObject(value)) return this.unread(place, text, 'malformed', `expected a JSON object, got ${show(value)}`);
    if (this.mayRefine) this.refineProfile(value);
    const { read, value: obj } = readRecordObject(this.reader!, value, text);
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
        if (this.domain && !this.refused) {
          this.domain.drift.flush(this.domain.replay.view);
          this.domain.drift.rejection(read.commandId, read.code);
        }
        return this.options.onRecord?.({ ...place, text, read, counted: true });
      default:
        return this.event(read, place, text, obj);
    }
  }

  private event(read: EventRecord, place: { line: number; record: number }, text: string, value: JsonObject | undefined, fingerprint?: number): void {
    // CloudEvents a purestream export wrote name their domain in `source` (until one has)
    if (this.named === undefined && read.source !== undefined && this.reader!.profile.name === 'cloudevents') {
      const domain = domainOfSource(read.source);
      if (domain !== undefined) this.named = { domain, by: 'source', source: read.source };
    }
    const renamed = this.map.types.get(read.type);
    const e: EventRecord = renamed !== undefined ? { ...read, type: renamed } : read;
    this.anomalies.reading(place.record, e);
    const domain = this.domain && e.kind === 'event' && !e.archived ? this.domain.read(e, value, value === undefined ? undefined : this.reader!.lastPrepared) : undefined;
    const domainStream = domain && !isProblem(domain) ? domain.stream : undefined;
    const counted = this.facts!.event(e, e.stream ?? domainStream, place, text, fingerprint);
    // (a redelivery is not counted among the events again, nor here)
    if (counted && domainStream !== undefined) this.domainEvents++;
    if (counted && domainStream !== undefined && e.stream !== undefined && e.stream !== domainStream && this.restreamed++ === 0) this.firstRestreamed = { line: place.line, ...(e.globalPosition !== undefined ? { globalPosition: e.globalPosition } : {}), ...(e.source !== undefined ? { source: e.source } : {}), log: e.stream, domain: domainStream };
    if (this.options.onRecord) this.options.onRecord({ ...place, text, read: e, counted, ...(domainStream !== undefined ? { domainStream } : {}) });
    if (this.stale !== undefined && counted && e.kind === 'event' && !e.archived) {
      // the streams the replay uses: the domain's with a domain (an event it cannot read is in none), else the log's
      const stream = this.domain ? domainStream : e.stream;
      if (stream !== undefined) this.stale.event(e.causationId, stream, place);
    }
    if (e.time) this.lastMs = e.time.ms;
    if (!counted || domain === undefined) return;
    if (isProblem(domain)) return this.anomaly(domain.anomaly, place, domain.message, e);
    if (this.refused) return;
    const failed = this.domain!.apply(domain, e.causationId, { ...place, position: e.globalPosition, streamPosition: e.streamPosition, source: e.source, eventId: e.id, t: e.time?.ms ?? this.lastMs }, e.stream, e.streamPosition);
    if (failed) this.anomaly(failed.anomaly, place, failed.message, e);
  }

  private command(c: CommandRecord, place: { line: number; record: number }, text: string): void {
    if (this.commandIds.has(c.id)) {
      this.options.onRecord?.({ ...place, text, read: c, counted: false });
      return this.anomaly('duplicate-id', place, `command id ${JSON.stringify(c.id)} appeared before; not decided again`);
    }
    this.commandIds.add(c.id);
    this.commands++;
    this.facts!.command(c.id);
    (this.stale ??= new StaleWatch()).command(c, place);
    this.options.onRecord?.({ ...place, text, read: c, counted: true });
    if (!this.domain || this.refused) return;
    const failed = this.domain.command(c, place);
    if (failed) this.anomaly(failed.anomaly, place, failed.message);
  }

  private anomaly(kind: AnomalyKind, place: { line: number; record: number }, message: string, e?: EventRecord): void {
    const a: Anomaly = { kind, line: place.line, record: place.record, message, ...(e?.stream !== undefined ? { stream: e.stream } : {}), ...(e?.globalPosition !== undefined ? { position: e.globalPosition } : {}) };
    this.anomalies.add(a);
  }

  /** The counts so far (events, commands, events per type, and what was found). */
  counts(): InspectionCounts {
    return { events: this.facts?.events ?? 0, commands: this.commands, types: this.facts?.typeCounts() ?? {}, ...this.found() };
  }

  /** What was found so far: anomalies; with a domain the violations, with command records the stale decisions. O(1). */
  found(): InspectionFound {
    return {
      anomalies: this.anomalies.count,
      ...(this.domain ? { violations: this.domain.replay.violations.length } : {}),
      ...(this.stale ? { staleDecisions: this.stale.found } : {}),
    };
  }

  /** Ends the inspection: the report (with the history when asked), or the problems that refuse the log. `finalState` is built on first read. */
  finish(source: string, framing = 'lines'): InspectResult {
    this.drain();
    if (!this.reader) this.choose(detectProfile([]));
    this.facts!.finish();
    return this.result(source, framing, this.anomalies, true);
  }

  /**
   * The report of the records read so far, without ending the inspection (a live source's tail
   * shows it while it reads): what `finish` would return if no more records came, without the
   * history. Undefined until the profile is chosen (the first records decide it unless given).
   * It costs what a report costs — the state's hash and the listed streams are built again —
   * so a caller spaces the calls; it changes nothing, and `finalState` is the state as it is now.
   */
  snapshot(source: string, framing = 'lines'): InspectResult | undefined {
    if (this.pending !== undefined || !this.reader) return undefined;
    const { drop, noZone } = this.facts!.closing();
    return this.result(source, framing, this.anomalies.closed(drop, noZone), false);
  }

  /** The report: at the end (`final`: the state read in place, drift flushed, with the history) or so far (./inspectionResult). */
  private result(source: string, framing: string, anomalies: { readonly kept: readonly Anomaly[]; readonly count: number }, final: boolean): InspectResult {
    const state = {
      facts: this.facts!,
      reader: this.reader!,
      domain: this.domain,
      stale: this.stale,
      refused: this.refused,
      all: this.anomalies,
      records: this.recordCount,
      commands: this.commands,
      rejections: this.rejections,
      notice: this.notice,
      named: this.named,
      restreamed: this.restreamed,
      domainEvents: this.domainEvents,
      firstRestreamed: this.firstRestreamed,
      hasher: this.options.hasher,
      unreadSamples: this.unreadSamples,
    };
    return inspectionResult(state, source, framing, anomalies, final);
  }
}
