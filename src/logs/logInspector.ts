/**
 * The inspection of one log, fed record by record (push-based, so a reader can drive it from
 * any stream without an await per record): each record's text is parsed (positions exactly),
 * read under a profile chosen from the shape of the first records (or given), renamed by a
 * map, counted into the facts every log has, and — with a domain — matched, checked, replayed
 * with invariants per stream, and decided again for drift (logs.md); commands read on a state
 * that changed before their events were recorded are found with or without a domain
 * (./staleDecisions). Pure.
 */
import type { AnyDomainModule } from '../../domain/kernel';
import { DomainCheck, RENAME_ADVICE } from './domainCheck';
import { AnomalyList } from './facts/anomalyList';
import { LogFacts } from './facts/logFacts';
import { parseWithNumberText } from './json/exactJson';
import { consoleOutputLine } from './json/consoleOutput';
import { copyEscapes, csvLine } from './json/exportHint';
import { recordJsonError } from './json/recordJsonError';
import { MAX_RECORD_DEPTH, tooDeep } from './json/recordDepth';
import { namedDomainNote, type NamedDomain } from './headerDomainNote';
import { domainOfSource } from './cloudEventWriter';
import { StaleWatch } from './staleDecisions';
import { withLazyFinalState } from './lazyFinalState';
import { detectProfile, DETECTION_SAMPLE, FieldReader, NEEDS_EXACT, NO_MAP, profileByName, type JsonObject, type LogMap, type Profile, type ProfileName, type ReadProblem, type ReadResult } from './profiles';
import { show } from './profiles/fieldReader';
import { finalStateObject, hashState, type HasherFactory } from '../engine/report/stateHash';
import type { Anomaly, AnomalyKind, CommandRecord, EventRecord, InspectionReport, InspectResult, LogRecord, LogViolation } from './types';

export { MAX_ANOMALIES, MAX_PROBLEMS } from './facts/anomalyList';
export { MAX_RECORD_DEPTH } from './json/recordDepth';

/** Options of an inspection. */
export interface InspectorOptions {
  /** The domain to replay; without one, only the facts every log has. */
  readonly domain?: AnyDomainModule;
  /** The profile to read with; detected from the first records when absent. */
  readonly profile?: ProfileName;
  readonly map?: LogMap;
  /** Replay the valid records and report the rest, instead of refusing the log. */
  readonly skipInvalid?: boolean;
  /** Keep the state history (`HistoryStep[]`) for the UI. */
  readonly history?: boolean;
  /** Decide drift with the authorization policy (a header's `authorize` overrides it). */
  readonly authorize?: boolean;
  /** The log's size in characters, when known up front (its tables are sized for it). */
  readonly sizeHint?: number;
  /** The SHA-256 of `stateHash` (Node passes a native one); pure JS by default. */
  readonly hasher?: HasherFactory;
  /** Sees every record (after its checks), read or not, in file order; for a caller that stores records. */
  readonly onRecord?: (record: InspectedRecord) => void;
  /** Hears each anomaly as it is found (a live source's tail prints them as they come). */
  readonly onAnomaly?: (anomaly: Anomaly) => void;
  /** With a domain: hears each invariant violation as it is found (as `onAnomaly`). */
  readonly onViolation?: (violation: LogViolation) => void;
  /**
   * The read began after the log's first record (a source read `--from` a position, a time or its
   * end), so streams' earlier events are missing: with a domain, a stream that nothing shows began
   * in the read is replayed from an unknown state — its invariants not checked, a module's evolve
   * that fails on it leaving it out — and said in a note (./streamStarts; a file's streams whose
   * first revision is past the store's first are read so without it).
   */
  readonly partial?: boolean;
  /** How messages name a record's place (./placeWord): a file's lines (the default), a store's rows, a broker's messages. */
  readonly placeWord?: 'line' | 'row' | 'message';
  /** A live source's: what its global position is called (./placeWord's positionName); its records' places in messages are their positions then. */
  readonly positionName?: string;
}

