/**
 * The inspection of one log, fed record by record (push-based, so a reader can drive it from
 * any stream without an await per record): each record's text is parsed (positions exactly),
 * the first records held until a profile is chosen from their shape (or given), then each read
 * under it (./logReading): renamed by a map, counted into the facts every log has, and — with a
 * domain — matched, checked, replayed with invariants per stream, and decided again for drift
 * (logs.md); commands read on a state that changed before their events were recorded are found
 * with or without a domain (./staleDecisions). Pure.
 */
import { DomainCheck } from './domainCheck';
import { AnomalyList } from './facts/anomalyList';
import { tooDeep } from './json/recordDepth';
import type { InspectionCounts, InspectionFound, InspectorOptions } from './inspectorTypes';
import { ExportHints } from './json/exportHint';
import { notJsonReason, parsedRecordText } from './recordReading';
import { HeldRecords, isScenario, SCENARIO_NOTICE } from './profileChoice';
import { detectProfile, FieldReader, NO_MAP, profileByName, type LogMap, type Profile } from './profiles';
import { LogReading } from './logReading';
import type { Anomaly, EventRecord, InspectResult } from './types';
import { placer, type PlacedEntry } from './placeWord';
import type { StreamOrder } from './carriedState';
import { inspectionResult } from './inspectionResult';

export { MAX_ANOMALIES, MAX_PROBLEMS } from './facts/anomalyList';
export { MAX_RECORD_DEPTH } from './json/recordDepth';
export type { InspectedRecord, InspectionCounts, InspectionFound, InspectorOptions } from './inspectorTypes';

/** Inspects one log fed through `record`; `finish` returns the result. */
export class LogInspector {
  private readonly anomalies = new AnomalyList();
  /** The reading of the records once the profile is chosen (./logReading). */
  private reading: LogReading | undefined;
  private readonly domain: DomainCheck | undefined;
  private readonly map: LogMap;
  /** The records read before the profile is chosen (none once it is). */
  private pending: HeldRecords | undefined = new HeldRecords();
  private recordCount = 0;
  /** Records met so far (for progress). */
  records = 0;
  /** What the file is, when it is plainly not a log (a Purestream scenario). */
  private notice: string | undefined;
  /** Says what lines of a CSV or psql table export are (it remembers the table their header names). */
  private readonly exportHints = new ExportHints();
  /** The profile's quick reading of plain event records, when it has one. */
  private scan: ((text: string) => EventRecord | undefined) | undefined;

  constructor(private readonly options: InspectorOptions = {}) {
    this.map = options.map ?? NO_MAP;
    this.anomalies.onAdd = options.onAnomaly;
    this.domain = options.domain ? new DomainCheck(options.domain, this.map, { history: options.history, authorize: options.authorize, partial: options.partial, placeWord: options.placeWord, positionName: options.positionName, pointerOf: (field) => this.reading?.reader.lastPointer(field), onViolation: options.onViolation }) : undefined;
    if (options.carried) this.domain?.carry(options.carried);
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
    return this.reading?.reader.profile;
  }

  /** Reads one record's text found at `line`. Blank text is skipped. */
  record = (text: string, line: number): void => {
    if (text.charCodeAt(0) !== 123 && text.trim() === '') return;
    const record = ++this.recordCount;
    this.records = record;
    // the profile's quick reading of a plain event record, once the profile is known
    if (this.scan !== undefined && this.pending === undefined && !tooDeep(text)) {
      const scanned = this.scan(text);
      if (scanned !== undefined) return this.reading!.event(scanned, { line, record }, text, undefined);
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
    return this.scan !== undefined && this.pending === undefined && this.reading?.reader.profile.framedScan === true && this.options.onRecord === undefined;
  }