/** A record as the inspection read it — every record, in file order — with its place in the file and what the domain made of it. */
export interface InspectedRecord {
  readonly line: number;
  /** 1-based number among the file's records (blank lines excluded). */
  readonly record: number;
  /** The record's text as the file has it. */
  readonly text: string;
  /** What it was read as; absent when it could not be read (see `problem`). */
  readonly read?: LogRecord;
  /** Why it could not be read (`malformed`, `unmapped`). */
  readonly problem?: { readonly kind: AnomalyKind; readonly message: string };
  /** The domain's stream of an event, when a domain read it. */
  readonly domainStream?: string;
  /** False for a duplicate (not replayed again). */
  readonly counted: boolean;
}

/** What a read found so far (the report's counts of them as they stand), for a live read's progress. */
export interface InspectionFound {
  readonly anomalies: number;
  /** With a domain: the invariant violations found so far (each a stream's event that broke one, as the report lists them). */
  readonly violations?: number;
  /** Once a command record was read: the stale decisions found so far (the report's `staleDecisions.count`, ./staleDecisions). */
  readonly staleDecisions?: number;
}

/** Counts so far, for progress while a log is read: what was read, and what was found. */
export interface InspectionCounts extends InspectionFound {
  readonly events: number;
  readonly commands: number;
  readonly types: Readonly<Record<string, number>>;
}

interface Pending {
  readonly text: string;
  readonly line: number;
  readonly record: number;
  readonly value: unknown;
  readonly error?: string;
}

/** Records a log of `size` characters may hold, for sizing tables: records of 100 characters (most logs' are longer), at most 8M. */
const expectedRecords = (size: number | undefined): number | undefined => (size === undefined ? undefined : Math.min(8 << 20, Math.ceil(size / 100)));

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const isProblem = (r: unknown): r is ReadProblem => (r as ReadProblem)?.kind === 'anomaly';

/** Inspects one log fed through `record`; `finish` returns the result. */
export class LogInspector {
  private readonly anomalies = new AnomalyList();
  private facts: LogFacts | undefined;
  private reader: FieldReader | undefined;
  private readonly domain: DomainCheck | undefined;
  private readonly map: LogMap;
  private pending: Pending[] | undefined = [];
  private pendingObjects = 0;
  private readonly commandIds = new Set<string>();
  private commands = 0;
  private rejections = 0;
  private recordCount = 0;
  private lastMs = 0;
  /** Events the domain files under another stream than the log names (its streamOf), and the first of them. */
  private restreamed = 0;
  private firstRestreamed: { readonly line: number; readonly log: string; readonly domain: string } | undefined;
  /** Records met so far (for progress). */
  records = 0;
  /** What the file is, when it is plainly not a log (a Purestream scenario). */
  private notice: string | undefined;
  /** The domain the log names (its header's, else its CloudEvents source's: the first that names one), said in a note when another is chosen, offered when none is. */
  private named: NamedDomain | undefined;
  /** Stale decisions, watched from the first command record on (a log without commands costs one check per event). */
  private stale: StaleWatch | undefined;
  /** The profile's quick reading of plain event records, when it has one. */
  private scan: ((text: string) => EventRecord | undefined) | undefined;

  constructor(private readonly options: InspectorOptions = {}) {
    this.map = options.map ?? NO_MAP;
    this.anomalies.onAdd = options.onAnomaly;
    this.domain = options.domain ? new DomainCheck(options.domain, this.map, { history: options.history, authorize: options.authorize, partial: options.partial, placeWord: options.placeWord, positionName: options.positionName, pointerOf: (field) => this.reader?.lastPointer(field), onViolation: options.onViolation }) : undefined;
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
      error = consoleOutputLine(text) ?? csvLine(text) ?? withHint(recordJsonError((e as Error).message, text, line), copyEscapes(text));
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
    let text: string;
    try {
      text = JSON.stringify(value) ?? 'null';
    } catch {
      text = '';
    }
    this.take(text, line, record, value, undefined);
  };

  private take(text: string, line: number, record: number, value: unknown, error: string | undefined): void {
    if (this.pending) {
      this.pending.push({ text, line, record, value, error });
      if (error === undefined && isObject(value)) this.pendingObjects++;
      if (this.pendingObjects >= DETECTION_SAMPLE || this.pending.length >= 64 * DETECTION_SAMPLE) this.drain();
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
    this.facts = new LogFacts(this.anomalies, {
      denseStream: profile.dense?.stream === true,
      denseGlobal: profile.dense?.global === true,
      globalName: profile.name === 'purestream' ? 'seq' : profile.name === 'cloudevents' ? 'sequence' : profile.name === 'kafka' ? 'offset' : 'global position',
      utcWithoutZone: profile.utcWithoutZone === true,
    }, expectedRecords(this.options.sizeHint));
  }

  /** Chooses the profile from the records waiting (unless given) and reads them. */
  private drain(): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    const objects = pending.filter((p) => p.error === undefined && isObject(p.value)).map((p) => p.value as JsonObject);
    const first = objects[0];
    if (!this.reader) this.choose(detectProfile(objects));
    if (first && Array.isArray(first.commands) && Array.isArray(first.runs) && first.domain !== undefined) {
      // a scenario read as a log would give one odd "event": say what it is instead, and read nothing
      this.notice = 'this is a Purestream scenario, not an event log: open it from the Start view, or run it with `purestream run`';
      return;
    }
    for (const p of pending) this.process(p.text, p.line, p.record, p.value, p.error);
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
    const reader = this.reader!;
    let read: ReadResult | typeof NEEDS_EXACT;
    try {
      read = reader.read(value);
      if (read === NEEDS_EXACT) {
        value = parseWithNumberText(text) as JsonObject;
        read = reader.read(value as JsonObject);
      }
    } catch (e) {
      // a reviver or a field read through a record nested too deeply for the stack
      return this.unread(place, text, 'malformed', e instanceof RangeError ? 'the record is nested too deeply to read' : `cannot read the record: ${(e as Error).message}`);
    }
    if (read === NEEDS_EXACT) return this.unread(place, text, 'malformed', 'a position is too large to read exactly here');
    if (isProblem(read)) return this.unread(place, text, read.anomaly, read.message);
    const obj = value as JsonObject;
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
    const domain = this.domain && e.kind === 'event' && !e.archived ? this.domain.read(e, value === undefined ? undefined : (this.reader!.lastPrepared ?? value)) : undefined;
    const domainStream = domain && !isProblem(domain) ? domain.stream : undefined;
    const counted = this.facts!.event(e, e.stream ?? domainStream, place, text, fingerprint);
    // (a redelivery is not counted among the events again, nor here)
    if (counted && domainStream !== undefined && e.stream !== undefined && e.stream !== domainStream && this.restreamed++ === 0) this.firstRestreamed = { line: place.line, log: e.stream, domain: domainStream };
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
    const failed = this.domain!.apply(domain, e.causationId, { ...place, position: e.globalPosition, streamPosition: e.streamPosition, source: e.source, t: e.time?.ms ?? this.lastMs }, e.stream, e.streamPosition);
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

  /** The note on the domain the log names, when another was chosen (first: it explains the records' problems); `found`: the problems or anomalies listed. */
  private namedDomainNotes(found: readonly Anomaly[]): string[] {
    const named = this.named;
    const chosen = this.domain?.decider.id;
    if (!named || chosen === undefined || named.domain === chosen) return [];
    return [namedDomainNote(named, chosen, found.some((a) => a.kind === 'unknown-type'), this.refused)];
  }

  /** The report: at the end (`final`: the state read in place, drift flushed, with the history) or so far. */
  private result(source: string, framing: string, anomalies: { readonly kept: readonly Anomaly[]; readonly count: number }, final: boolean): InspectResult {
    const facts = this.facts!;
    // said at each report (the count of streams left out grows while a source is tailed)
    const unreplayed = this.domain?.startsNote();
    const restreamed = this.firstRestreamed;
    const notes = this.namedDomainNotes(this.refused ? this.anomalies.problems : anomalies.kept);
    // with the log's domain named, the unknown types and the streams are of another domain: said once, in that note
    const otherDomain = notes.length > 0;
    if (restreamed && !otherDomain)
      notes.push(
        `the domain files events under its own streams (its streamOf), and ${this.restreamed === facts.events ? 'every event' : `${this.restreamed} of ${facts.events} events`} the log files under another: ` +
          `line ${restreamed.line}'s stream ${JSON.stringify(restreamed.log)} is ${JSON.stringify(restreamed.domain)} to the domain; the violations${this.stale ? ', the stale decisions' : ''} and the final state name the domain's streams, the rest of the report the log's`,
      );
    if (unreplayed !== undefined) notes.push(unreplayed);
    if (this.refused)
      return {
        ok: false,
        problems: otherDomain ? this.anomalies.problems.map(withoutRenameAdvice) : [...this.anomalies.problems],
        problemCount: this.anomalies.problemCount,
        reason: `${this.anomalies.problemCount} record${this.anomalies.problemCount === 1 ? '' : 's'} cannot be read`,
        records: this.recordCount,
        ...(notes.length > 0 ? { notes } : {}),
      };
    const fieldPointers = this.reader!.fieldPointers();
    const report: InspectionReport = {
      format: 'purestream/inspection@1',
      domain: this.domain ? this.domain.decider.id : null,
      source,
      framing,
      profile: this.reader!.profile.name,
      fieldsUsed: this.reader!.fieldsUsed(),
      ...(Object.keys(fieldPointers).length > 0 ? { fieldPointers } : {}),
      events: facts.events,
      commands: this.commands,
      ...(this.rejections > 0 ? { rejections: this.rejections } : {}),
      types: facts.typeCounts(),
      ...facts.facts(),
      tombstones: facts.tombstones,
      systemEvents: facts.systemEvents,
      otherRecords: facts.otherRecords,
      ...(facts.redeliveries > 0 ? { redeliveries: facts.redeliveries } : {}),
      anomalies: otherDomain ? anomalies.kept.map(withoutRenameAdvice) : final ? anomalies.kept : [...anomalies.kept],
      ...(anomalies.count > anomalies.kept.length ? { anomalyCount: anomalies.count } : {}),
      violations: this.domain ? (final ? this.domain.replay.violations : [...this.domain.replay.violations]) : [],
      ...(this.domain && this.domain.streamsBeforeRead > 0 ? { streamsBeforeRead: this.domain.streamsBeforeRead } : {}),
      drift: [],
      ...(this.stale ? { staleDecisions: this.stale.report(final) } : {}),
      ...(this.notice ? { notice: this.notice } : {}),
      ...(notes.length > 0 ? { notes } : {}),
      ...(!this.domain && this.named?.by === 'header' ? { headerDomain: this.named.domain } : {}),
      ...(!this.domain && this.named?.by === 'source' ? { sourceDomain: this.named.domain } : {}),
    };
    if (!this.domain) return { ok: true, report };
    const domain = this.domain;
    const view = domain.replay.view;
    if (final) domain.drift.flush(view);
    const state = domain.replay.state;
    const keys = [...state.keys()].sort();
    const kept: { members?: string[] } = {};
    const withState = { ...report, drift: final ? domain.drift.drift() : domain.drift.drift(view), stateHash: hashState(state, keys, this.options.hasher, final ? kept : undefined), finalState: {} };
    if (final) {
      withLazyFinalState(
        withState,
        () => finalStateObject(state, keys),
        keys.length,
        function* () {
          for (const k of keys) yield [k, state.get(k)] as const;
        },
        kept.members,
      );
      return { ok: true, report: withState, ...(domain.replay.history ? { history: domain.replay.history } : {}) };
    }
    // the state goes on changing after a snapshot: its aggregates as they are now (evolve makes new ones, so keeping them is enough)
    const now = new Map(keys.map((k) => [k, state.get(k)] as const));
    withLazyFinalState(withState, () => finalStateObject(now, keys), keys.length, function* () {
      for (const k of keys) yield [k, now.get(k)] as const;
    });
    return { ok: true, report: withState };
  }
}

/** A message with a hint after it, when there is one. */
const withHint = (message: string, hint: string | undefined): string => (hint === undefined ? message : `${message}; ${hint}`);

/** An unknown type's problem without the advice to rename it (RENAME_ADVICE): the log names another domain. */
function withoutRenameAdvice(a: Anomaly): Anomaly {
  return a.kind === 'unknown-type' && a.message.endsWith(RENAME_ADVICE) ? { ...a, message: a.message.slice(0, -RENAME_ADVICE.length) } : a;
}