  /** Reads an event record scanned on another thread (only while `takesScanned`), numbered as `record` numbers; `fingerprint` is its text's. */
  scanned = (e: EventRecord, line: number, fingerprint: number): void => {
    const record = ++this.recordCount;
    this.records = record;
    this.reading!.event(e, { line, record }, '', undefined, fingerprint);
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
  earlier = (value: unknown): boolean => this.pending === undefined && this.reading !== undefined && this.reading.earlier(value);

  /**
   * Whether the earlier events of a record's stream in the store are in the states a checkpoint
   * carried already (../domainCheck's `carriesEarlier`), so a read resumed from it need not load
   * them (../sources/earlierReplay). Reads the record without taking it.
   */
  carriesEarlier(value: unknown): boolean {
    return this.pending === undefined && this.reading !== undefined && this.reading.carriesEarlier(value);
  }

  /** With a domain, the note on the streams that began before the read so far (../domainCheck's `startsNote`): a live read says it when the first is met. */
  startsNote(): string | undefined {
    return this.domain?.startsNote();
  }

  /** With a domain, every stream whose state is unknown so far, those a checkpoint carried included (./carriedState: the next checkpoint's). */
  unknownStreams(): string[] {
    return this.domain?.unknownStreams() ?? [];
  }

  /** Each stream's order at the end of the read so far, carried ones included (./carriedState: the next checkpoint's `order`); none before the profile is chosen. */
  streamOrder(): (readonly [string, StreamOrder])[] {
    return this.reading ? [...this.reading.facts.streamOrder()] : [...(this.options.carried?.order ?? [])];
  }

  private take(text: string, line: number, record: number, value: unknown, error: string | undefined): void {
    if (this.pending) {
      if (this.pending.hold({ text, line, record, value, error })) this.drain();
      return;
    }
    this.reading!.read(text, line, record, value, error);
  }

  /**
   * Reports a problem of the file's structure (an unclosed array) or of one record the framer could
   * not hand on (too long, not complete at the end): given its start (`record`), that record is
   * numbered and handed on as any malformed record, so the records after it keep their numbers.
   */
  structural = (message: string, line: number, record?: string): void => {
    this.drain();
    if (record === undefined) return this.reading!.anomaly('malformed', { line, record: this.recordCount + 1 }, message);
    const place = { line, record: ++this.recordCount };
    this.records = place.record;
    this.reading!.unread(place, record, 'malformed', message);
  };

  private choose(profile: Profile): void {
    const reading = new LogReading(new FieldReader(profile, this.map.fields), this.anomalies, this.domain, this.map, this.options, () => this.refused);
    this.reading = reading;
    reading.onRefined = () => (this.scan = this.map.data.size === 0 ? reading.reader.scan : undefined);
    // a map's payload pointers read the whole record, and its field pointers any member: then every record is parsed (the reader says when its fields are the map's)
    this.scan = this.map.data.size === 0 ? reading.reader.scan : undefined;
  }

  /** Chooses the profile from the records waiting (unless given) and reads them. */
  private drain(): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    const objects = pending.objectsHeld();
    const first = objects[0];
    if (!this.reading) this.choose(detectProfile(objects));
    if (first && isScenario(first)) {
      // a scenario read as a log would give one odd "event": say what it is instead, and read nothing
      this.notice = SCENARIO_NOTICE;
      return;
    }
    for (const p of pending.held) this.reading!.read(p.text, p.line, p.record, p.value, p.error);
  }

  /** The counts so far (events, commands, events per type, and what was found). */
  counts(): InspectionCounts {
    const r = this.reading;
    return { events: r?.facts.events ?? 0, commands: r?.commands ?? 0, types: r?.facts.typeCounts() ?? {}, ...this.found() };
  }

  /** What was found so far: anomalies; with a domain the violations, with command records the stale decisions. O(1). */
  found(): InspectionFound {
    return {
      anomalies: this.anomalies.count,
      ...(this.domain ? { violations: this.domain.replay.violations.length } : {}),
      ...(this.reading?.stale ? { staleDecisions: this.reading.stale.found } : {}),
    };
  }

  /** Ends the inspection: the report (with the history when asked), or the problems that refuse the log. `finalState` is built on first read. */
  finish(source: string, framing = 'lines'): InspectResult {
    this.drain();
    if (!this.reading) this.choose(detectProfile([]));
    this.reading!.facts.finish(this.placeOne(framing));
    return this.result(source, framing, this.anomalies, true);
  }

  /** How the report names one record's place (./placeWord): a file's line, a live source's position. */
  private placeOne(framing: string): (e: PlacedEntry) => string {
    return placer({ framing, fieldsUsed: this.reading!.reader.fieldsUsed() }).one;
  }

  /**
   * The report of the records read so far, without ending the inspection (a live source's tail
   * shows it while it reads): what `finish` would return if no more records came, without the
   * history. Undefined until the profile is chosen (the first records decide it unless given).
   * It costs what a report costs — the state's hash and the listed streams are built again —
   * so a caller spaces the calls; it changes nothing, and `finalState` is the state as it is now.
   */
  snapshot(source: string, framing = 'lines'): InspectResult | undefined {
    if (this.pending !== undefined || !this.reading) return undefined;
    const { drop, noZone } = this.reading.facts.closing(this.placeOne(framing));
    return this.result(source, framing, this.anomalies.closed(drop, noZone), false);
  }

  /** The report: at the end (`final`: the state read in place, drift flushed, with the history) or so far (./inspectionResult). */
  private result(source: string, framing: string, anomalies: { readonly kept: readonly Anomaly[]; readonly count: number }, final: boolean): InspectResult {
    const r = this.reading!;
    const state = {
      facts: r.facts,
      reader: r.reader,
      domain: this.domain,
      stale: r.stale,
      refused: this.refused,
      all: this.anomalies,
      records: this.recordCount,
      commands: r.commands,
      rejections: r.rejections,
      notice: this.notice,
      named: r.named,
      restreamed: r.restreamed,
      domainEvents: r.domainEvents,
      firstRestreamed: r.firstRestreamed,
      hasher: this.options.hasher,
      unreadSamples: r.unreadSamples,
    };
    return inspectionResult(state, source, framing, anomalies, final);
  }
}
